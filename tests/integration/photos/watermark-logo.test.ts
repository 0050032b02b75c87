import { createReadStream, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import type { RenderOutput } from '../../../src-shared/contract'
import type { Result } from '../../../src-shared/errors'
import type { Services } from '../../../src-main/services'
import { useRealServices } from '../../support/host'
import { useTempDirs } from '../../support/temp-dir'
import { fixture, meanDifference, pixelsOf, pngBomb } from './support'

/**
 * The watermark logo through the real services: uploads checked by the built worker process,
 * the logo kept in the library folder, and renders made by the real pipeline.
 */
const tempDir = useTempDirs()
const { start, stopAll } = useRealServices(tempDir)

type Logo = { width: number; height: number; format: string; version: string }

function setLogo(services: Services, bytes: Buffer | string): Promise<Result<unknown>> {
  const body = typeof bytes === 'string' ? createReadStream(bytes) : Readable.from([bytes])
  return services.dispatchUpload('watermark.setLogo', 'logo.png', body)
}

async function setLogoOk(services: Services, file: string): Promise<Logo> {
  const result = await setLogo(services, file)
  if (!result.ok) throw new Error(`setLogo failed: ${result.error.message}`)
  return result.value as Logo
}

async function importPhoto(services: Services, name: string): Promise<string> {
  return (await services.photos.importUpload(name, createReadStream(fixture(name)))).record.id
}

/** Runs one render job through the contract and returns its outputs once it has ended. */
async function render(services: Services, id: string, options: unknown): Promise<RenderOutput[]> {
  let stop = (): void => undefined
  const ended = new Promise<RenderOutput[]>((resolve) => {
    stop = services.events.subscribe((event, payload) => {
      const progress = payload as { state: string; results: RenderOutput[] }
      if (event === 'jobs.progress' && progress.state !== 'running') resolve(progress.results)
    })
  })
  const started = await services.dispatch('photos.render', {
    ids: [id],
    targets: ['instagram'],
    options,
  })
  if (!started.ok) {
    stop()
    throw new Error(`photos.render failed: ${started.error.code}`)
  }
  const results = await ended
  stop()
  return results
}

async function renderedFile(services: Services, id: string, options: unknown): Promise<string> {
  const [output] = await render(services, id, options)
  expect(output).toMatchObject({ ok: true, width: 1080, height: 1350 })
  return output!.file!
}

/** Mean difference of one square region of two renders (0..255 per sample). */
async function regionDifference(a: string, b: string, left: number, top: number, size: number) {
  const region = async (file: string) =>
    pixelsOf(
      await sharp(file).extract({ left, top, width: size, height: size }).png().toBuffer(),
      3,
    )
  return meanDifference(await region(a), await region(b))
}

const logoTopLeft = { kind: 'logo', position: 'top-left', opacity: 1, scale: 0.3 }

function assetNames(services: Services): string[] {
  return readdirSync(join(services.libraryPath(), 'assets')).sort()
}

describe('watermark logo', () => {
  it('keeps one logo, reports its size and serves it small under its version only', async () => {
    const dir = tempDir()
    const services = await start(dir)
    const logo = await setLogoOk(services, fixture('produkt-freigestellt.png'))
    expect(logo).toMatchObject({ width: 720, height: 720, format: 'png' })
    expect(logo.version).toMatch(/^[0-9a-f]{64}$/)
    expect(await services.dispatch('watermark.getLogo', undefined)).toEqual({
      ok: true,
      value: { present: true, ...logo },
    })
    expect(assetNames(services)).toEqual([
      'watermark-logo-' + logo.version + '.png',
      'watermark-logo.json',
    ])

    const media = await services.media(`asset/watermark-logo/${logo.version}`)
    expect(media).toMatchObject({ contentType: 'image/webp' })
    const preview = await sharp(media!.file).metadata()
    expect(Math.max(preview.width, preview.height)).toBeLessThanOrEqual(256)
    expect(preview.hasAlpha).toBe(true)
    for (const path of [
      'asset/watermark-logo',
      `asset/watermark-logo/${'0'.repeat(64)}`,
      `asset/watermark-logo/${logo.version}/x`,
      `asset/../assets/watermark-logo.json`,
    ]) {
      expect(await services.media(path), path).toBeUndefined()
    }

    // A second logo replaces the first: one logo file, the old one gone.
    const next = await setLogoOk(services, fixture('ufer.webp'))
    expect(next).toMatchObject({ width: 1200, height: 900, format: 'webp' })
    expect(assetNames(services)).toEqual([
      'watermark-logo-' + next.version + '.webp',
      'watermark-logo.json',
    ])
    expect(await services.media(`asset/watermark-logo/${logo.version}`)).toBeUndefined()

    // The logo belongs to the library and is still there after a restart.
    await stopAll()
    const again = await start(dir)
    expect(await again.dispatch('watermark.getLogo', undefined)).toEqual({
      ok: true,
      value: { present: true, ...next },
    })
  })

  it('stamps the logo into the chosen corner of a render, and a new logo makes new renders', async () => {
    const services = await start()
    const id = await importPhoto(services, 'werkbank-landscape.jpg')
    await setLogoOk(services, fixture('produkt-freigestellt.png'))
    const plain = await renderedFile(services, id, {})
    const marked = await renderedFile(services, id, { watermark: logoTopLeft })

    // 1080×1350: the mark is 30 % of 1080 = 324 px, 43 px in from the top-left corner.
    expect(await regionDifference(plain, marked, 60, 60, 280)).toBeGreaterThan(20)
    expect(await regionDifference(plain, marked, 760, 1000, 280)).toBeLessThan(3)

    // The logo file is named by its content, so a cached render with the old logo is not reused.
    await setLogoOk(services, fixture('ufer.webp'))
    const remarked = await renderedFile(services, id, { watermark: logoTopLeft })
    expect(await regionDifference(marked, remarked, 60, 100, 200)).toBeGreaterThan(20)
  })

  it('refuses damaged, non-image, empty and bomb logos, and keeps the previous logo', async () => {
    const services = await start()
    const logo = await setLogoOk(services, fixture('produkt-freigestellt.png'))
    const before = assetNames(services)
    const png = readFileSync(fixture('produkt-freigestellt.png'))
    const refusals: [Buffer, string][] = [
      [png.subarray(0, Math.floor(png.length / 2)), 'corrupt_file'],
      [Buffer.from('a shopping list, not a logo'), 'unsupported_format'],
      [Buffer.alloc(0), 'empty_file'],
      [pngBomb(30_000, 30_000), 'too_many_pixels'],
    ]
    for (const [bytes, code] of refusals) {
      expect(await setLogo(services, bytes)).toMatchObject({ ok: false, error: { code } })
      expect(await services.dispatch('watermark.getLogo', undefined)).toEqual({
        ok: true,
        value: { present: true, ...logo },
      })
      expect(assetNames(services)).toEqual(before)
    }
    expect(readdirSync(join(services.libraryPath(), 'incoming'))).toEqual([])
  })

  it('removes the logo; a logo render is then refused as invalid', async () => {
    const services = await start()
    const id = await importPhoto(services, 'winzig.jpg')
    const logo = await setLogoOk(services, fixture('produkt-freigestellt.png'))
    expect(await services.dispatch('watermark.removeLogo', undefined)).toEqual({
      ok: true,
      value: { removed: true },
    })
    expect(await services.dispatch('watermark.getLogo', undefined)).toEqual({
      ok: true,
      value: { present: false },
    })
    expect(assetNames(services)).toEqual([])
    expect(await services.media(`asset/watermark-logo/${logo.version}`)).toBeUndefined()
    const refused = await services.dispatch('photos.render', {
      ids: [id],
      targets: ['instagram'],
      options: { watermark: logoTopLeft },
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await services.dispatch('watermark.removeLogo', undefined)).toEqual({
      ok: true,
      value: { removed: false },
    })
  })

  it('never takes a file path from the renderer', async () => {
    const services = await start()
    const id = await importPhoto(services, 'winzig.jpg')
    const named = await services.dispatch('photos.render', {
      ids: [id],
      targets: ['instagram'],
      options: { watermark: { ...logoTopLeft, file: fixture('produkt-freigestellt.png') } },
    })
    // The path is dropped by the contract; with no logo set, the render is refused.
    expect(named).toMatchObject({ ok: false, error: { code: 'validation' } })
  })
})
