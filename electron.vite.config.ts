import { defineConfig } from 'electron-vite'
import { chmodSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rendererConfig } from './src-renderer/vite.config'

// Vite rewrites import.meta.url in config files to this file's real location.
const root = dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  main: {
    plugins: [
      {
        // `npx werkschau` runs out/main/cli.js through a symlink, which needs the executable bit.
        name: 'werkschau-executable-cli',
        writeBundle: () => chmodSync(resolve(root, 'out/main/cli.js'), 0o755),
      },
    ],
    build: {
      outDir: 'out/main',
      // Vite is a dev dependency that `serve --dev` loads at run time; never bundle it.
      externalizeDeps: { include: ['vite'] },
      rolldownOptions: {
        input: {
          // The Electron entry, and the plain-Node CLI (browser host, `start`, later `export`).
          index: resolve(root, 'src-main/index.ts'),
          cli: resolve(root, 'src-main/cli.ts'),
          // The sharp pipeline's own process (crash and out-of-memory isolation).
          'photo-worker': resolve(root, 'src-main/photo-worker.ts'),
          // `npm run bench:photos`: runs the built app modules and worker, like the app does.
          'bench-photos': resolve(root, 'tests/bench/photos.ts'),
          // `npm run bench:publish`: the outbox, renders and Bluesky adapter against the test PDS.
          'bench-publish': resolve(root, 'tests/bench/publish.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require anything but electron: bundle every dependency (zod,
      // the contract) into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig(root),
})
