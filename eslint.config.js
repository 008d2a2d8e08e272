// Lint rules, including the layer rule from DESIGN.md:
//   src-main/shared  — the "common" layer: no electron, node, dockerode, ws or DOM-framework imports;
//   src-renderer     — browser code: may import from src-main only its shared contract;
//   src-main/engine, src-main/ipc — run headless too: never import electron (only the Electron shell may).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'net', 'child_process', 'stream', 'crypto', 'url', 'util', 'events'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src-main/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'dockerode', 'ws', 'react', 'react-dom', ...nodeBuiltins], message: 'src-main/shared is the common layer: plain TypeScript and zod only.' },
          {
            group: ['**/engine', '**/engine/**', '**/ipc', '**/ipc/**', '**/preload', '**/preload/**', '**/services', '**/src-renderer/**'],
            message: 'src-main/shared may import only from itself.',
          },
        ],
      }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'dockerode', 'ws', ...nodeBuiltins], message: 'The renderer runs in a browser sandbox: no Node, Electron or engine imports.' },
          { group: ['**/src-main/*', '!**/src-main/shared'], message: 'The renderer may import only src-main/shared (the IPC contract and DTOs).' },
        ],
      }],
    },
  },
  {
    files: ['src-main/engine/**/*.ts', 'src-main/ipc/**/*.ts', 'src-main/serve.ts'],
    ignores: ['src-main/ipc/electron-transport.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['electron'], message: 'Engine and IPC services also run headless: only the Electron shell may import electron.' }],
      }],
    },
  },
);
