// One linter: ESLint with typescript-eslint. Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'dist-firefox', 'dist-cli', 'node_modules', 'coverage', 'artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Page HTML must never reach an HTML sink: build DOM with createElement/textContent.
      // (Reading outerHTML to compare serializations is fine; assigning it is not.)
      'no-restricted-syntax': [
        'error',
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Build DOM with createElement/textContent, never from HTML strings.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|write|writeln)$/][callee.object.name=/^(document|doc|el|element|node)$/]',
          message: 'Build DOM with createElement/textContent, never from HTML strings.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/]',
          message: 'Build DOM with createElement/textContent, never from HTML strings.',
        },
      ],
    },
  },
  {
    files: ['src/core/**', 'src/sites/**', 'src/export/**'],
    rules: {
      // The core is pure: it takes a Document and a URL, and touches no browser globals.
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'location',
        'chrome',
        'browser',
        'navigator',
      ],
    },
  },
);
