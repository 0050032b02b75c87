import { defineConfig } from '@playwright/test'
import base from '../../../playwright.config'

/**
 * `npm run bench:editor` runs through Playwright's runner (it compiles the TypeScript and gives the
 * browser and host fixtures), in the same Chromium with the same flags as the end-to-end tests,
 * but only this folder's `*.bench.ts`, so `npm run test:e2e` never runs the benchmark.
 */

// The benchmark never needs a keychain: point keytar at a bus that leads nowhere, so nothing the
// host does can reach the keychain of whoever runs it (calls fail with "keychain unavailable").
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/werkschau-bench-bus'

const extraArgs = process.env.BENCH_EDITOR_CHROMIUM_ARGS?.split(' ').filter(Boolean) ?? []

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.bench.ts',
  reporter: [['list']],
  outputDir: '../../../test-results/bench-editor',
  use: {
    ...base.use,
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...base.use?.launchOptions,
      args: [...(base.use?.launchOptions?.args ?? []), ...extraArgs],
    },
  },
})
