import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { AppErrorException } from '../../../src-shared/errors'
import { defaultEdits } from '../../../src-shared/photos/model'
import { useTempDirs } from '../../support/temp-dir'
import { filesUnder, openLibrary, sha256, snapshot } from './support'

const tempDir = useTempDirs()

/** A source folder outside the library with one file in it. */
function sourceFile(name: string, content: string | Buffer): string {
  const dir = tempDir('werkschau-source')
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(AppErrorException)
  expect((error as AppErrorException).code).toBe(code)
}

describe('importing into the library', () => {
  it('stores the original by content hash with a fresh sidecar', async () => {
    const root = tempDir()
    const { library } = await openLibrary(root)
    const outcome = await library.importFile(sourceFile('Vase.JPG', 'vase bytes'))
    const id = sha256('vase bytes')
    expect(outcome.status).toBe('imported')
    expect(outcome.record).toMatchObject({
      id,
      originalName: 'Vase.JPG',
      byteSize: 10,
      importedAt: '2026-01-01T12:00:00.000Z',
      edits: defaultEdits,
      crops: {},
      altText: '',
    })
    const original = join(root, 'originals', id.slice(0, 2), `${id}.jpg`)
    expect(readFileSync(original, 'utf8')).toBe('vase bytes')
    expect(library.originalPath(id)).toBe(original)
    const sidecar: unknown = JSON.parse(readFileSync(join(root, 'photos', `${id}.json`), 'utf8'))
    expect(sidecar).toEqual(outcome.record)
    expect(readdirSync(join(root, 'incoming'))).toEqual([])
  })

  it('takes the extension from the probed format, not from the name', async () => {
    const root = tempDir()
    const { library } = await openLibrary(root)
    const { record } = await library.importFile(sourceFile('photo.jpg', 'PNG really'))
    expect(library.originalPath(record.id)).toMatch(/\.png$/)
  })

  it('keeps only the last segment of the original name, as text', async () => {
    const root = tempDir()
    const { library } = await openLibrary(root)
    const file = sourceFile('a.jpg', 'named bytes')
    const unix = await library.importFile(file, '../../etc/passwd.jpg')
    expect(unix.record.originalName).toBe('passwd.jpg')
    const windows = await library.importStream(Readable.from([Buffer.from('x')]), 'C:\\x\\b.png')
    expect(windows.record.originalName).toBe('b.png')
    expect((await filesUnder(root)).filter((file) => file.includes('passwd'))).toEqual([])
  })

  it('stores the same bytes once: a second import under another name is a duplicate', async () => {
    const root = tempDir()
    const { library } = await openLibrary(root)
    const first = await library.importFile(sourceFile('one.jpg', 'same bytes'))
    const second = await library.importFile(sourceFile('two.jpg', 'same bytes'))
    expect(second.status).toBe('duplicate')
    expect(second.record).toEqual(first.record)
    expect(second.record.originalName).toBe('one.jpg')
    const originals = (await filesUnder(root)).filter((file) => file.startsWith('originals/'))
    expect(originals).toHaveLength(1)
    expect(library.list()).toHaveLength(1)
  })

  it('imports the same bytes twice at once as one photo', async () => {
    const { library } = await openLibrary(tempDir())
    const outcomes = await Promise.all([
      library.importFile(sourceFile('a.jpg', 'racing')),
      library.importFile(sourceFile('b.jpg', 'racing')),
    ])
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['duplicate', 'imported'])
  })

  it('leaves the library byte-for-byte as it was when the probe refuses the file', async () => {
    const root = tempDir()
    const { library } = await openLibrary(root)
    await library.importFile(sourceFile('good.jpg', 'good bytes'))
    const before = await snapshot(root)
    await expectCode(library.importFile(sourceFile('bad.jpg', 'CORRUPT data')), 'corrupt_file')
    expect(await snapshot(root)).toEqual(before)
    expect(library.list()).toHaveLength(1)
  })

  it('takes the original out again when its sidecar cannot be written', async () => {
    const root = tempDir()
    const { library } = await openLibrary(root)
    // A folder where the sidecar should go makes the final rename fail.
    mkdirSync(join(root, 'photos', `${sha256('doomed')}.json`))
    const before = await snapshot(root)
    await expect(library.importFile(sourceFile('d.jpg', 'doomed'))).rejects.toThrow()
    expect(await snapshot(root)).toEqual(before)
    expect(library.get(sha256('doomed'))).toBeUndefined()
  })

  it('refuses empty files, oversized files and missing files without a trace', async () => {
    const root = tempDir()
    const { library } = await openLibrary(root, { maxImportBytes: 8 })
    const before = await snapshot(root)
    await expectCode(library.importFile(sourceFile('empty.jpg', '')), 'empty_file')
    await expectCode(library.importFile(sourceFile('big.jpg', 'nine bytes')), 'too_large')
    await expectCode(library.importFile(join(root, 'nope.jpg')), 'not_found')
    const upload = Readable.from([Buffer.from('12345'), Buffer.from('67890')])
    await expectCode(library.importStream(upload, 'big.jpg'), 'too_large')
    await expectCode(library.importStream(Readable.from([]), 'empty.jpg'), 'empty_file')
    expect(await snapshot(root)).toEqual(before)
  })

  it('imports an upload stream and honours a per-call size cap', async () => {
    const root = tempDir()
    const { library } = await openLibrary(root)
    const chunks = [Buffer.from('uploaded '), Buffer.from('bytes')]
    const outcome = await library.importStream(Readable.from(chunks), 'upload.jpg')
    expect(outcome.record.id).toBe(sha256('uploaded bytes'))
    expect(readFileSync(library.originalPath(outcome.record.id), 'utf8')).toBe('uploaded bytes')
    const tooBig = Readable.from([Buffer.from('more than four')])
    await expectCode(library.importStream(tooBig, 'big.jpg', 4), 'too_large')
    expect(existsSync(join(root, 'incoming'))).toBe(true)
    expect(readdirSync(join(root, 'incoming'))).toEqual([])
  })
})
