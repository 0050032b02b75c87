import { z } from 'zod'
import { aspectPresets } from './presets'

/** A photo is named by the SHA-256 of its original bytes: the same file imported twice is one photo. */
export const PhotoIdSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'a photo id is a SHA-256 hex digest')
export type PhotoId = z.infer<typeof PhotoIdSchema>

/** 0..1 across the width and down the height of the edited image. */
export const PointSchema = z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) })
export type Point = z.infer<typeof PointSchema>

/** A rectangle in 0..1 units of the edited image (after orientation, quarter turns, straighten). */
export const NormalizedRectSchema = z
  .object({
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    width: z.number().gt(0).max(1),
    height: z.number().gt(0).max(1),
  })
  .refine((rect) => rect.x + rect.width <= 1 + 1e-9 && rect.y + rect.height <= 1 + 1e-9, {
    message: 'the rectangle must lie inside the image',
  })
export type NormalizedRect = z.infer<typeof NormalizedRectSchema>

export const AspectPresetSchema = z.enum(aspectPresets)

/**
 * Edits that apply to the whole photo, before any crop: quarter turns clockwise on top of the
 * camera's orientation, then straightening by up to ±45° (the canvas is trimmed to the largest
 * upright rectangle so no empty corners show).
 */
export const PhotoEditsSchema = z.object({
  quarterTurns: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  straighten: z.number().min(-45).max(45),
  focalPoint: PointSchema,
})
export type PhotoEdits = z.infer<typeof PhotoEditsSchema>

export const defaultEdits: PhotoEdits = {
  quarterTurns: 0,
  straighten: 0,
  focalPoint: { x: 0.5, y: 0.5 },
}

export const LocationSourceSchema = z.enum(['exif-gps', 'xmp', 'iptc'])
export type LocationSource = z.infer<typeof LocationSourceSchema>

export const PhotoFormatSchema = z.enum(['jpeg', 'png', 'webp', 'avif', 'tiff', 'gif', 'heic'])
export type PhotoFormat = z.infer<typeof PhotoFormatSchema>

/** What a look at the file tells at import; width and height are as displayed (orientation applied). */
export const PhotoProbeSchema = z.object({
  format: PhotoFormatSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  colourSpace: z.string(),
  hasAlpha: z.boolean(),
  hasIccProfile: z.boolean(),
  camera: z.string().optional(),
  capturedAt: z.string().optional(),
  artist: z.string().optional(),
  copyright: z.string().optional(),
  location: z.object({ present: z.boolean(), sources: z.array(LocationSourceSchema) }),
})
export type PhotoProbe = z.infer<typeof PhotoProbeSchema>

/** The sidecar stored beside every original in the library. */
export const PhotoRecordSchema = z.object({
  id: PhotoIdSchema,
  originalName: z.string(),
  byteSize: z.number().int().nonnegative(),
  importedAt: z.string(),
  probe: PhotoProbeSchema,
  edits: PhotoEditsSchema,
  /** A crop per preset once the user has touched it; missing presets use the default crop. */
  crops: z.partialRecord(AspectPresetSchema, NormalizedRectSchema),
  altText: z.string(),
  trashedAt: z.string().optional(),
})
export type PhotoRecord = z.infer<typeof PhotoRecordSchema>
