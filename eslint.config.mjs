// Lint config. The import restrictions enforce the layers: src/core is pure, only src/vscode
// imports 'vscode', only src/kube and src/prometheus do cluster / HTTP I/O; nothing in src imports the testbed
// (the API double and the canary simulator serve the demo and the tests, never the extension).
import * as path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const io = ['@kubernetes/client-node', 'axios', 'node:fs', 'fs', 'node:http', 'node:https', 'http', 'https', 'node:child_process', 'child_process', 'node:net', 'net'];

// Resolves relative imports, so src/core/prometheus (pure parsing) is allowed and src/prometheus (I/O) is not:
// a path pattern cannot tell `../prometheus/x` in src/core/analysis from the same text in src/core/x.ts.
const root = import.meta.dirname;
const layerOf = (file) => path.relative(root, file).split(path.sep).slice(0, 2).join('/');
const testbed = ['testbed/apiDouble', 'testbed/canarySimulator'];
const layers = {
  rules: {
    'imports-within': {
      meta: { type: 'problem', schema: [{ type: 'array', items: { type: 'string' } }] },
      create(context) {
        const forbidden = context.options[0] ?? [];
        const check = (node) => {
          const source = node.source && node.source.value;
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          const target = layerOf(path.resolve(path.dirname(context.filename), source));
          if (forbidden.includes(target)) context.report({ node, message: `${layerOf(context.filename)} must not import from ${target} (see the layer rules at the top of eslint.config.mjs).` });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
      },
    },
  },
};

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
    plugins: { layers },
    rules: {
      'no-restricted-imports': ['error', { paths: ['vscode', ...io] }],
      'layers/imports-within': ['error', ['src/vscode', 'src/kube', 'src/prometheus', 'src/cli', 'src/extension.ts', ...testbed]],
    },
  },
  {
    files: ['src/kube/**/*.ts', 'src/prometheus/**/*.ts', 'src/cli/**/*.ts'],
    plugins: { layers },
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode'] }], 'layers/imports-within': ['error', ['src/vscode', ...testbed]] },
  },
  {
    files: ['src/vscode/**/*.ts', 'src/extension.ts'],
    plugins: { layers },
    rules: { 'layers/imports-within': ['error', testbed] },
  },
  {
    files: ['webview/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode', ...io], patterns: ['**/src/core/**', '**/src/vscode/**'] }] },
  },
);
