import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

// Everything a browser or Node adds to the language: DOM, storage, network, process, timers.
const HOST_GLOBALS = [...new Set([...Object.keys(globals.browser), ...Object.keys(globals.node)])]
  .filter((name) => !(name in globals.es2021))
  .map((name) => ({ name, message: 'The engine is pure TypeScript: no browser or Node APIs.' }));

// What the engine may never import: it is the bottom layer.
const ENGINE_IMPORTS = [
  { group: ['svelte', 'svelte/*'], message: 'The engine must not depend on Svelte.' },
  { group: ['idb-keyval', 'idb-keyval/*'], message: 'The engine must not touch storage.' },
  { group: ['uplot', 'uplot/*'], message: 'The engine must not draw charts.' },
  {
    group: ['**/ui/**', '**/state/**', '**/*.svelte', '**/*.svelte.ts'],
    message: 'The engine must not import UI code.',
  },
  {
    group: ['../storage', '../storage/*', '../share', '../share/*', '../export', '../export/*'],
    message: 'The engine is the bottom layer: storage, links and exports build on it, not it on them.',
  },
];

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
    // State sits below the views: components import state, never the other way.
    files: ['src/state/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', '**/App.svelte'],
              message: 'State sits below the views: components import state, never the other way.',
            },
          ],
        },
      ],
    },
  },
  {
    // Export, charts, storage, share and templates take plain inputs: no Svelte, state or views reach them.
    files: ['src/{export,charts,storage,share,templates,analysis}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['svelte', 'svelte/*'], message: 'This layer takes plain inputs: no Svelte.' },
            {
              group: ['**/ui/**', '**/state/**', '**/*.svelte', '**/*.svelte.ts'],
              message: 'This layer sits below state and views: the state layer turns a sheet into its inputs.',
            },
          ],
        },
      ],
    },
  },
  {
    // The Monte Carlo worker and its client run the engine and nothing else (their tests may use templates).
    files: ['src/analysis/**/*.ts'],
    ignores: ['src/analysis/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['svelte', 'svelte/*'], message: 'The worker runs the engine only: no Svelte.' },
            {
              group: ['../*', '!../engine'],
              message: 'The worker and its client import the engine only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The engine is pure TypeScript: no UI framework, DOM, storage or chart code may reach it.
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { patterns: ENGINE_IMPORTS }],
      'no-restricted-globals': ['error', ...HOST_GLOBALS],
    },
  },
  {
    // Nor may templates, charts or the worker, which build on the engine; its tests may use a template as data.
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...ENGINE_IMPORTS,
            {
              group: ['../charts', '../charts/*', '../analysis', '../analysis/*', '../templates', '../templates/*'],
              message: 'The engine is the bottom layer: charts, the worker and templates build on it.',
            },
          ],
        },
      ],
    },
  },
);
