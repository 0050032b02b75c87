import { z } from 'zod'
import { AppErrorException, type AppError } from '../../../src-shared/errors'
import { editedSize } from '../../../src-shared/photos/crop-geometry'
import { NormalizedRectSchema, PhotoEditsSchema } from '../../../src-shared/photos/model'
import { openImage } from './decode'
import { decodeFailure, parseArgument } from './errors'
import type { PixelLimitOptions } from './limits'
import {
  cutForEncoding,
  finishOutput,
  makeCanvas,
  planOutput,
  type Canvas,
  type RenderResult,
} from './render'
import { ImageSpecSchema, RenderOptionsSchema } from './request'

/**
 * Several outputs of one photo (one per network or preset), decoded once: the photo is read,
 * turned, straightened and converted to sRGB into memory a single time, and every output is cut,
 * resized, encoded and written from those pixels by the same rules as `renderPhoto`. Decoding a
 * 12-megapixel JPEG costs about as much as two finished outputs, so for five targets this does the
 * work of about seven renders instead of fifteen.
 */

export const RenderManyRequestSchema = z.object({
  source: z.string().min(1, 'a file path'),
  edits: PhotoEditsSchema,
  options: RenderOptionsSchema.default({ background: '#ffffff', keepAttribution: false }),
  outputs: z
    .array(
      z.object({
        /** The saved crop for `spec.aspect`; the default crop when absent. */
        crop: NormalizedRectSchema.optional(),
        spec: ImageSpecSchema,
        /** Where to write this output (atomically, name used as given). */
        out: z.string().min(1, 'a file path'),
      }),
    )
    .min(1, 'at least one output'),
})
export type RenderManyRequest = z.input<typeof RenderManyRequestSchema>

/** One output's result, or the typed error that stopped only that output. */
export type OutputOutcome = { ok: true; value: RenderResult } | { ok: false; error: AppError }

export interface RenderManyOptions extends PixelLimitOptions {
  /** Checked between outputs: a cancelled job stops before its next output. */
  signal?: AbortSignal
  /** Called as each output is finished, in order. */
  onOutput?: (index: number, outcome: OutputOutcome) => void
}

/**
 * Renders every output of `request` from one decode of the source.
 * @returns one outcome per output, in request order: an output whose byte budget cannot be met
 *   (`too_large`), whose logo is missing or whose file cannot be written fails on its own
 * @throws {AppErrorException} when the source itself cannot be used (`not_found`, `corrupt_file`,
 *   `too_many_pixels` …: every output would fail alike), `validation` for a malformed request,
 *   `cancelled` when the signal is aborted
 */
export async function renderPhotoOutputs(
  request: RenderManyRequest,
  run: RenderManyOptions = {},
): Promise<OutputOutcome[]> {
  const { source, edits, outputs, options } = parseArgument(
    RenderManyRequestSchema,
    request,
    'request',
  )
  const limits: PixelLimitOptions = { maxPixels: run.maxPixels }
  const { image, header } = await openImage(source, limits)
  const edited = editedSize(header, edits)
  // Plans first: a crop or size problem shows before the (expensive) decode.
  const plans = outputs.map((output) => planOutput(edited, edits, output.crop, output.spec))
  const canvas: Canvas = await makeCanvas(image, header, edits, edited, outputs.length > 1).catch(
    (error: unknown) => {
      throw decodeFailure(error, source)
    },
  )
  const outcomes: OutputOutcome[] = []
  for (const [index, output] of outputs.entries()) {
    if (run.signal?.aborted)
      throw new AppErrorException('cancelled', 'The photo work was cancelled.')
    const plan = plans[index]!
    let outcome: OutputOutcome
    try {
      const pixels = await cutForEncoding(canvas, plan.crop, plan.size).catch((error: unknown) => {
        throw decodeFailure(error, source)
      })
      const value = await finishOutput(
        pixels,
        plan,
        header,
        output.spec,
        options,
        output.out,
        limits,
      )
      outcome = { ok: true, value }
    } catch (error) {
      // Anything untyped is a bug, not a property of this output: let the task fail loudly.
      if (!(error instanceof AppErrorException)) throw error
      outcome = { ok: false, error: error.toAppError() }
    }
    outcomes.push(outcome)
    run.onOutput?.(index, outcome)
  }
  return outcomes
}
