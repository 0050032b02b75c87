import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, renameSync, symlinkSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { buildBundle } from '../../../src-main/publishing/bundles/build-bundle'
import type { ChannelOutput, EventPayload } from '../../../src-shared/contract'
import type { BundleSummary } from '../../../src-shared/publishing/bundles-contract'
import { useTempDirs } from '../../support/temp-dir'
import { exiftoolTags } from '../photos/support'
import { useBundleApp, type BundleApp } from './bundle-app'

/**
 * Export bundles through the real services: real photos from tests/fixtures/photos imported into
 * a real library, rendered by the real photo worker, read back with sharp and exiftool.
 */

// Real renders at full size (Etsy 2000×2000) in the worker: allow for a slow, shared machine.
const timeout = 120_000
const tempDir = useTempDirs()
const startApp = useBundleApp()

const mainCaption = 'Neuer Ring aus 750er Gold #Goldschmiede 💍\nHandgeschmiedet in Leipzig.'
const instagramCaption = 'Neuer Ring 💍 #Goldschmiede #Schmuck\n\nLink in der Bio!'

type Post = ChannelOutput<'posts.get'>

/** A post with three photos: alt text from the post, from the library, and none. */
async function ringPost(app: BundleApp): Promise<{ post: Post; photos: string[] }> {
  const werkbank = await app.importPhoto('werkbank-landscape.jpg')
  const tassen = await app.importPhoto('tassen-rotated.jpg')
  const produkt = await app.importPhoto('produkt-freigestellt.png')
  await app.call('photos.update', { id: tassen, altText: 'Drei Tassen aus Steinzeug\nauf Holz' })
  const post = await app.call('posts.create', {
    caption: mainCaption,
    targets: ['instagram', 'threads', 'facebook', 'etsy'],
    variants: { instagram: { text: instagramCaption } },
    photos: [
      { photoId: werkbank, altText: 'Goldring mit Hammerschlag auf der Werkbank' },
      { photoId: tassen },
      // Instagram uses the square crop for this one; the others keep their default.
      { photoId: produkt, crops: { instagram: '1:1' } },
    ],
  })
  return { post, photos: [werkbank, tassen, produkt] }
}

function localDate(date = new Date()): string {
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

const postsFolder = (app: BundleApp): string => join(app.library, 'Exports', 'Posts')
const text = (file: string): string => readFileSync(file, 'utf8')
const ok = (event: EventPayload<'bundles.progress'>): BundleSummary[] =>
  event.results.flatMap((result) => (result.ok ? [result.bundle] : []))

/** Tags that identify a camera, a moment or a place, or come from XMP/IPTC blocks. */
function personalTags(tags: Record<string, unknown>): string[] {
  return Object.keys(tags).filter(
    (key) =>
      /^(GPS|XMP|IPTC|Photoshop|MakerNotes|Apple)/i.test(key) ||
      /:(GPS\w*|Make|Model|LensModel|SerialNumber|DateTimeOriginal|CreateDate|ModifyDate|Software|Artist|Copyright)$/i.test(
        key,
      ),
  )
}

describe('export bundles', () => {
  it(
    'writes a folder per network: renders in post order at each network’s size, its caption, alt texts and a how-to',
    async () => {
      const app = await startApp(tempDir('bundles'))
      const { post } = await ringPost(app)
      const events = await app.makeBundles({
        postId: post.id,
        networks: ['etsy', 'instagram', 'threads', 'facebook'],
      })

      // Progress: one step per photo and one per folder, counted up to the end.
      const last = events.at(-1)!
      expect(last.state).toBe('done')
      expect(last.total).toBe(4 * (3 + 1))
      expect(last.done).toBe(last.total)
      const done = events.map((event) => event.done)
      expect(done).toEqual([...done].sort((a, b) => a - b))
      expect(last.results.map((result) => [result.network, result.ok])).toEqual([
        ['instagram', true],
        ['threads', true],
        ['facebook', true],
        ['etsy', true],
      ])

      // One folder for the post, named by date and title, with one folder per network.
      const postFolders = readdirSync(postsFolder(app))
      expect(postFolders).toEqual([`${localDate()} Neuer Ring aus 750er Gold Goldschmiede`])
      const postFolder = join(postsFolder(app), postFolders[0]!)
      expect(readdirSync(postFolder).sort()).toEqual(
        ['.werkschau-post.json', 'Etsy', 'Facebook', 'Instagram', 'Threads'].sort(),
      )
      const instagram = join(postFolder, 'Instagram')
      expect(readdirSync(instagram).sort()).toEqual(
        [
          '.werkschau-bundle.json',
          '01-werkbank-landscape.jpg',
          '02-tassen-rotated.jpg',
          '03-produkt-freigestellt.jpg',
          'alt-text.txt',
          'caption.txt',
          'how-to-post.txt',
        ].sort(),
      )

      // Instagram: JPEG only, 4:5 at 1080×1350; smaller photos are never blown up; the square
      // crop chosen for the third photo; its transparency flattened (no alpha in a JPEG).
      const meta = (folder: string, name: string) => sharp(join(folder, name)).metadata()
      const first = await meta(instagram, '01-werkbank-landscape.jpg')
      expect([first.format, first.width, first.height]).toEqual(['jpeg', 1080, 1350])
      const second = await meta(instagram, '02-tassen-rotated.jpg')
      expect(second.format).toBe('jpeg')
      expect(second.width! / second.height!).toBeCloseTo(4 / 5, 2)
      expect(second.width).toBeLessThanOrEqual(1080)
      const third = await meta(instagram, '03-produkt-freigestellt.jpg')
      expect([third.format, third.width, third.height, third.hasAlpha]).toEqual([
        'jpeg',
        720,
        720,
        false,
      ])
      // Etsy: square listing photos at 2000×2000 for a photo that large.
      const etsy = join(postFolder, 'Etsy')
      const etsyFirst = await meta(
        etsy,
        readdirSync(etsy).find((name) => name.startsWith('01-'))!,
      )
      expect([etsyFirst.width, etsyFirst.height]).toEqual([2000, 2000])
      // Threads: 4:5 at 1080×1350 too, the main caption.
      const threads = join(postFolder, 'Threads')
      const threadsFirst = await meta(threads, '01-werkbank-landscape.jpg')
      expect([threadsFirst.format, threadsFirst.width, threadsFirst.height]).toEqual([
        'jpeg',
        1080,
        1350,
      ])
      expect(text(join(threads, 'caption.txt'))).toBe(mainCaption)
      // Facebook: the photo's own ratio, 2048 px on the long edge.
      const facebook = join(postFolder, 'Facebook')
      const fbFirst = await meta(facebook, '01-werkbank-landscape.jpg')
      expect([fbFirst.width, fbFirst.height]).toEqual([2048, 1536])

      // Captions: Instagram's own version, the main caption elsewhere; byte for byte, UTF-8.
      expect(readFileSync(join(instagram, 'caption.txt'))).toEqual(
        Buffer.from(instagramCaption, 'utf8'),
      )
      expect(text(join(etsy, 'caption.txt'))).toBe(mainCaption)
      expect(text(join(facebook, 'caption.txt'))).toBe(mainCaption)

      // Alt texts: numbered like the files, one line each; the library's text where the post has
      // none; a placeholder where there is none at all.
      expect(text(join(instagram, 'alt-text.txt'))).toBe(
        '1. Goldring mit Hammerschlag auf der Werkbank\n' +
          '2. Drei Tassen aus Steinzeug auf Holz\n' +
          '3. (no alt text yet)\n',
      )

      // How-to: the network's steps, the files in order, in the app's language.
      const howTo = text(join(instagram, 'how-to-post.txt'))
      expect(howTo).toContain('How to post this on Instagram')
      expect(howTo).toContain('Advanced settings → Accessibility')
      expect(howTo.indexOf('01-werkbank-landscape.jpg')).toBeLessThan(
        howTo.indexOf('02-tassen-rotated.jpg'),
      )
      expect(howTo.indexOf('02-tassen-rotated.jpg')).toBeLessThan(
        howTo.indexOf('03-produkt-freigestellt.jpg'),
      )
      const etsyHowTo = text(join(etsy, 'how-to-post.txt'))
      expect(etsyHowTo).toContain('How to post this on Etsy')
      expect(etsyHowTo).toMatch(/first photo is the thumbnail.*square/s)

      // Metadata stripped from every photo of every bundle (the fixtures carry GPS, camera, XMP).
      const images = [instagram, threads, etsy, facebook].flatMap((folder) =>
        readdirSync(folder)
          .filter((name) => /\.(jpg|png)$/.test(name))
          .map((name) => join(folder, name)),
      )
      expect(images).toHaveLength(12)
      const tags = exiftoolTags(images)
      expect(
        tags.map((tag, index) => ({ file: images[index], leaked: personalTags(tag) })),
      ).toEqual(images.map((file) => ({ file, leaked: [] })))

      // bundles.list: what the composer shows, with the caption to copy.
      const listed = await app.call('bundles.list', { postId: post.id })
      expect(listed.map((bundle) => [bundle.network, bundle.outdated])).toEqual([
        ['instagram', false],
        ['threads', false],
        ['facebook', false],
        ['etsy', false],
      ])
      expect(listed[0]).toMatchObject({
        caption: instagramCaption,
        language: 'en',
        folder: `Exports/Posts/${postFolders[0]}/Instagram`,
        files: [
          '01-werkbank-landscape.jpg',
          '02-tassen-rotated.jpg',
          '03-produkt-freigestellt.jpg',
          'caption.txt',
          'alt-text.txt',
          'how-to-post.txt',
        ],
      })
      expect(ok(last)).toEqual(listed)
    },
    timeout,
  )

  it(
    'writes the how-to in German when the app is in German, and remaking replaces the folder whole',
    async () => {
      const app = await startApp(tempDir('bundles-de'))
      const { post } = await ringPost(app)
      await app.makeBundles({ postId: post.id, networks: ['instagram'] })
      expect((await app.call('bundles.list', { postId: post.id }))[0]?.outdated).toBe(false)

      // A change to the caption makes the folder outdated until it is made again.
      await app.call('posts.update', {
        id: post.id,
        variants: { instagram: { text: 'Neue Fassung für Instagram' } },
      })
      expect((await app.call('bundles.list', { postId: post.id }))[0]?.outdated).toBe(true)

      await app.call('settings.set', { language: 'de' })
      const [event] = (await app.makeBundles({ postId: post.id, networks: ['instagram'] })).slice(
        -1,
      )
      expect(event?.state).toBe('done')
      const [postFolderName] = readdirSync(postsFolder(app))
      const postFolder = join(postsFolder(app), postFolderName!)
      // The same post folder, the old Instagram folder replaced, nothing left beside it.
      expect(readdirSync(postsFolder(app))).toHaveLength(1)
      expect(readdirSync(postFolder).sort()).toEqual(['.werkschau-post.json', 'Instagram'])
      const instagram = join(postFolder, 'Instagram')
      expect(text(join(instagram, 'caption.txt'))).toBe('Neue Fassung für Instagram')
      const howTo = text(join(instagram, 'how-to-post.txt'))
      expect(howTo).toContain('So postest du das auf Instagram')
      expect(howTo).toContain('Erweiterte Einstellungen → Barrierefreiheit')
      expect(howTo).toContain('03-produkt-freigestellt.jpg')
      expect(text(join(instagram, 'alt-text.txt'))).toContain('3. (noch kein Alternativtext)')
      const [listed] = await app.call('bundles.list', { postId: post.id })
      expect(listed).toMatchObject({ language: 'de', outdated: false })
    },
    timeout,
  )

  it(
    'leaves no half folder when cancelled midway, and an earlier bundle as it was',
    async () => {
      const app = await startApp(tempDir('bundles-abort'))
      const { post } = await ringPost(app)

      // A first bundle, never made whole: cancelled right after its first photo.
      const cancelAfterFirstPhoto = (event: EventPayload<'bundles.progress'>, jobId: string) => {
        if (event.state === 'running' && event.done === 1) app.services.bundles.cancel(jobId)
      }
      let events = await app.makeBundles(
        { postId: post.id, networks: ['instagram', 'etsy'] },
        cancelAfterFirstPhoto,
      )
      let last = events.at(-1)!
      expect(last.state).toBe('cancelled')
      expect(last.results.map((result) => [result.network, result.ok])).toEqual([
        ['instagram', false],
        ['etsy', false],
      ])
      expect(last.results.map((result) => !result.ok && result.error.code)).toEqual([
        'cancelled',
        'cancelled',
      ])
      const postFolder = join(postsFolder(app), readdirSync(postsFolder(app))[0]!)
      expect(readdirSync(postFolder)).toEqual(['.werkschau-post.json'])
      expect(await app.call('bundles.list', { postId: post.id })).toEqual([])

      // A whole one, then a remake cancelled midway: the whole one stays, untouched.
      await app.makeBundles({ postId: post.id, networks: ['instagram'] })
      const instagram = join(postFolder, 'Instagram')
      const before = readdirSync(instagram).map((name) => [
        name,
        readFileSync(join(instagram, name)),
      ])
      await app.call('posts.update', { id: post.id, caption: 'Ganz neu' })
      await app.call('posts.update', { id: post.id, variants: {} })
      events = await app.makeBundles(
        { postId: post.id, networks: ['instagram'] },
        cancelAfterFirstPhoto,
      )
      last = events.at(-1)!
      expect(last.state).toBe('cancelled')
      expect(readdirSync(postFolder).sort()).toEqual(['.werkschau-post.json', 'Instagram'])
      expect(
        readdirSync(instagram).map((name) => [name, readFileSync(join(instagram, name))]),
      ).toEqual(before)
      expect(text(join(instagram, 'caption.txt'))).toBe(instagramCaption)

      // The outbox's way in: buildBundle with its own AbortSignal.
      const controller = new AbortController()
      const current = app.services.posts.get(post.id)!
      const build = buildBundle({
        post: current,
        network: 'etsy',
        libraryRoot: app.library,
        photos: { get: (id) => app.services.photos.get(id) },
        renders: app.services.renders,
        language: 'en',
        signal: controller.signal,
        onProgress: ({ done }) => done === 1 && controller.abort(),
      })
      await expect(build).rejects.toMatchObject({ code: 'cancelled' })
      expect(existsSync(join(postFolder, 'Etsy'))).toBe(false)
      expect(readdirSync(postFolder).sort()).toEqual(['.werkschau-post.json', 'Instagram'])
    },
    timeout,
  )

  it(
    'keeps names safe: umlauts stay, slashes, colons and emoji go, and equal titles get their own folders',
    async () => {
      const app = await startApp(tempDir('bundles-names'))
      const photo = await app.importPhoto('winzig.jpg', 'Häkel: Mütze 🧶 ..jpg')
      const caption = '../Größe 38 / Filz: 🧶 Pantoffeln \\ https://example.com/a/b #handmade'
      const draft = { caption, targets: ['threads' as const], photos: [{ photoId: photo }] }
      const first = await app.call('posts.create', draft)
      const second = await app.call('posts.create', draft)
      for (const post of [first, second])
        await app.makeBundles({ postId: post.id, networks: ['threads'] })

      const names = readdirSync(postsFolder(app)).sort()
      const title = `${localDate()} Größe 38 Filz Pantoffeln handmade`
      expect(names).toEqual([title, `${title} 2`])
      expect(title.normalize('NFC')).toBe(title)
      for (const name of names) {
        const threads = join(postsFolder(app), name, 'Threads')
        const files = readdirSync(threads)
        const image = files.find((file) => file.endsWith('.jpg'))!
        expect(image).toMatch(/^01-Häkel-Mütze\.jpg$/)
        for (const file of files) expect(file).not.toMatch(/[/\\:\p{Extended_Pictographic}]/u)
        const inside = relative(join(app.library, 'Exports'), join(threads, image))
        expect(inside.startsWith('..') || inside.includes(`..${sep}`)).toBe(false)
        expect(text(join(threads, 'caption.txt'))).toBe(caption)
      }
      // Each post finds its own folder again.
      const listed = await app.call('bundles.list', { postId: second.id })
      expect(listed[0]?.folder).toBe(`Exports/Posts/${title} 2/Threads`)
    },
    timeout,
  )

  it(
    'shows a bundle in the file manager, and refuses what is not there or leads outside Exports',
    async () => {
      const dir = tempDir('bundles-reveal')
      const app = await startApp(dir)
      const { post } = await ringPost(app)
      await app.makeBundles({ postId: post.id, networks: ['instagram'] })

      const shown = await app.call('bundles.reveal', { postId: post.id, network: 'instagram' })
      const postFolderName = readdirSync(postsFolder(app))[0]!
      const instagram = join(postsFolder(app), postFolderName, 'Instagram')
      expect(app.revealed).toEqual([instagram])
      expect(shown.folder).toBe(`Exports/Posts/${postFolderName}/Instagram`)

      const missing = await app.fail('bundles.reveal', { postId: post.id, network: 'etsy' })
      expect(missing.code).toBe('not_found')

      // The post's folder swapped for a link to a folder outside the library.
      const outside = join(dir, 'elsewhere')
      renameSync(join(postsFolder(app), postFolderName), outside)
      symlinkSync(outside, join(postsFolder(app), postFolderName), 'dir')
      const refused = await app.fail('bundles.reveal', { postId: post.id, network: 'instagram' })
      expect(refused.code).toBe('forbidden')
      expect(app.revealed).toHaveLength(1)
      // … and nothing is written there either.
      const before = execFileSync('find', [outside], { encoding: 'utf8' })
      const [event] = (await app.makeBundles({ postId: post.id, networks: ['etsy'] })).slice(-1)
      expect(event?.results[0]).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(execFileSync('find', [outside], { encoding: 'utf8' })).toBe(before)
    },
    timeout,
  )

  it(
    'refuses a bundle without photos for a network that needs one, and makes a text-only one where allowed',
    async () => {
      const app = await startApp(tempDir('bundles-text'))
      const post = await app.call('posts.create', {
        caption: 'Nur Text heute.',
        targets: ['threads', 'etsy'],
      })
      const [last] = (
        await app.makeBundles({ postId: post.id, networks: ['threads', 'etsy'] })
      ).slice(-1)
      expect(last?.results[0]).toMatchObject({ network: 'threads', ok: true })
      expect(last?.results[1]).toMatchObject({
        network: 'etsy',
        ok: false,
        error: { code: 'validation', message: 'Etsy needs at least one photo. Add one first.' },
      })
      const threads = join(postsFolder(app), readdirSync(postsFolder(app))[0]!, 'Threads')
      expect(readdirSync(threads).sort()).toEqual(
        ['.werkschau-bundle.json', 'caption.txt', 'how-to-post.txt'].sort(),
      )
      const howTo = text(join(threads, 'how-to-post.txt'))
      expect(howTo).toContain('This post has no photos')
      expect(howTo).not.toMatch(/\.jpg/)
    },
    timeout,
  )
})
