import { z } from 'zod'
import {
  AspectPresetSchema,
  NormalizedRectSchema,
  PhotoEditsSchema,
} from '../../../src-shared/photos/model'
import { outputFormats } from '../../../src-shared/platforms/image-spec'
import { watermarkPositions } from './watermark'

/**
 * The render request, checked where it enters the pipeline (the worker boundary passes specs and
 * options through untyped). Messages read as "Expected <message> for request.<path> …".
 */

const pixels = (what: string) => z.int(`${what} as a whole number`).positive(`a positive ${what}`)

export const ImageSpecSchema = z.object({
  aspect: AspectPresetSchema,
  size: z.object({ width: pixels('width'), height: pixels('height') }).optional(),
  maxLongEdge: pixels('long edge').optional(),
  maxPixels: pixels('pixel count').optional(),
  maxBytes: pixels('byte count').optional(),
  formats: z.array(z.enum(outputFormats)).min(1, 'at least one output format').readonly(),
})

const fraction = (what: string) =>
  z.number().min(0, `${what} from 0 to 1`).max(1, `${what} from 0 to 1`)
const placement = {
  position: z.enum(watermarkPositions),
  opacity: fraction('an opacity'),
  scale: fraction('a scale').refine((scale) => scale > 0, 'a scale above 0'),
}

export const WatermarkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string().min(1, 'some text'), ...placement }),
  z.object({ kind: z.literal('logo'), file: z.string().min(1, 'a logo file path'), ...placement }),
])

export const RenderOptionsSchema = z.object({
  background: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
    .default('#ffffff'),
  /** Opt-in: keep only Artist and Copyright; everything else is always stripped. */
  keepAttribution: z.boolean().default(false),
  watermark: WatermarkSchema.optional(),
})
/** Options as callers write them (defaults may be left out). */
export type RenderOptions = z.input<typeof RenderOptionsSchema>

export const RenderRequestSchema = z.object({
  source: z.string().min(1, 'a file path'),
  edits: PhotoEditsSchema,
  /** The saved crop for `spec.aspect`; the default crop (from the focal point) when absent. */
  crop: NormalizedRectSchema.optional(),
  spec: ImageSpecSchema,
  options: RenderOptionsSchema.default({ background: '#ffffff', keepAttribution: false }),
})
export type RenderRequest = z.input<typeof RenderRequestSchema>
