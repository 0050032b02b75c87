import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  isTempFileName,
  readJsonFile,
  tempPathFor,
  writeFileAtomic,
  writeJsonAtomic,
} from '../../../src-main/library/atomic-file'
import { useTempDirs } from '../../support/temp-dir'
import { openLibrary } from './support'

const tempDir = useTempDirs()
const Doc = z.object({ version: z.number() })

describe('atomic files', () => {
  it('replace the whole file and leave no temp file behind', async () => {
    const dir = tempDir()
    const file = join(dir, 'doc.json')
    await writeJsonAtomic(file, { version: 1 })
    await writeJsonAtomic(file, { version: 2 })
    expect(await readJsonFile(file, Doc)).toEqual({ ok: true, value: { version: 2 } })
    expect(readdirSync(dir)).toEqual(['doc.json'])
  })

  it('keep the old version readable when a write dies before its rename', async () => {
    const root = tempDir()
    await openLibrary(root)
    const file = join(root, 'photos', 'doc.json')
    await writeJsonAtomic(file, { version: 1 })
    // What a crash mid-write leaves: half of the new version under the temp name, never renamed.
    const temp = tempPathFor(file)
    writeFileSync(temp, '{"vers')
    expect(isTempFileName(temp.split('/').pop() ?? '')).toBe(true)
    expect(await readJsonFile(file, Doc)).toEqual({ ok: true, value: { version: 1 } })
    await openLibrary(root)
    expect(existsSync(temp)).toBe(false)
    expect(await readJsonFile(file, Doc)).toEqual({ ok: true, value: { version: 1 } })
  })

  it('remove their temp file and keep the target when the rename fails', async () => {
    const dir = tempDir()
    const target = join(dir, 'occupied')
    mkdirSync(target)
    writeFileSync(join(target, 'inside'), 'kept')
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow()
    expect(readdirSync(dir)).toEqual(['occupied'])
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('kept')
  })

  it('report each kind of unreadable file as a value', async () => {
    const dir = tempDir()
    const write = (name: string, text: string): string => {
      writeFileSync(join(dir, name), text)
      return join(dir, name)
    }
    const read = async (path: string) => {
      const result = await readJsonFile(path, Doc)
      return result.ok ? 'ok' : result.reason
    }
    expect(await read(join(dir, 'absent.json'))).toBe('missing')
    expect(await read(write('torn.json', '{"version":'))).toBe('not_json')
    expect(await read(write('wrong.json', '{"version":"one"}'))).toBe('invalid')
    expect(await read(write('fine.json', '{"version":3}'))).toBe('ok')
  })
})
