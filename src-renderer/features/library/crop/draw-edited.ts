import { editedSize, type PixelRect, type Size } from '../../../../src-shared/photos/crop-geometry'
import type { PhotoEdits } from '../../../../src-shared/photos/model'

/**
 * Draws part of the edited image onto a canvas, the way the pipeline cuts it: the photo as
 * displayed, turned by quarter turns, straightened about its centre, trimmed to `editedSize`,
 * then `region` (pixels of the edited image at full size) scaled to fill the canvas.
 * The preview image is a smaller copy of the displayed photo; it is drawn at full-size units.
 */
export function drawEdited(
  canvas: HTMLCanvasElement,
  preview: HTMLImageElement,
  probe: Size,
  edits: PhotoEdits,
  region: PixelRect,
  cssSize: Size,
): void {
  const ratio = window.devicePixelRatio || 1
  const width = Math.max(1, Math.round(cssSize.width * ratio))
  const height = Math.max(1, Math.round(cssSize.height * ratio))
  if (canvas.width !== width) canvas.width = width
  if (canvas.height !== height) canvas.height = height
  const context = canvas.getContext('2d')
  if (!context) return
  const edited = editedSize(probe, edits)
  context.setTransform(1, 0, 0, 1, 0, 0)
  context.clearRect(0, 0, width, height)
  context.imageSmoothingQuality = 'high'
  context.scale(width / region.width, height / region.height)
  context.translate(-region.left, -region.top)
  // The edited image's centre is the turned image's centre: straightening trims evenly.
  context.translate(edited.width / 2, edited.height / 2)
  context.rotate((edits.straighten * Math.PI) / 180)
  context.rotate((edits.quarterTurns * Math.PI) / 2)
  context.drawImage(preview, -probe.width / 2, -probe.height / 2, probe.width, probe.height)
}

/** The largest size of the given ratio that fits in `box`. */
export function fitInside(ratio: number, box: Size): Size {
  const width = Math.min(box.width, box.height * ratio)
  return { width, height: width / ratio }
}
