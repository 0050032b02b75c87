import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EventHub } from '../../src-main/api/event-hub'
import { createMemoryLogger } from '../../src-main/log'
import { openConfSettings } from '../../src-main/settings/settings-file'
import { SettingsService } from '../../src-main/settings/settings-service'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()

async function open(dir: string, log = createMemoryLogger()): Promise<SettingsService> {
  return new SettingsService(await openConfSettings(dir, log), new EventHub(), log)
}

describe('settings on disk (conf)', () => {
  it('survive a restart', async () => {
    const dir = tempDir()
    ;(await open(dir)).update({ language: 'de', theme: 'dark' })
    const reopened = await open(dir)
    expect(reopened.get()).toMatchObject({ language: 'de', theme: 'dark' })
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toMatchObject({
      schemaVersion: 1,
    })
  })

  it('reset a hand-edited invalid value with a warning instead of crashing', async () => {
    const dir = tempDir()
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({ schemaVersion: 1, language: 'de', theme: 'neon' }),
    )
    const log = createMemoryLogger()
    const service = await open(dir, log)
    expect(service.get()).toMatchObject({ language: 'de', theme: 'system' })
    expect(log.lines.join('\n')).toMatch(/warn: setting "theme" had an invalid value/)
  })

  it('move an unreadable file aside, keeping its bytes, and start from defaults', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'config.json'), '{"language": "de", tru')
    const log = createMemoryLogger()
    const service = await open(dir, log)
    expect(service.get().language).toBe('system')
    const aside = readdirSync(dir).find((name) => name.startsWith('config.unreadable-'))
    expect(aside).toBeDefined()
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe('{"language": "de", tru')
    expect(log.lines.join('\n')).toContain('could not be read')
  })
})
