/** crxjs resolves `import file from './x.ts?script'` to the built file's name. */
/// <reference types="@crxjs/vite-plugin/client" />
