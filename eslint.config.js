import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/*
 * Layers by folder name (as in VS Code and Signal Desktop): where a file lives says where it
 * runs, and these rules keep each folder to the APIs of its environment.
 */

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'url',
  'util',
  'worker_threads',
  'zlib',
]
const noNode = [
  { group: ['node:*'], message: 'This layer runs outside Node: no node:* modules.' },
  ...nodeBuiltins.map((name) => ({ group: [name], message: 'This layer runs outside Node.' })),
]
const domGlobals = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'HTMLElement',
  'fetch',
  'EventSource',
]
const noIpcMain = {
  name: 'electron',
  importNames: ['ipcMain'],
  message: 'Only src-main/ipc.ts registers IPC handlers, from the contract.',
}
const noIpcRenderer = {
  name: 'electron',
  importNames: ['ipcRenderer'],
  message: 'Only src-preload talks to ipcRenderer.',
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [noIpcMain, noIpcRenderer] }],
    },
  },
  {
    files: ['src-shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src-shared runs everywhere: no electron.' }],
          patterns: noNode,
        },
      ],
      'no-restricted-globals': [
        'error',
        ...domGlobals.map((name) => ({ name, message: 'src-shared runs everywhere: no DOM.' })),
        { name: 'process', message: 'src-shared runs everywhere: no Node globals.' },
        { name: 'Buffer', message: 'src-shared runs everywhere: no Node globals.' },
      ],
    },
  },
  {
    // Electron-specific code stays in the thin shell; everything else in main runs under plain Node.
    files: ['src-main/**'],
    ignores: ['src-main/index.ts', 'src-main/ipc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Only src-main/index.ts and src-main/ipc.ts use Electron; services run under plain Node.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/ipc.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noIpcRenderer] }] },
  },
  {
    files: ['src-preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noIpcMain], patterns: noNode }] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/vite.config.ts', 'src-renderer/vite-csp-plugin.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches main only through the API client.' },
          ],
          patterns: noNode,
        },
      ],
    },
  },
  prettier,
)
