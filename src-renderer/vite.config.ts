import react from '@vitejs/plugin-react'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { UserConfig } from 'vite'
import { contentSecurityPolicyPlugin } from './vite-csp-plugin.ts'

/**
 * The renderer's Vite config, used by electron-vite (electron.vite.config.ts) and by the browser
 * host's development mode (`werkschau serve --dev`), so both hot-reload the same app.
 */
export function rendererConfig(projectRoot: string): UserConfig {
  return {
    root: resolve(projectRoot, 'src-renderer'),
    plugins: [react(), contentSecurityPolicyPlugin()],
    build: {
      outDir: resolve(projectRoot, 'out/renderer'),
      emptyOutDir: true,
      // Keep assets as files: the CSP allows no data: fonts, and files cache better.
      assetsInlineLimit: 0,
      rolldownOptions: { input: resolve(projectRoot, 'src-renderer/index.html') },
    },
  }
}

/** Loaded by `werkschau serve --dev` through Vite's own config loader. */
export default rendererConfig(resolve(dirname(fileURLToPath(import.meta.url)), '..'))
