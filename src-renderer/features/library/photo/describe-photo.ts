/** libvips names colour spaces in lower case; people know them like this. */
const colourSpaces: Record<string, string> = {
  srgb: 'sRGB',
  rgb: 'RGB',
  rgb16: 'RGB (16 bit)',
  scrgb: 'scRGB',
  cmyk: 'CMYK',
  'b-w': 'Grey',
  grey16: 'Grey (16 bit)',
  lab: 'Lab',
  'display-p3': 'Display P3',
  p3: 'Display P3',
}

export function colourSpaceName(space: string): string {
  return colourSpaces[space.toLowerCase()] ?? space
}

/**
 * A capture time in the UI language. Cameras record local time without a zone, which Date reads
 * as local time too, so the clock shows what the camera's clock showed.
 */
export function formatCapturedAt(value: string | undefined, language: string): string | undefined {
  if (!value) return undefined
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(date)
}
