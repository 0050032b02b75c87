/**
 * Just enough of the HEIF container (ISO/IEC 23008-12, ISO base media boxes) to learn, without
 * decoding any pixels: which codec the primary image uses, and its displayed size. The size comes
 * from the `ispe` property, changed by the `clap` (crop) and `irot` (rotation) transforms in the
 * order the file lists them, as libheif applies them when decoding.
 */

export interface HeifSummary {
  /** Major brand first, then the compatible brands. */
  brands: string[]
  /** Item type of the primary image: `hvc1` (HEVC), `av01` (AV1), `grid` (tiles) … */
  primaryType?: string
  /** Displayed size (transforms applied); absent when the boxes do not say. */
  width?: number
  height?: number
}

interface Box {
  type: string
  /** First byte after the header. */
  start: number
  end: number
}

function fourCC(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(
    bytes[at] ?? 0,
    bytes[at + 1] ?? 0,
    bytes[at + 2] ?? 0,
    bytes[at + 3] ?? 0,
  )
}

/** The boxes laid end to end between `start` and `end`; stops quietly at a malformed size. */
function* boxes(bytes: Uint8Array, start: number, end: number): Generator<Box> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = start
  while (at + 8 <= end) {
    let size = view.getUint32(at)
    let header = 8
    if (size === 1) {
      if (at + 16 > end) return
      size = Number(view.getBigUint64(at + 8))
      header = 16
    } else if (size === 0) {
      size = end - at
    }
    if (size < header || at + size > end) return
    yield { type: fourCC(bytes, at + 4), start: at + header, end: at + size }
    at += size
  }
}

function child(bytes: Uint8Array, parent: Box, type: string, skip = 0): Box | undefined {
  for (const box of boxes(bytes, parent.start + skip, parent.end)) if (box.type === type) return box
  return undefined
}

/** Brands from an `ftyp` box at the very start of the file, or undefined if there is none. */
export function heifBrands(bytes: Uint8Array): string[] | undefined {
  const first = boxes(bytes, 0, bytes.length).next()
  if (first.done || first.value.type !== 'ftyp') return undefined
  const { start, end } = first.value
  const brands = [fourCC(bytes, start)]
  for (let at = start + 8; at + 4 <= end; at += 4) brands.push(fourCC(bytes, at))
  return brands
}

/**
 * Reads the primary image's codec and displayed size from a HEIF/AVIF file's boxes.
 * @param bytes - the file (the `meta` box must be inside; it usually sits right after `ftyp`)
 * @returns undefined when the bytes are not a HEIF container
 */
export function parseHeif(bytes: Uint8Array): HeifSummary | undefined {
  const brands = heifBrands(bytes)
  if (!brands) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const summary: HeifSummary = { brands }
  let meta: Box | undefined
  for (const box of boxes(bytes, 0, bytes.length)) if (box.type === 'meta') meta = box
  if (!meta) return summary
  // meta, pitm, iinf, infe and ipma are "full boxes": 1 byte version + 3 bytes flags first.
  const pitm = child(bytes, meta, 'pitm', 4)
  if (!pitm) return summary
  const primary =
    bytes[pitm.start] === 0 ? view.getUint16(pitm.start + 4) : view.getUint32(pitm.start + 4)

  const iinf = child(bytes, meta, 'iinf', 4)
  if (iinf) {
    const skip = bytes[iinf.start] === 0 ? 6 : 8
    for (const infe of boxes(bytes, iinf.start + skip, iinf.end)) {
      const version = bytes[infe.start] ?? 0
      if (infe.type !== 'infe' || version < 2) continue
      const id = version === 2 ? view.getUint16(infe.start + 4) : view.getUint32(infe.start + 4)
      const typeAt = infe.start + (version === 2 ? 8 : 10)
      if (id === primary) summary.primaryType = fourCC(bytes, typeAt)
    }
  }

  const iprp = child(bytes, meta, 'iprp', 4)
  const ipco = iprp && child(bytes, iprp, 'ipco')
  const ipma = iprp && child(bytes, iprp, 'ipma')
  if (!ipco || !ipma) return summary
  const properties = [...boxes(bytes, ipco.start, ipco.end)]
  const version = bytes[ipma.start] ?? 0
  const wide = ((bytes[ipma.start + 3] ?? 0) & 1) === 1
  let at = ipma.start + 4
  const entries = view.getUint32(at)
  at += 4
  for (let entry = 0; entry < entries && at < ipma.end; entry++) {
    const id = version < 1 ? view.getUint16(at) : view.getUint32(at)
    at += version < 1 ? 2 : 4
    const count = bytes[at] ?? 0
    at += 1
    const indices: number[] = []
    for (let n = 0; n < count; n++) {
      indices.push(wide ? view.getUint16(at) & 0x7fff : (bytes[at] ?? 0) & 0x7f)
      at += wide ? 2 : 1
    }
    if (id === primary) applyProperties(bytes, view, properties, indices, summary)
  }
  return summary
}

/** ispe sets the size; clap and irot transform it in the order listed (1-based indices). */
function applyProperties(
  bytes: Uint8Array,
  view: DataView,
  properties: Box[],
  indices: number[],
  summary: HeifSummary,
): void {
  for (const index of indices) {
    const property = index > 0 ? properties[index - 1] : undefined
    if (!property) continue
    if (property.type === 'ispe' && property.end - property.start >= 12) {
      summary.width = view.getUint32(property.start + 4)
      summary.height = view.getUint32(property.start + 8)
    } else if (property.type === 'clap' && property.end - property.start >= 16) {
      const ratio = (offset: number): number => {
        const denominator = view.getUint32(property.start + offset + 4)
        return denominator === 0 ? 0 : view.getUint32(property.start + offset) / denominator
      }
      const width = Math.round(ratio(0))
      const height = Math.round(ratio(8))
      if (width > 0 && height > 0) Object.assign(summary, { width, height })
    } else if (property.type === 'irot' && ((bytes[property.start] ?? 0) & 3) % 2 === 1) {
      Object.assign(summary, { width: summary.height, height: summary.width })
    }
  }
}
