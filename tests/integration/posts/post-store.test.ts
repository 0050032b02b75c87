import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EventName } from '../../../src-shared/contract'
import { PostDocumentSchema, type PostDocument } from '../../../src-shared/posts/model'
import { createMemoryLogger } from '../../../src-main/log'
import { PostStore, type PostStoreOptions } from '../../../src-main/posts/post-store'
import { useRealServices } from '../../support/host'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const photoA = 'a'.repeat(64)
const photoB = 'b'.repeat(64)

/** A store with a clock that ticks one second per call, so "newest first" is deterministic. */
async function openStore(root: string, extra: Partial<PostStoreOptions> = {}) {
  const log = createMemoryLogger()
  let tick = 0
  const clock = (): Date => new Date(Date.UTC(2026, 0, 1, 12, 0, tick++))
  const store = await PostStore.open({ root, log, clock, ...extra })
  return { store, log }
}

function postFile(root: string, id: string, trashed = false): string {
  return trashed ? join(root, 'trash', 'posts', `${id}.json`) : join(root, 'posts', `${id}.json`)
}

async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  return promise.then(
    () => ({}),
    (error: unknown) => ({ ...(error as object), message: (error as Error).message }),
  )
}

describe('the post store', () => {
  it('keeps a created and updated post across a reopen, one document per post', async () => {
    const root = tempDir()
    const { store } = await openStore(root)
    const created = await store.create({ caption: 'Neuer Ring', targets: ['instagram'] })
    expect(created).toMatchObject({ format: 1, status: 'draft', caption: 'Neuer Ring' })
    expect(created.id).toMatch(/^[0-9a-f]{32}$/)
    expect(created.createdAt).toBe(created.updatedAt)

    const updated = await store.update(created.id, {
      caption: 'Neuer Ring aus Gold #Goldschmiede',
      targets: ['instagram', 'x', 'pinterest', 'mastodon', 'bluesky'],
      variants: {
        x: { text: 'Neuer Ring' },
        pinterest: { title: 'Goldring', link: 'https://shop.example/ring', boardId: 'b1' },
        mastodon: { contentWarning: 'Schmuck', visibility: 'unlisted', language: 'de' },
        bluesky: { languages: ['de', 'en'] },
      },
      photos: [
        { photoId: photoB, altText: 'Ring auf Holz', crops: { instagram: '4:5', x: '16:9' } },
        { photoId: photoA },
      ],
      status: 'scheduled',
      scheduledAt: '2026-02-01T09:00:00+01:00',
    })
    expect(updated.updatedAt > created.updatedAt).toBe(true)
    expect(updated.createdAt).toBe(created.createdAt)
    // Durable when update returns: the file on disk is the returned post.
    const onDisk = JSON.parse(readFileSync(postFile(root, created.id), 'utf8')) as unknown
    expect(onDisk).toEqual(updated)

    const cleared = await store.update(created.id, { status: 'draft', scheduledAt: null })
    expect(cleared.scheduledAt).toBeUndefined()
    expect(cleared.variants).toEqual(updated.variants)

    const { store: reopened, log } = await openStore(root)
    expect(reopened.get(created.id)).toEqual(cleared)
    expect(reopened.list()).toEqual(store.list())
    expect(readdirSync(join(root, 'posts')).filter((name) => name.endsWith('.json'))).toEqual([
      `${created.id}.json`,
    ])
    expect(log.lines).toEqual([])
  })

  it('lists by status and network, newest change first, and searches every text ignoring case', async () => {
    const { store } = await openStore(tempDir())
    const ring = await store.create({ caption: 'Ring aus Gold #Goldschmiede', targets: ['x'] })
    const mütze = await store.create({
      caption: 'Neue Mütze',
      targets: ['instagram', 'mastodon'],
      variants: { mastodon: { text: 'Frisch gehäkelt: #Häkeln' } },
    })
    const board = await store.create({
      caption: 'Pinnwand für die Straße',
      targets: ['pinterest'],
      variants: { pinterest: { title: 'ÜBERRASCHUNG aus Wolle' } },
    })
    await store.update(ring.id, { status: 'published' })

    const ids = (posts: PostDocument[]) => posts.map((post) => post.id)
    expect(ids(store.list())).toEqual([ring.id, board.id, mütze.id])
    expect(ids(store.list({ status: 'draft' }))).toEqual([board.id, mütze.id])
    expect(ids(store.list({ status: 'published' }))).toEqual([ring.id])
    expect(ids(store.list({ network: 'mastodon' }))).toEqual([mütze.id])
    expect(ids(store.list({ network: 'x', status: 'draft' }))).toEqual([])
    // Variant text, umlauts in either case, and decomposed umlauts (as pasted on a Mac).
    expect(ids(store.list({ search: '#HÄKELN' }))).toEqual([mütze.id])
    expect(ids(store.list({ search: 'MÜTZE' }))).toEqual([mütze.id])
    expect(ids(store.list({ search: 'mu\u0308tze' }))).toEqual([mütze.id])
    // Pinterest titles, every word must match, in any order.
    expect(ids(store.list({ search: 'überraschung' }))).toEqual([board.id])
    expect(ids(store.list({ search: 'wolle ÜBER' }))).toEqual([board.id])
    expect(ids(store.list({ search: 'gold' }))).toEqual([ring.id])
    // ß is found as ss and SS, as people type it without a German keyboard.
    expect(ids(store.list({ search: 'STRASSE' }))).toEqual([board.id])
    expect(ids(store.list({ search: 'strasse' }))).toEqual([board.id])
    expect(ids(store.list({ search: 'Straße' }))).toEqual([board.id])
    expect(ids(store.list({ search: '   ' }))).toEqual(ids(store.list()))
    expect(store.list({ search: 'nirgends' })).toEqual([])
  })

  it('duplicates a post as a new, unscheduled draft with the same content', async () => {
    const { store } = await openStore(tempDir())
    const original = await store.create({
      caption: 'Vase',
      targets: ['x', 'bluesky'],
      variants: { x: { text: 'Vase!' } },
      photos: [{ photoId: photoA, altText: 'Blaue Vase' }],
    })
    await store.update(original.id, { status: 'scheduled', scheduledAt: '2026-03-01T10:00:00Z' })
    const copy = await store.duplicate(original.id)
    expect(copy.id).not.toBe(original.id)
    expect(copy).toMatchObject({
      status: 'draft',
      caption: 'Vase',
      targets: ['x', 'bluesky'],
      variants: { x: { text: 'Vase!' } },
      photos: [{ photoId: photoA, altText: 'Blaue Vase' }],
    })
    expect(copy.scheduledAt).toBeUndefined()
    expect(store.get(original.id)?.status).toBe('scheduled')
    expect(store.list().map((post) => post.id)).toEqual([copy.id, original.id])
  })

  it('moves posts to the trash and back, per id, and the folders say which is which', async () => {
    const root = tempDir()
    const changes: string[][] = []
    const { store } = await openStore(root, { onChanged: (ids) => changes.push(ids) })
    const a = await store.create({ caption: 'A' })
    const b = await store.create({ caption: 'B' })
    changes.length = 0

    const unknown = 'f'.repeat(32)
    const trashed = await store.trash([a.id, unknown])
    expect(trashed.map((result) => [result.id, result.ok])).toEqual([
      [a.id, true],
      [unknown, false],
    ])
    expect(trashed[1]).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(changes).toEqual([[a.id]])
    expect(store.list().map((post) => post.id)).toEqual([b.id])
    expect(store.list({ trashed: true }).map((post) => post.id)).toEqual([a.id])
    expect(store.get(a.id)?.trashedAt).toBeDefined()
    expect(readdirSync(join(root, 'posts'))).not.toContain(`${a.id}.json`)
    expect(readdirSync(join(root, 'trash', 'posts'))).toEqual([`${a.id}.json`])

    const { store: reopened } = await openStore(root)
    expect(reopened.list({ trashed: true })).toEqual(store.list({ trashed: true }))

    await store.restore([a.id])
    expect(store.get(a.id)?.trashedAt).toBeUndefined()
    expect(store.list({ trashed: true })).toEqual([])
    expect(readdirSync(join(root, 'trash', 'posts'))).toEqual([])
    expect(JSON.parse(readFileSync(postFile(root, a.id), 'utf8'))).toEqual(store.get(a.id))
  })

  it('keeps the library copy of a post a crash left in both folders', async () => {
    const root = tempDir()
    const { store } = await openStore(root)
    const post = await store.create({ caption: 'halb verschoben' })
    writeFileSync(
      postFile(root, post.id, true),
      JSON.stringify({ ...post, trashedAt: '2026-01-02T00:00:00.000Z' }),
    )
    const { store: reopened } = await openStore(root)
    expect(reopened.get(post.id)).toEqual(post)
    expect(readdirSync(join(root, 'trash', 'posts'))).toEqual([])
  })

  it('sets a broken document aside with a warning and loads the rest', async () => {
    const root = tempDir()
    const { store } = await openStore(root)
    const good = await store.create({ caption: 'gut' })
    const torn = await store.create({ caption: 'zerrissen' })
    const wrong = await store.create({ caption: 'falsch' })
    writeFileSync(postFile(root, torn.id), '{"format": 1, "id": "')
    writeFileSync(postFile(root, wrong.id), JSON.stringify({ ...wrong, status: 'sent' }))
    writeFileSync(join(root, 'posts', `.${good.id}.json.0123456789ab.tmp.json`), '{')

    const { store: reopened, log } = await openStore(root)
    expect(reopened.list().map((post) => post.id)).toEqual([good.id])
    const warnings = log.lines.filter((line) => line.startsWith('warn:'))
    expect(warnings).toHaveLength(2)
    expect(warnings.join('\n')).toContain('post document')
    expect(warnings.join('\n')).toContain('could not be read')
    const aside = readdirSync(join(root, 'posts', '.unreadable'))
    expect(aside).toHaveLength(2)
    const tornAside = aside.find((name) => name.endsWith(`${torn.id}.json`)) ?? ''
    expect(readFileSync(join(root, 'posts', '.unreadable', tornAside), 'utf8')).toBe(
      '{"format": 1, "id": "',
    )
    // The leftover temp file of an interrupted write is swept.
    expect(readdirSync(join(root, 'posts')).sort()).toEqual(['.unreadable', `${good.id}.json`])
  })

  it('refuses to update a post that does not exist', async () => {
    const root = tempDir()
    const { store } = await openStore(root)
    for (const id of ['0'.repeat(32), '../../etc/passwd']) {
      expect(await rejection(store.update(id, { caption: 'x' }))).toMatchObject({
        code: 'not_found',
      })
      expect(await rejection(store.duplicate(id))).toMatchObject({ code: 'not_found' })
    }
    expect(readdirSync(join(root, 'posts'))).toEqual(['.unreadable'])
  })

  it('refuses an invalid change and leaves the document exactly as it was', async () => {
    const root = tempDir()
    const { store } = await openStore(root)
    const post = await store.create({ caption: 'bleibt' })
    const before = readFileSync(postFile(root, post.id))
    const invalidPatches: unknown[] = [
      { status: 'sent' },
      { targets: ['myspace'] },
      { targets: ['x', 'x'] },
      { variants: { x: { txt: 'typo' } } },
      { variants: { mastodon: { visibility: 'everyone' } } },
      { photos: [{ photoId: photoA }, { photoId: photoA }] },
      { photos: [{ photoId: 'not-a-photo' }] },
      { status: 'scheduled' },
      { id: 'f'.repeat(32) },
      { createdAt: '2020-01-01T00:00:00.000Z' },
    ]
    for (const patch of invalidPatches) {
      const error = await rejection(store.update(post.id, patch as never))
      expect(error, JSON.stringify(patch)).toMatchObject({ code: 'validation' })
    }
    expect(readFileSync(postFile(root, post.id))).toEqual(before)
    expect(store.get(post.id)).toEqual(post)
  })

  it('never leaves a torn file when one post is updated many times at once', async () => {
    const root = tempDir()
    const { store } = await openStore(root, { clock: () => new Date() })
    const post = await store.create({ caption: 'start', targets: ['x'] })
    const file = postFile(root, post.id)

    // A reader polls the file while the writes race; every read must be a whole document.
    let writing = true
    let reads = 0
    const reader = (async () => {
      while (writing) {
        const parsed = PostDocumentSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
        expect(parsed.success).toBe(true)
        reads++
      }
    })()
    const captions = Array.from({ length: 40 }, (_, i) => `Fassung ${i} ${'ä'.repeat(i * 100)}`)
    const results = await Promise.all(captions.map((caption) => store.update(post.id, { caption })))
    writing = false
    await reader
    expect(reads).toBeGreaterThan(0)

    // Updates of one post are applied in the order they were asked for: the last one wins.
    expect(results.map((result) => result.caption)).toEqual(captions)
    const final = JSON.parse(readFileSync(file, 'utf8')) as unknown
    expect(final).toEqual(store.get(post.id))
    expect(store.get(post.id)?.caption).toBe(captions.at(-1))
    expect(readdirSync(join(root, 'posts')).sort()).toEqual(['.unreadable', `${post.id}.json`])
  })
})

describe('posts through the real services', () => {
  const { start } = useRealServices(tempDir)

  it('creates, updates and lists a post through the dispatcher, announcing each change', async () => {
    const running = await start()
    const seen: { event: EventName; payload: unknown }[] = []
    const stop = running.events.subscribe((event, payload) => seen.push({ event, payload }))

    const created = await running.dispatch('posts.create', { caption: 'Teller', targets: ['x'] })
    expect(created).toMatchObject({ ok: true, value: { status: 'draft', caption: 'Teller' } })
    const id = created.ok ? (created.value as PostDocument).id : ''

    const updated = await running.dispatch('posts.update', {
      id,
      caption: 'Teller aus Steinzeug',
      variants: { x: { text: 'Teller' } },
    })
    expect(updated).toMatchObject({ ok: true, value: { id, caption: 'Teller aus Steinzeug' } })

    const listed = await running.dispatch('posts.list', { search: 'STEINZEUG', network: 'x' })
    expect(listed).toMatchObject({ ok: true, value: [{ id, variants: { x: { text: 'Teller' } } }] })
    expect(await running.dispatch('posts.get', { id })).toEqual(
      listed.ok && {
        ok: true,
        value: (listed.value as PostDocument[])[0],
      },
    )

    // Inputs are strict; unknown posts are a typed error, not a crash.
    expect(await running.dispatch('posts.update', { id, status: 'sent' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    expect(await running.dispatch('posts.update', { id, colour: 'red' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    expect(await running.dispatch('posts.get', { id: '0'.repeat(32) })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    stop()

    const changes = seen.filter((entry) => entry.event === 'posts.changed')
    expect(changes.map((entry) => entry.payload)).toEqual([{ ids: [id] }, { ids: [id] }])
    const file = join(running.libraryPath(), 'posts', `${id}.json`)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      caption: 'Teller aus Steinzeug',
    })
  })
})
