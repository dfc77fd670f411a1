// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';
import electronConfined from './eslint-rules/electron-confined.js';
import runtimeBoundaries from './eslint-rules/runtime-boundaries.js';
import testSupport from './eslint-rules/test-support.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Runtime boundaries (see ../shared/ARCHITECTURE.md, "Layout"): which top-level folders each runtime may import. */
const boundaries = {
  shared: [],
  main: ['shared', 'services'],
  preload: ['shared'],
  renderer: ['shared'],
  services: ['shared'],
};

const noNodeOrElectron = {
  paths: [{ name: 'electron', message: 'Electron APIs belong to main/ and preload/.' }],
  patterns: [{ group: nodeBuiltins, message: 'Node built-ins are not available in this runtime.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.vite/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { local: { rules: { 'runtime-boundaries': runtimeBoundaries, 'electron-confined': electronConfined, 'test-support': testSupport } } },
    rules: {
      'local/runtime-boundaries': ['error', boundaries],
      // Test support lives in testing/ folders; only tests, e2e/, bench/ and scripts/ import it.
      'local/test-support': ['error', { folders: ['e2e', 'bench', 'scripts'] }],
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
    // In main/, only main/electron/ touches Electron; everything else is plain TypeScript tested in Node
    // (docs/architecture.md, "Main process"). Electron-only packages go in `modules` when they are added.
    files: ['main/**/*.ts'],
    rules: { 'local/electron-confined': ['error', { folder: 'main/electron', modules: ['electron', 'electron-updater'] }] },
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
    rules: { 'local/runtime-boundaries': 'off', 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
