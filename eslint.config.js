// Flat config: type-aware rules everywhere, and the workflow sandbox rules under workflows/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'db/migrations/**', '.qbflow/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Node builtins, no I/O layers.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'net', 'os', 'child_process'], message: 'Workflows must stay deterministic: no Node builtins.' },
          { group: ['**/db/**', '../db', '../db/*'], message: 'Workflows never touch the database; call an activity.' },
          { group: ['**/api/**'], message: 'Workflows never import the API layer.' },
          { group: ['**/activities/**'], allowTypeImports: true, message: 'Import activities as types only (proxyActivities).' },
        ],
      }],
    },
  },
  {
    // plain JavaScript: configuration files, and the worker's preload (config/workflow-stack-traces.mjs)
    files: ['*.js', '*.cjs', '.*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly' } },
  },
  {
    // CommonJS configuration files (dependency-cruiser reads .cjs)
    files: ['*.cjs', '.*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } },
  },
  {
    // The console's own browser script: plain JavaScript, served as is.
    files: ['api/console/assets/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', navigator: 'readonly', Element: 'readonly', Promise: 'readonly', Error: 'readonly' },
    },
  },
);
