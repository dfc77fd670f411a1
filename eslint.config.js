// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Runtime boundaries (see ../shared/ARCHITECTURE.md, "Layout"): who may import whom. */
const boundaries = [
  { target: './shared', from: ['./main', './preload', './renderer', './services', './e2e', './bench', './scripts'], message: 'shared/ imports nothing outside shared/.' },
  { target: './renderer', from: ['./main', './preload', './services', './e2e', './bench'], message: 'renderer/ may import shared/ only.' },
  { target: './preload', from: ['./main', './renderer', './services', './e2e', './bench'], message: 'preload/ may import shared/ only.' },
  { target: './main', from: ['./renderer', './preload', './e2e', './bench'], message: 'main/ may import shared/ and services/ only.' },
  { target: './services', from: ['./main', './renderer', './preload', './e2e', './bench'], message: 'services/ may import shared/ only.' },
];

const noNodeOrElectron = {
  paths: [{ name: 'electron', message: 'Electron APIs belong to main/ and preload/.' }],
  patterns: [{ group: nodeBuiltins, message: 'Node built-ins are not available in this runtime.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.vite/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...noNodeOrElectron.paths, { name: 'react', message: 'shared/ has no UI.' }],
        patterns: noNodeOrElectron.patterns,
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', noNodeOrElectron],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: noNodeOrElectron.patterns }],
    },
  },
  {
    // Integration tests run in Node and start the real backend they talk to, whatever runtime they test.
    files: ['**/*.integration.test.ts'],
    rules: { 'import-x/no-restricted-paths': 'off', 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
