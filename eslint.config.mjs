// Lint config. The import restrictions enforce the layers: src/core is pure, only src/vscode
// imports 'vscode', only src/kube and src/prometheus do cluster / HTTP I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const io = ['@kubernetes/client-node', 'axios', 'node:fs', 'fs', 'node:http', 'node:https', 'http', 'https', 'node:child_process', 'child_process', 'node:net', 'net'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'out/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['vscode', ...io], patterns: ['**/vscode/**', '**/kube/**', '**/prometheus/**'] }],
    },
  },
  {
    files: ['src/kube/**/*.ts', 'src/prometheus/**/*.ts', 'src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode'], patterns: ['**/vscode/**'] }] },
  },
  {
    files: ['webview/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode', ...io], patterns: ['**/src/core/**', '**/src/vscode/**'] }] },
  },
);
