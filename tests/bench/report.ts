import { importCount, type RowResult } from './bench-setup'

export type RowName =
  'werkschau' | 'lower-bound' | 'vipsthumbnail' | 'convert' | 'import' | 'bare-thumbnail'

const labels: Record<RowName, string> = {
  werkschau: 'Werkschau: render job, 2 worker processes',
  vipsthumbnail: 'vipsthumbnail, once per output',
  convert: 'ImageMagick convert, once per output',
  'lower-bound': 'lower bound: decode once + encodes',
  import: `Werkschau: import ${importCount} + thumbnails`,
  'bare-thumbnail': `bare sharp thumbnail ×${importCount}`,
}

/** The targets of the Photos issue, judged on wall time (what the crafter waits for). */
const targets = {
  vipsthumbnail: 3.5,
  convert: 12,
  lowerBound: 1.3,
  peakRssMb: 600,
  importPerPhoto: 1.5,
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MB`

function pad(cells: string[], widths: number[]): string {
  return cells
    .map((cell, index) =>
      index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!),
    )
    .join('  ')
}

/** Prints the one table and the targets, each marked met or missed (missed ones loudly). */
export function printReport(
  results: Partial<Record<RowName, RowResult | string>>,
  photos: number,
): void {
  const header = [
    '',
    'runs',
    'items',
    'wall',
    'per item',
    'CPU (user+sys)',
    'peak RSS',
    'other load',
  ]
  const lines: string[][] = [header]
  const problems: string[] = []
  for (const name of Object.keys(labels) as RowName[]) {
    const result = results[name]
    if (result === undefined) continue
    if (typeof result === 'string') {
      lines.push([
        labels[name],
        '',
        '',
        result.startsWith('failed') ? 'FAILED' : '—',
        '',
        '',
        '',
        '',
      ])
      problems.push(`${labels[name]}: ${result}`)
      continue
    }
    lines.push([
      labels[name],
      result.runs && result.runs > 1 ? `median of ${result.runs}` : '1',
      String(result.items),
      seconds(result.wallMs),
      `${Math.round(result.wallMs / result.items)} ms`,
      seconds(result.cpuMs),
      mb(result.peakRssBytes),
      `${Math.round(result.otherLoad * 100)} %`,
    ])
  }
  const widths = header.map((_, column) =>
    Math.max(
      ...lines.map((cells) => (typeof cells[column] === 'string' ? cells[column].length : 0)),
    ),
  )
  console.log('')
  for (const cells of lines) console.log(pad(cells, widths))
  console.log('')
  for (const problem of problems) console.log(problem)
  for (const result of Object.values(results))
    if (typeof result === 'object') for (const note of result.notes) console.log(note)
  const busiest = Math.max(
    ...Object.values(results).map((result) => (typeof result === 'object' ? result.otherLoad : 0)),
  )
  if (busiest > 0.1)
    console.log(
      `Warning: other processes used up to ${Math.round(busiest * 100)} % of the machine's CPU ` +
        'during a row ("other load"); its wall times, and the ratios, are less reliable.',
    )

  const row = (name: RowName): RowResult | undefined => {
    const result = results[name]
    return typeof result === 'object' ? result : undefined
  }
  const ours = row('werkschau')
  const checks: { label: string; ratio?: number; met?: boolean; detail: string }[] = []
  const faster = (peer: 'vipsthumbnail' | 'convert', goal: number, name: string): void => {
    const other = row(peer)
    const ratio = ours && other ? other.wallMs / ours.wallMs : undefined
    checks.push({
      label: `≥ ${goal}× faster than ${name} once per output`,
      ratio,
      met: ratio === undefined ? undefined : ratio >= goal,
      detail:
        ours && other
          ? `${ratio!.toFixed(1)}× by wall time (${(other.cpuMs / ours.cpuMs).toFixed(1)}× by CPU time)`
          : 'not measured',
    })
  }
  faster('vipsthumbnail', targets.vipsthumbnail, 'vipsthumbnail')
  faster('convert', targets.convert, 'ImageMagick')
  const bound = row('lower-bound')
  const overBound = ours && bound ? ours.wallMs / bound.wallMs : undefined
  checks.push({
    label: `within ${targets.lowerBound}× of the lower bound`,
    met: overBound === undefined ? undefined : overBound <= targets.lowerBound,
    detail:
      ours && bound
        ? `${overBound!.toFixed(2)}× by wall time (${(ours.cpuMs / bound.cpuMs).toFixed(2)}× by CPU time)`
        : 'not measured',
  })
  checks.push({
    label: `peak RSS ≤ ${targets.peakRssMb} MB (main process + workers)`,
    met: ours ? ours.peakRssBytes <= targets.peakRssMb * 2 ** 20 : undefined,
    detail: ours ? mb(ours.peakRssBytes) : 'not measured',
  })
  const imported = row('import')
  const bare = row('bare-thumbnail')
  const perPhoto = imported && bare ? imported.wallMs / bare.wallMs : undefined
  checks.push({
    label: `import cost per photo within ${targets.importPerPhoto}× of a bare thumbnail`,
    met: perPhoto === undefined ? undefined : perPhoto <= targets.importPerPhoto,
    detail:
      imported && bare
        ? `${Math.round(imported.wallMs / imported.items)} ms vs ${Math.round(bare.wallMs / bare.items)} ms ` +
          `per photo: ${perPhoto!.toFixed(2)}× by wall time ` +
          `(${(imported.cpuMs / bare.cpuMs).toFixed(2)}× by CPU time)`
        : 'not measured',
  })

  console.log('')
  console.log(`Targets (${photos} photos; ratios by wall time):`)
  for (const check of checks) {
    const mark = check.met === undefined ? 'NOT MEASURED' : check.met ? 'met   ' : 'MISSED'
    console.log(`  ${mark}  ${check.label}: ${check.detail}`)
  }
  const missed = checks.filter((check) => check.met === false)
  const unmeasured = checks.filter((check) => check.met === undefined)
  if (missed.length > 0) {
    console.log('')
    console.log(
      `!!! ${missed.length} TARGET${missed.length === 1 ? '' : 'S'} MISSED: ` +
        missed.map((check) => check.label).join('; ') +
        ' !!!',
    )
  }
  if (unmeasured.length > 0)
    console.log(`(${unmeasured.length} target(s) not measured in this run.)`)
}
