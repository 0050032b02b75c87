import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/** The layer rules are architecture, so they get tests: each one must fire where it should. */
const eslint = new ESLint({ cwd: process.cwd() })

async function restrictedIn(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter(
      (message) =>
        message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-globals',
    )
    .map((message) => message.message)
}

describe('layer lint rules', () => {
  it('keeps node:*, electron and the DOM out of src-shared', async () => {
    expect(
      await restrictedIn(
        'src-shared/probe.ts',
        "import { readFileSync } from 'node:fs'\nexport { readFileSync }\n",
      ),
    ).toHaveLength(1)
    expect(
      await restrictedIn('src-shared/probe.ts', "import path from 'path'\nexport { path }\n"),
    ).toHaveLength(1)
    expect(
      await restrictedIn('src-shared/probe.ts', "import { app } from 'electron'\nexport { app }\n"),
    ).toHaveLength(1)
    expect(
      await restrictedIn('src-shared/probe.ts', 'export const title = document.title\n'),
    ).toHaveLength(1)
    expect(
      await restrictedIn('src-shared/probe.ts', "import { z } from 'zod'\nexport { z }\n"),
    ).toHaveLength(0)
  })

  it('allows ipcMain only in src-main/ipc.ts', async () => {
    const code = "import { ipcMain } from 'electron'\nexport { ipcMain }\n"
    expect(await restrictedIn('src-main/ipc.ts', code)).toHaveLength(0)
    expect(await restrictedIn('src-main/index.ts', code)).toHaveLength(1)
    expect(await restrictedIn('src-main/host/server.ts', code)).toHaveLength(1)
    expect(await restrictedIn('src-preload/index.ts', code)).toHaveLength(1)
  })

  it('allows ipcRenderer only in src-preload', async () => {
    const code = "import { ipcRenderer } from 'electron'\nexport { ipcRenderer }\n"
    expect(await restrictedIn('src-preload/index.ts', code)).toHaveLength(0)
    expect(await restrictedIn('src-main/ipc.ts', code)).toHaveLength(1)
    expect(await restrictedIn('src-renderer/main.tsx', code)).toHaveLength(1)
  })

  it('keeps Electron out of main-process services', async () => {
    expect(
      await restrictedIn(
        'src-main/services.ts',
        "import { app } from 'electron'\nexport { app }\n",
      ),
    ).toHaveLength(1)
  })
})
