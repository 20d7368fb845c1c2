// Lint guards the layering (style.md §2): shared/ is pure, renderer/ never reaches Electron or Node,
// raw ipcMain/ipcRenderer live only in the IPC adapter and preload.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Bare built-in names go under `paths` (exact module names), so local folders called e.g. `events` stay allowed.
const NODE_BUILTINS = ['fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'url', 'stream', 'events', 'util'];
const builtinPaths = (message) => [...NODE_BUILTINS, 'electron'].map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'bench/results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...builtinPaths('shared/ is pure: no Electron, Node or DOM'), { name: 'react', message: 'shared/ is pure: no UI' }],
          patterns: [{ group: ['node:*'], message: 'shared/ is pure: no Node' }, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing in the app' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: builtinPaths('the renderer never imports Electron or Node'),
          patterns: [{ group: ['node:*'], message: 'the renderer never imports Node' }, { group: ['**/electron/**'], message: 'the renderer talks to the main process only through renderer/ipc/api.ts' }],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/ipc/register-ipc.ts', 'electron/preload.ts', 'electron/main.ts', 'electron/window.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'only the thin shell (main, window, preload, IPC adapter) imports Electron' }] }],
    },
  },
);
