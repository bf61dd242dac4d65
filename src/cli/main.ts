/**
 * The `broadsheet` command: `npm run -s broadsheet -- …` from source, `bin/broadsheet.mjs` once
 * built (`npm run build:cli`). Usage is in args.ts; the README documents it.
 */
import { EXIT_FAILURE, EXIT_OK, parseCommand, USAGE, UsageError } from './args';
import { runExtract } from './extract';
import { runClean } from './clean';
import { EXTRACTOR_VERSION } from '../core/version';

async function main(argv: readonly string[]): Promise<number> {
  try {
    const cmd = parseCommand(argv);
    switch (cmd.kind) {
      case 'help':
        process.stdout.write(USAGE);
        return EXIT_OK;
      case 'version':
        process.stdout.write(`broadsheet ${EXTRACTOR_VERSION}\n`);
        return EXIT_OK;
      case 'extract':
        return await runExtract(cmd.inputs, cmd.pretty, process.stdout, process.stderr);
      case 'clean':
        return await runClean(cmd, process.stdout, process.stderr);
    }
  } catch (err) {
    if (err instanceof UsageError) process.stderr.write(`broadsheet: ${err.message}\n\n${USAGE}`);
    // Anything else is a fault in Broadsheet; Node's default would exit 1, which here means
    // "some pages had no article", so say what happened and exit 2.
    else process.stderr.write(`broadsheet: internal error: ${(err as Error)?.stack ?? err}\n`);
    return EXIT_FAILURE;
  }
}

// `broadsheet extract … | head`: the reader left; stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  throw err;
});

process.exitCode = await main(process.argv.slice(2));
