import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it, vi } from 'vitest'
import {
  renderPhoto,
  type RenderOptions,
  type RenderResult,
} from '../../../src-main/photos/pipeline/render'
import {
  renderPhotoOutputs,
  type OutputOutcome,
} from '../../../src-main/photos/pipeline/render-many'
import { defaultEdits, type PhotoEdits } from '../../../src-shared/photos/model'
import type { ImageSpec } from '../../../src-shared/platforms/image-spec'
import { findRenderTarget } from '../../../src-shared/platforms/render-targets'
import { useTempDirs } from '../../support/temp-dir'
import { fixture, meanDifference, pixelsOf } from './support'

/**
 * Several outputs from one decode must be the outputs renderPhoto makes one by one: same sizes,
 * formats, qualities, encodes and warnings, and the same pixels and bytes (identical with sharp
 * 0.35; the tolerances leave room for a libvips that rounds differently between the two paths).
 */

// Counts every sharp() call by its input, so the test can tell how often the source is opened.
const opened = vi.hoisted(() => ({ calls: [] as unknown[] }))
vi.mock('sharp', async (importOriginal) => {
  const actual = (await importOriginal()) as { default: typeof sharp }
  const counting = Object.assign((...args: Parameters<typeof sharp>) => {
    opened.calls.push(args[0])
    return actual.default(...args)
  }, actual.default)
  return { ...actual, default: counting }
})

const tempDir = useTempDirs()
const target = (id: string): ImageSpec => findRenderTarget(id)!.image
/** The benchmark's five outputs, plus a PNG-only one (lossless, so pixels compare exactly). */
const specs: ImageSpec[] = [
  target('4:5'),
  target('1:1'),
  target('2:3'),
  target('bluesky'),
  target('facebook'),
  { aspect: '16:9', size: { width: 800, height: 450 }, formats: ['png'] },
]

function values(outcomes: OutputOutcome[]): RenderResult[] {
  return outcomes.map((outcome) => {
    if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`)
    return outcome.value
  })
}

async function compareWithSingleRenders(
  source: string,
  edits: PhotoEdits,
  label: string,
  options?: RenderOptions,
): Promise<void> {
  const dir = tempDir(label)
  const many = values(
    await renderPhotoOutputs({
      source: fixture(source),
      edits,
      ...(options ? { options } : {}),
      outputs: specs.map((spec, index) => ({ spec, out: join(dir, `many-${index}`) })),
    }),
  )
  expect(many).toHaveLength(specs.length)
  for (const [index, spec] of specs.entries()) {
    const single = await renderPhoto(
      { source: fixture(source), edits, spec, ...(options ? { options } : {}) },
      join(dir, `single-${index}`),
    )
    const ours = many[index]!
    const where = `${source} ${spec.aspect} ${spec.formats.join('/')}`
    expect({ ...ours, file: '', bytes: 0 }, where).toEqual({ ...single, file: '', bytes: 0 })
    expect(Math.abs(ours.bytes - single.bytes) / single.bytes, where).toBeLessThan(0.01)
    const difference = meanDifference(await pixelsOf(ours.file), await pixelsOf(single.file))
    expect(difference, where).toBeLessThan(spec.formats[0] === 'png' ? 0.05 : 0.5)
  }
}

describe('renderPhotoOutputs', () => {
  it('makes the same outputs as renderPhoto, one by one (upright JPEG)', async () => {
    await compareWithSingleRenders('werkbank-landscape.jpg', defaultEdits, 'same-jpeg')
  })

  it('makes the same outputs for an EXIF-rotated photo turned, straightened and off-centre', async () => {
    const edits: PhotoEdits = { quarterTurns: 1, straighten: -7.5, focalPoint: { x: 0.3, y: 0.6 } }
    await compareWithSingleRenders('tassen-rotated.jpg', edits, 'same-edited')
  })

  it('makes the same outputs from CMYK and from a transparent cut-out', async () => {
    await compareWithSingleRenders('druck-cmyk.jpg', defaultEdits, 'same-cmyk')
    await compareWithSingleRenders('produkt-freigestellt.png', defaultEdits, 'same-alpha')
  })

  it('makes the same outputs with a watermark', async () => {
    const watermark = {
      kind: 'text' as const,
      text: 'Töpferei Lind',
      position: 'bottom-right' as const,
      opacity: 0.6,
      scale: 0.3,
    }
    await compareWithSingleRenders('ufer.webp', defaultEdits, 'same-watermark', {
      background: '#ffffff',
      keepAttribution: false,
      watermark,
    })
  })

  it('opens the source for its pixels once, however many outputs', async () => {
    const dir = tempDir('once')
    const source = fixture('werkbank-landscape.jpg')
    const opens = async (count: number): Promise<number> => {
      opened.calls.length = 0
      await renderPhotoOutputs({
        source,
        edits: defaultEdits,
        outputs: specs
          .slice(0, count)
          .map((spec, index) => ({ spec, out: join(dir, `${count}-${index}`) })),
      })
      return opened.calls.filter((input) => input === source).length
    }
    // The header read, then one decode: the same for two outputs as for six.
    expect(await opens(2)).toBe(2)
    expect(await opens(specs.length)).toBe(2)
    opened.calls.length = 0
    for (const [index, spec] of specs.slice(0, 2).entries())
      await renderPhoto({ source, edits: defaultEdits, spec }, join(dir, `single-${index}`))
    expect(opened.calls.filter((input) => input === source)).toHaveLength(4)
  })

  it('fails only the output whose byte budget cannot be met', async () => {
    const dir = tempDir('one-fails')
    const outcomes = await renderPhotoOutputs({
      source: fixture('werkbank-landscape.jpg'),
      edits: defaultEdits,
      outputs: [
        { spec: target('1:1'), out: join(dir, 'fine') },
        // The sRGB profile alone is larger than this budget.
        {
          spec: { aspect: '1:1', size: { width: 64, height: 64 }, maxBytes: 200, formats: ['png'] },
          out: join(dir, 'tiny'),
        },
        { spec: target('bluesky'), out: join(dir, 'also-fine') },
      ],
    })
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true])
    expect(outcomes[1]).toMatchObject({ ok: false, error: { code: 'too_large' } })
    const written = await sharp(join(dir, 'also-fine')).metadata()
    expect(Math.max(written.width, written.height)).toBe(2000)
  })

  it('reports each output as it is finished, and stops between outputs when cancelled', async () => {
    const dir = tempDir('cancel')
    const controller = new AbortController()
    const finished: number[] = []
    const run = renderPhotoOutputs(
      {
        source: fixture('werkbank-landscape.jpg'),
        edits: defaultEdits,
        outputs: specs.map((spec, index) => ({ spec, out: join(dir, String(index)) })),
      },
      {
        signal: controller.signal,
        onOutput: (index) => {
          finished.push(index)
          if (index === 1) controller.abort()
        },
      },
    )
    await expect(run).rejects.toMatchObject({ code: 'cancelled' })
    expect(finished).toEqual([0, 1])
  })

  it('refuses a source it cannot use before any output, with the file error', async () => {
    const dir = tempDir('broken')
    await expect(
      renderPhotoOutputs({
        source: fixture('README.md'),
        edits: defaultEdits,
        outputs: [{ spec: target('1:1'), out: join(dir, 'out') }],
      }),
    ).rejects.toMatchObject({ code: 'unsupported_format' })
  })
})
