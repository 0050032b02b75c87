import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  HashtagSetsDocumentSchema,
  type CaptionTemplate,
  type SnippetKind,
} from '../../../src-shared/snippets/model'
import { createMemoryLogger } from '../../../src-main/log'
import {
  snippetPaths,
  SnippetStore,
  type SnippetStoreOptions,
} from '../../../src-main/snippets/snippet-store'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()

/** A store whose clock ticks one second per call, so timestamps are predictable. */
async function openStore(root: string, extra: Partial<SnippetStoreOptions> = {}) {
  const log = createMemoryLogger()
  let tick = 0
  const clock = (): Date => new Date(Date.UTC(2026, 0, 1, 12, 0, tick++))
  const store = await SnippetStore.open({ root, log, clock, ...extra })
  return { store, log, paths: snippetPaths(root) }
}

const manyTags = (count: number): string[] => Array.from({ length: count }, (_, i) => `#tag${i}`)

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'))

async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  return promise.then(
    () => ({ resolved: true }),
    (error: unknown) => ({ ...(error as object), message: (error as Error).message }),
  )
}

describe('the snippet store', () => {
  it('writes nothing until the user creates something', async () => {
    const root = tempDir()
    const { store, log, paths } = await openStore(root)
    expect(store.templates.list()).toEqual([])
    expect(store.hashtagSets.list()).toEqual([])
    expect(store.lastValues()).toEqual({})
    expect(readdirSync(paths.folder)).toEqual(['.unreadable'])
    expect(log.lines).toEqual([])
  })

  it('keeps templates and hashtag sets across a reopen, one document per kind', async () => {
    const root = tempDir()
    const { store, paths } = await openStore(root)
    const template = await store.createTemplate({
      name: '  Neues Produkt ',
      text: 'Neu: {product} für {price} {shop_link}',
    })
    expect(template).toMatchObject({ name: 'Neues Produkt', text: expect.stringContaining('{') })
    expect(template.id).toMatch(/^[0-9a-f]{32}$/)
    expect(template.createdAt).toBe(template.updatedAt)

    const set = await store.createHashtagSet({
      name: 'Ring-Hashtags',
      tags: ['Goldschmiede', '#Ring', 'ring', '#Ha\u0308keln', ' #Gold schmuck '],
    })
    expect(set.tags).toEqual(['#Goldschmiede', '#Ring', '#Häkeln', '#Goldschmuck'])

    const renamed = await store.updateTemplate(template.id, { name: 'Ring-Vorlage' })
    expect(renamed).toMatchObject({ name: 'Ring-Vorlage', text: template.text })
    expect(renamed.updatedAt > template.updatedAt).toBe(true)
    expect(renamed.createdAt).toBe(template.createdAt)
    const retagged = await store.updateHashtagSet(set.id, { tags: ['#Ring', '#Gold'] })
    expect(retagged).toMatchObject({ name: 'Ring-Hashtags', tags: ['#Ring', '#Gold'] })

    // Durable when the call returns: the documents on disk are what the store hands out.
    expect(readJson(paths.templates)).toEqual({ format: 1, templates: [renamed] })
    expect(readJson(paths.hashtagSets)).toEqual({ format: 1, hashtagSets: [retagged] })
    expect(readdirSync(paths.folder).sort()).toEqual([
      '.unreadable',
      'caption-templates.json',
      'hashtag-sets.json',
    ])

    const { store: reopened, log } = await openStore(root)
    expect(reopened.templates.list()).toEqual([renamed])
    expect(reopened.hashtagSets.list()).toEqual([retagged])
    expect(log.lines).toEqual([])
  })

  it('keeps the user order: new last, move, delete and restore in place', async () => {
    const root = tempDir()
    const changes: [SnippetKind, string[]][] = []
    const { store, paths } = await openStore(root, {
      onChanged: (kind, ids) => changes.push([kind, ids]),
    })
    const names = ['Tasse', 'Teller', 'Vase', 'Schale']
    const made: CaptionTemplate[] = []
    for (const name of names) made.push(await store.createTemplate({ name, text: name }))
    const order = () => store.templates.list().map((template) => template.name)
    expect(order()).toEqual(names)

    const [tasse, teller, vase, schale] = made.map((template) => template.id) as [
      string,
      string,
      string,
      string,
    ]
    await store.templates.move(schale, 0)
    expect(order()).toEqual(['Schale', 'Tasse', 'Teller', 'Vase'])
    await store.templates.move(schale, 99)
    expect(order()).toEqual(['Tasse', 'Teller', 'Vase', 'Schale'])
    await store.templates.move(tasse, 2)
    expect(order()).toEqual(['Teller', 'Vase', 'Tasse', 'Schale'])

    const deleted = await store.templates.delete(vase)
    expect(deleted).toMatchObject({ index: 1, item: { id: vase, name: 'Vase' } })
    expect(order()).toEqual(['Teller', 'Tasse', 'Schale'])
    const restored = await store.restoreTemplate(deleted.item, deleted.index)
    expect(restored).toEqual(deleted.item)
    expect(order()).toEqual(['Teller', 'Vase', 'Tasse', 'Schale'])
    // A second Undo changes nothing; a restore past the end goes last.
    await store.restoreTemplate(deleted.item, deleted.index)
    expect(order()).toEqual(['Teller', 'Vase', 'Tasse', 'Schale'])
    const gone = await store.templates.delete(teller)
    await store.templates.delete(vase)
    await store.restoreTemplate(gone.item, 50)
    expect(order()).toEqual(['Tasse', 'Schale', 'Teller'])

    const { store: reopened } = await openStore(root)
    expect(reopened.templates.list()).toEqual(store.templates.list())
    expect(readJson(paths.templates)).toEqual({ format: 1, templates: store.templates.list() })

    const kinds = new Set(changes.map(([kind]) => kind))
    expect(kinds).toEqual(new Set(['templates']))
    // Every change announced the item it touched; the no-op restore announced nothing.
    expect(changes.map(([, ids]) => ids)).toEqual([
      [tasse],
      [teller],
      [vase],
      [schale],
      [schale],
      [schale],
      [tasse],
      [vase],
      [vase],
      [teller],
      [vase],
      [teller],
    ])
  })

  it('refuses bad input and unknown ids, and leaves the documents exactly as they were', async () => {
    const root = tempDir()
    const { store, paths } = await openStore(root)
    const template = await store.createTemplate({ name: 'Vorlage', text: '{product}' })
    const set = await store.createHashtagSet({ name: 'Keramik', tags: ['#Töpfern'] })
    const other = await store.createHashtagSet({ name: 'Schmuck', tags: ['#Gold'] })
    const before = [readFileSync(paths.templates), readFileSync(paths.hashtagSets)]

    // Thunks: each call starts only when its rejection is awaited (no unhandled rejections).
    const refused: [string, () => Promise<unknown>, string][] = [
      ['blank name', () => store.createTemplate({ name: '  ', text: '' }), 'validation'],
      ['same name', () => store.createTemplate({ name: ' vorlage', text: '' }), 'validation'],
      [
        'rename onto another',
        () => store.updateHashtagSet(other.id, { name: 'KERAMIK' }),
        'validation',
      ],
      [
        'huge text',
        () => store.createTemplate({ name: 'x', text: 'a'.repeat(10_001) }),
        'validation',
      ],
      [
        'extra field',
        () => store.updateTemplate(template.id, { colour: 'red' } as never),
        'validation',
      ],
      [
        'bad tags',
        () => store.createHashtagSet({ name: 'S', tags: ['#ok', 'not-ok'] }),
        'validation',
      ],
      [
        'too many tags',
        () => store.updateHashtagSet(set.id, { tags: manyTags(201) }),
        'validation',
      ],
      ['unknown id', () => store.updateTemplate('0'.repeat(32), { name: 'x' }), 'not_found'],
      ['path as id', () => store.templates.delete('../../etc/passwd'), 'not_found'],
      ['unknown move', () => store.hashtagSets.move('0'.repeat(32), 0), 'not_found'],
      [
        'restore a broken set',
        () => store.restoreHashtagSet({ ...set, id: 'b'.repeat(32), tags: ['Töpfern'] }, 0),
        'validation',
      ],
    ]
    for (const [what, call, code] of refused) {
      expect(await rejection(call()), what).toMatchObject({ code })
    }
    expect(readFileSync(paths.templates)).toEqual(before[0])
    expect(readFileSync(paths.hashtagSets)).toEqual(before[1])
    expect(store.templates.list()).toEqual([template])
    expect(store.hashtagSets.list()).toEqual([set, other])

    const bad = await rejection(
      store.createHashtagSet({ name: 'S', tags: ['#gut', 'Ring-Hashtags', '#2026'] }),
    )
    expect(bad.message).toBe('These cannot be hashtags: "Ring-Hashtags", "#2026".')
    expect(bad.details).toEqual({
      rejected: [
        { input: 'Ring-Hashtags', problem: 'not_allowed', character: '-' },
        { input: '#2026', problem: 'no_letter', character: undefined },
      ],
    })

    // Its own name in other letters is fine, and names are unique per kind only.
    expect((await store.updateHashtagSet(set.id, { name: 'KERAMIK ' })).name).toBe('KERAMIK')
    expect((await store.createTemplate({ name: 'Schmuck', text: '' })).name).toBe('Schmuck')
    expect((await store.updateHashtagSet(set.id, { tags: manyTags(200) })).tags).toHaveLength(200)
  })

  it('never leaves a torn document when many changes race, and applies them in order', async () => {
    const root = tempDir()
    const { store, paths } = await openStore(root, { clock: () => new Date() })
    const set = await store.createHashtagSet({ name: 'Wolle', tags: [] })

    let writing = true
    let reads = 0
    const reader = (async () => {
      while (writing) {
        const text = await readFile(paths.hashtagSets, 'utf8')
        expect(HashtagSetsDocumentSchema.safeParse(JSON.parse(text)).success).toBe(true)
        reads++
      }
    })()
    const versions = Array.from({ length: 40 }, (_, i) =>
      Array.from({ length: i + 1 }, (_, j) => `#wolle${'ä'.repeat(j + 1)}`),
    )
    const created = Array.from({ length: 10 }, (_, i) =>
      store.createHashtagSet({ name: `Set ${i}`, tags: ['#x'] }),
    )
    const results = await Promise.all([
      ...versions.map((tags) => store.updateHashtagSet(set.id, { tags })),
      ...created,
    ])
    writing = false
    await reader
    expect(reads).toBeGreaterThan(0)
    expect(results.slice(0, 40).map((result) => 'tags' in result && result.tags.length)).toEqual(
      versions.map((tags) => tags.length),
    )
    expect(store.hashtagSets.get(set.id)?.tags).toEqual(versions.at(-1))
    expect(store.hashtagSets.list()).toHaveLength(11)
    expect(readJson(paths.hashtagSets)).toEqual({
      format: 1,
      hashtagSets: store.hashtagSets.list(),
    })
    expect(readdirSync(paths.folder).sort()).toEqual(['.unreadable', 'hashtag-sets.json'])
  })

  it('changes nothing in memory when a write fails', async () => {
    const root = tempDir()
    const { store, paths } = await openStore(root)
    const kept = await store.createTemplate({ name: 'Bleibt', text: 'x' })
    // A directory where the document should be: the final rename of the atomic write fails.
    rmSync(paths.templates)
    mkdirSync(join(paths.templates, 'blocker'), { recursive: true })
    const failed = await rejection(store.createTemplate({ name: 'Neu', text: 'y' }))
    expect(failed.resolved).toBeUndefined()
    expect(store.templates.list()).toEqual([kept])
    // The temp file of the failed write is gone; the next change works once the way is clear.
    expect(readdirSync(paths.folder).filter((name) => name.includes('.tmp'))).toEqual([])
    rmSync(paths.templates, { recursive: true })
    const next = await store.createTemplate({ name: 'Neu', text: 'y' })
    expect(store.templates.list()).toEqual([kept, next])
  })

  it('sets an unreadable document aside with a warning and still opens the rest', async () => {
    const root = tempDir()
    const { store, paths } = await openStore(root)
    await store.createTemplate({ name: 'Vorlage', text: '{product}' })
    const set = await store.createHashtagSet({ name: 'Ring-Hashtags', tags: ['#Ring'] })
    const torn = '{"format": 1, "templates": [{"id": "'
    writeFileSync(paths.templates, torn)
    writeFileSync(join(paths.folder, '.hashtag-sets.json.0123456789ab.tmp.json'), '{')

    const { store: reopened, log } = await openStore(root)
    expect(reopened.templates.list()).toEqual([])
    expect(reopened.hashtagSets.list()).toEqual([set])
    const warnings = log.lines.filter((line) => line.startsWith('warn:'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('caption templates document')
    expect(warnings[0]).toContain('could not be read')
    expect(log.lines).toContain('info: removed 1 unfinished snippet write(s)')
    // The user's data is kept, byte for byte, and the folder is clean.
    const aside = readdirSync(paths.unreadable)
    expect(aside).toEqual(['2026-01-01T12-00-00-000Z-caption-templates.json'])
    expect(readFileSync(join(paths.unreadable, aside[0] ?? ''), 'utf8')).toBe(torn)
    expect(readdirSync(paths.folder).sort()).toEqual(['.unreadable', 'hashtag-sets.json'])

    // A document that parses but breaks the rules is set aside the same way.
    writeFileSync(
      paths.hashtagSets,
      JSON.stringify({ format: 1, hashtagSets: [{ ...set, tags: ['Ring'] }] }),
    )
    const { store: third, log: thirdLog } = await openStore(root)
    expect(third.hashtagSets.list()).toEqual([])
    expect(thirdLog.lines.join('\n')).toContain('hashtagSets.0.tags.0')

    // Starting afresh works and does not touch what was set aside.
    await reopened.createTemplate({ name: 'Neu', text: '' })
    expect(readFileSync(join(paths.unreadable, aside[0] ?? ''), 'utf8')).toBe(torn)
  })

  it('refuses to overwrite a document it could neither read nor move aside', async () => {
    const root = tempDir()
    const { store, paths } = await openStore(root)
    await store.createTemplate({ name: 'Vorlage', text: '' })
    writeFileSync(paths.templates, 'not json')
    // Something already sits where the broken file would be moved to (same clock, same name).
    mkdirSync(join(paths.unreadable, '2026-01-01T12-00-00-000Z-caption-templates.json', 'x'), {
      recursive: true,
    })
    const { store: stuck, log } = await openStore(root)
    expect(log.lines.join('\n')).toContain('nor moved aside')
    expect(stuck.templates.list()).toEqual([])
    const refused = await rejection(stuck.createTemplate({ name: 'Neu', text: '' }))
    expect(refused).toMatchObject({ code: 'internal' })
    expect(readFileSync(paths.templates, 'utf8')).toBe('not json')
    // Hashtag sets are a separate document and carry on.
    await stuck.createHashtagSet({ name: 'Geht', tags: ['#ja'] })
    expect(existsSync(paths.hashtagSets)).toBe(true)
  })

  it('remembers the last value of each variable, forgetting blanks and the oldest', async () => {
    const root = tempDir()
    const { store, paths } = await openStore(root)
    expect(await store.rememberValues({ product: 'Ring', price: '89 €' })).toEqual({
      product: 'Ring',
      price: '89 €',
    })
    await store.rememberValues({ product: 'Kette', shop_link: 'https://shop.example' })
    await store.rememberValues({ price: ' ' })
    expect(store.lastValues()).toEqual({ product: 'Kette', shop_link: 'https://shop.example' })
    const { store: reopened } = await openStore(root)
    expect(reopened.lastValues()).toEqual(store.lastValues())
    expect(await rejection(store.rememberValues({ 'not a name': 'x' }))).toMatchObject({
      code: 'validation',
    })

    const many = Object.fromEntries(Array.from({ length: 205 }, (_, i) => [`v${i}`, `${i}`]))
    await store.rememberValues(many)
    const kept = Object.keys(store.lastValues())
    expect(kept).toHaveLength(200)
    expect(kept[0]).toBe('v5')
    expect(kept.at(-1)).toBe('v204')
    expect((readJson(paths.values) as { values: object }).values).toEqual(store.lastValues())
  })
})
