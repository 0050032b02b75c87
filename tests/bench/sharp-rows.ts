import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { defaultEdits } from '../../src-shared/photos/model'
import { jpegOptions } from '../../src-main/photos/pipeline/encode'
import { START_QUALITY } from '../../src-main/photos/pipeline/quality-search'
import { planOutput } from '../../src-main/photos/pipeline/render'
import { configureSharp } from '../../src-main/photos/pipeline/sharp-settings'
import { benchTargets, eachLimited, type RowInput, type RowResult } from './bench-setup'
import { measure } from './measure'

/**
 * The in-process references, with sharp set up exactly as in the photo worker and one photo in
 * flight per core (as the app's two worker processes have). Loaded only by the rows that use it,
 * so the other rows' processes never load libvips.
 */

/**
 * The lower bound: each photo decoded once to raw pixels, then each output's crop cut, resized
 * and encoded as JPEG (Werkschau's quality and settings) into memory. No header checks, colour
 * management, metadata, byte budget, files or processes: nothing but the unavoidable pixel work.
 */
export async function lowerBoundRow(input: RowInput): Promise<RowResult> {
  configureSharp()
  let outputs = 0
  const { measured } = await measure(() =>
    eachLimited(input.photos, availableParallelism(), async (file) => {
      const { data, info } = await sharp(file)
        .autoOrient()
        .raw()
        .toBuffer({ resolveWithObject: true })
      const raw = { raw: { width: info.width, height: info.height, channels: info.channels } }
      for (const target of benchTargets) {
        // The same crop and size the app computes (arithmetic only).
        const { crop, size } = planOutput(info, defaultEdits, undefined, target.image)
        await sharp(data, raw)
          .extract(crop)
          .resize(size.width, size.height, { fit: 'fill' })
          .jpeg({ quality: START_QUALITY, ...jpegOptions })
          .toBuffer()
        outputs += 1
      }
    }),
  )
  return { ...measured, items: outputs, notes: [] }
}

/**
 * A bare thumbnail per photo: sharp's shrink-on-load decode, resize to 512 px, WebP as the app's
 * thumbnails are made, written to a file. No hashing, copying, probing, sidecar or processes.
 */
export async function bareThumbnailRow(input: RowInput): Promise<RowResult> {
  configureSharp()
  const { measured } = await measure(() =>
    eachLimited(input.importFiles, availableParallelism(), async (file, index) => {
      await sharp(file)
        .autoOrient()
        .resize(512, 512, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80, effort: 2 })
        .toFile(join(input.workDir, `${index}.webp`))
    }),
  )
  return { ...measured, items: input.importFiles.length, notes: [] }
}
