import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

// Everything a browser or Node adds to the language: DOM, storage, network, process, timers.
const HOST_GLOBALS = [...new Set([...Object.keys(globals.browser), ...Object.keys(globals.node)])]
  .filter((name) => !(name in globals.es2021))
  .map((name) => ({ name, message: 'The engine is pure TypeScript: no browser or Node APIs.' }));

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    // Browser and Node globals everywhere but the engine, which must stay free of both.
    files: ['**/*.{js,ts,svelte}'],
    ignores: ['src/engine/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // State classes keep their state in $state fields; Maps and Sets inside methods are local lookups.
    files: ['src/state/**/*.svelte.ts'],
    rules: { 'svelte/prefer-svelte-reactivity': 'off' },
  },
  {
    // The engine is pure TypeScript: no UI framework, DOM, storage or chart code may reach it.
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['svelte', 'svelte/*'], message: 'The engine must not depend on Svelte.' },
            { group: ['idb-keyval', 'idb-keyval/*'], message: 'The engine must not touch storage.' },
            { group: ['uplot', 'uplot/*'], message: 'The engine must not draw charts.' },
            {
              group: ['**/ui/**', '**/state/**', '**/*.svelte', '**/*.svelte.ts'],
              message: 'The engine must not import UI code.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...HOST_GLOBALS],
    },
  },
);
