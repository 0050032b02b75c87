import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The Electron binary, if this machine has one (its download is skipped offline and in CI). */
function electronBinary(): string | undefined {
  try {
    const path: unknown = createRequire(import.meta.url)('electron')
    return typeof path === 'string' && existsSync(path) ? path : undefined
  } catch {
    return undefined
  }
}

const binary = electronBinary()
const skipReason =
  'no Electron binary is installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); the browser-host suite covers the app'

test('the Electron window opens with the title and the security settings', async () => {
  if (!binary) console.log(`Skipping the Electron smoke test: ${skipReason}.`)
  test.skip(!binary, skipReason)
  const dataDir = mkdtempSync(join(tmpdir(), 'werkschau-electron-'))
  const app = await electron.launch({
    executablePath: binary,
    args: [process.cwd()],
    env: { ...process.env, WERKSCHAU_DATA_DIR: dataDir },
  })
  try {
    const window = await app.firstWindow()
    await expect(window).toHaveTitle('Werkschau')
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const [first] = BrowserWindow.getAllWindows()
      // Not in Electron's public typings, but the only way to read back what the window runs with.
      const contents = first?.webContents as
        { getLastWebPreferences(): Record<string, unknown> | null } | undefined
      const prefs = contents?.getLastWebPreferences()
      return {
        contextIsolation: prefs?.contextIsolation,
        sandbox: prefs?.sandbox,
        nodeIntegration: prefs?.nodeIntegration,
        webSecurity: prefs?.webSecurity,
      }
    })
    expect(preferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    const page = await window.evaluate(() => ({
      bridge: typeof (window as unknown as { werkschau?: unknown }).werkschau,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      csp:
        document
          .querySelector('meta[http-equiv="Content-Security-Policy"]')
          ?.getAttribute('content') ?? '',
    }))
    expect(page.bridge).toBe('object')
    expect(page.require).toBe('undefined')
    expect(page.process).toBe('undefined')
    expect(page.csp).toContain("script-src 'self'")
    expect(page.csp).not.toContain('unsafe')
    await expect(window.getByRole('heading', { level: 1 })).toBeVisible()
  } finally {
    await app.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
