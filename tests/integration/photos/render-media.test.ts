import { createReadStream, existsSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import type { PhotoRecord } from '../../../src-shared/photos/model'
import type { AspectPreset } from '../../../src-shared/photos/presets'
import {
  previewLongEdge,
  renderMediaPath,
  renderVersion,
} from '../../../src-shared/photos/render-media'
import type { NetworkId } from '../../../src-shared/platforms/networks'
import { previewTarget } from '../../../src-main/photos/service/render-media'
import type { Services } from '../../../src-main/services'
import { useRealServices } from '../../support/host'
import { useTempDirs } from '../../support/temp-dir'

/**
 * Preview renders as media (`photo/<id>/render/<network>/<preset>/<version>`) through the real
 * services: the built worker process renders with the real sharp pipeline into the real render
 * cache of a library on disk.
 */
const fixtures = join(process.cwd(), 'tests', 'fixtures', 'photos')
const tempDir = useTempDirs()
const { start } = useRealServices(tempDir)

async function importFixture(running: Services, name: string): Promise<PhotoRecord> {
  const outcome = await running.photos.importUpload(name, createReadStream(join(fixtures, name)))
  return outcome.record
}

function pathFor(record: PhotoRecord, network: NetworkId, preset: AspectPreset): string {
  const version = renderVersion(record, preset)
  return renderMediaPath({ photoId: record.id, network, preset, version })
}

describe('preview renders as media', () => {
  it('renders through the worker once, then serves the cached render', async () => {
    const running = await start()
    const record = await importFixture(running, 'werkbank-landscape.jpg') // 2667×2000
    const path = pathFor(record, 'instagram', '4:5')

    const first = await running.media(path)
    expect(first).toMatchObject({ contentType: 'image/jpeg' }) // Instagram takes JPEG only
    expect(existsSync(first!.file)).toBe(true)
    expect(statSync(first!.file).size).toBe(first!.bytes)
    // A 4:5 crop of the full height (1600×2000), bounded to the preview's long edge.
    const meta = await sharp(first!.file).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 864, previewLongEdge])

    const written = statSync(first!.file).mtimeMs
    const again = await running.media(path)
    expect(again).toEqual(first)
    expect(statSync(again!.file).mtimeMs).toBe(written)
    // The same pair through the render service says where it came from: the render cache.
    const cached = await running.renders.renderCached(record, previewTarget('instagram', '4:5'), {})
    expect(cached).toMatchObject({ cached: true, file: first!.file })
  })

  it('renders again when the cache was cleared', async () => {
    const running = await start()
    const record = await importFixture(running, 'werkbank-landscape.jpg')
    const path = pathFor(record, 'x', '16:9')
    const first = await running.media(path)
    rmSync(first!.file)
    const again = await running.media(path)
    expect(again!.file).toBe(first!.file)
    expect(existsSync(again!.file)).toBe(true)
    const meta = await sharp(again!.file).metadata()
    expect([meta.width, meta.height]).toEqual([previewLongEdge, 608])
  })

  it('gives a changed crop a new URL, and no longer serves the old one', async () => {
    const running = await start()
    const record = await importFixture(running, 'werkbank-landscape.jpg')
    const before = pathFor(record, 'bluesky', '1:1')
    const beforeFile = await running.media(before)

    // The left and the right square of the photo: different pixels, different URL.
    const left = { x: 0, y: 0, width: 0.75, height: 1 }
    const changed = await running.photos.update(record.id, { crops: { '1:1': left } })
    const after = pathFor(changed, 'bluesky', '1:1')
    expect(after).not.toBe(before)
    expect(await running.media(before)).toBeUndefined()
    const afterFile = await running.media(after)
    expect(afterFile!.file).not.toBe(beforeFile!.file)
    const [a, b] = await Promise.all(
      [beforeFile!.file, afterFile!.file].map((file) =>
        sharp(file).resize(8, 8, { fit: 'fill' }).greyscale().raw().toBuffer(),
      ),
    )
    expect(Buffer.compare(a!, b!)).not.toBe(0)
    // Other presets' URLs do not change with this preset's crop.
    expect(pathFor(changed, 'x', '16:9')).toBe(pathFor(record, 'x', '16:9'))

    // Turning the photo changes every preset's pixels, so every URL.
    const turned = await running.photos.update(record.id, {
      edits: { ...changed.edits, quarterTurns: 1 },
    })
    expect(pathFor(turned, 'x', '16:9')).not.toBe(pathFor(changed, 'x', '16:9'))
  })

  it("keeps the photo's own ratio for `original`, bounded, and never enlarges a small photo", async () => {
    const running = await start()
    const panorama = await importFixture(running, 'panorama.jpg') // 3000×600
    const wide = await running.media(pathFor(panorama, 'mastodon', 'original'))
    const wideMeta = await sharp(wide!.file).metadata()
    expect([wideMeta.width, wideMeta.height]).toEqual([previewLongEdge, 216])

    const small = await importFixture(running, 'winzig.jpg') // 320×240
    const tiny = await running.media(pathFor(small, 'pinterest', '2:3'))
    const tinyMeta = await sharp(tiny!.file).metadata()
    expect([tinyMeta.width, tinyMeta.height]).toEqual([160, 240])
    expect(tiny!.contentType).toBe('image/jpeg')
  })

  it('keeps transparency where the network takes PNG', async () => {
    const running = await start()
    const record = await importFixture(running, 'produkt-freigestellt.png')
    const media = await running.media(pathFor(record, 'bluesky', '1:1'))
    expect(media!.contentType).toBe('image/png')
    expect((await sharp(media!.file).metadata()).hasAlpha).toBe(true)
  })

  it('names nothing but those renders', async () => {
    const running = await start()
    const record = await importFixture(running, 'werkbank-landscape.jpg')
    const good = pathFor(record, 'instagram', '4:5')
    const version = renderVersion(record, '4:5')
    const bad = [
      good.replace('instagram', 'tiktok'),
      good.replace('/4x5/', '/4:5/'),
      good.replace('/4x5/', '/3x4/'),
      good.replace(record.id, record.id.toUpperCase()),
      good.replace(record.id, '0'.repeat(64)), // a photo that is not in the library
      good.replace(version, version.slice(1)),
      good.replace(version, renderVersion(record, '1:1')), // another preset's version
      `${good}/`,
      `${good}/extra`,
      `photo/../../etc/passwd/render/instagram/4x5/${version}`,
      `photo/${record.id}/render/../thumbnail/4x5/${version}`,
      `photo/${record.id}/render/instagram/..%2F..%2Fetc/${version}`,
      `photo/${record.id}/render/instagram/4x5`,
      `photo/${record.id}/render`,
    ]
    for (const path of bad) expect(await running.media(path), path).toBeUndefined()
    expect(await running.media(good)).toBeDefined()
  })
})
