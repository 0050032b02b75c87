import { existsSync } from 'node:fs'
import { basename, join, parse } from 'node:path'
import { START_QUALITY } from '../../src-main/photos/pipeline/quality-search'
import type { RenderTarget } from '../../src-shared/platforms/image-spec'
import { benchTargets, type RowInput, type RowResult } from './bench-setup'
import { machineBusyMs, otherLoad, timeCommand } from './measure'

/**
 * The shell-script way: one command per (photo, output), sixty in a row, each decoding the photo
 * again. Same output sizes and crops (centred), orientation applied, sRGB, metadata stripped,
 * JPEG at Werkschau's starting quality. Neither tool has a byte budget; at these sizes
 * Werkschau's first encode fits every budget anyway (the table's note counts its encodes).
 */

/** sharp sets VIPSHOME to its own libvips, which breaks the system's vips commands. */
export function peerEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env.VIPSHOME
  return env
}

/** A size box: exact for fixed-size targets, "shrink to fit" for long-edge caps. */
function box(target: RenderTarget): { width: number; height: number; crop: boolean } {
  const { size, maxLongEdge } = target.image
  if (size) return { ...size, crop: true }
  if (!maxLongEdge) throw new Error(`${target.id} has neither a size nor a long-edge cap.`)
  return { width: maxLongEdge, height: maxLongEdge, crop: false }
}

function outFile(input: RowInput, photo: string, target: RenderTarget, tool: string): string {
  return join(input.workDir, `${parse(photo).name}-${target.id.replace(':', 'x')}-${tool}.jpg`)
}

/** `vipsthumbnail`: shrink-on-load where it can, centre crop, sRGB through an embedded profile. */
export function vipsthumbnailArgs(photo: string, target: RenderTarget, out: string): string[] {
  const { width, height, crop } = box(target)
  return [
    photo,
    '--size',
    crop ? `${width}x${height}` : `${width}x${height}>`,
    ...(crop ? ['--smartcrop', 'centre'] : []),
    '--export-profile',
    'srgb',
    '-o',
    `${out}[Q=${START_QUALITY},strip]`,
  ]
}

/** Where Debian's ghostscript keeps an sRGB profile ImageMagick can convert to. */
const srgbProfileFile = '/usr/share/color/icc/ghostscript/srgb.icc'

/** ImageMagick 6 `convert`: resize to cover and crop the centre (or shrink to fit). */
export function convertArgs(photo: string, target: RenderTarget, out: string): string[] {
  const { width, height, crop } = box(target)
  const geometry = `${width}x${height}`
  return [
    photo,
    '-auto-orient',
    // Converts photos with an embedded profile to sRGB; only assigns it to the others.
    ...(existsSync(srgbProfileFile) ? ['-profile', srgbProfileFile] : []),
    ...(crop
      ? ['-resize', `${geometry}^`, '-gravity', 'center', '-extent', geometry]
      : ['-resize', `${geometry}>`]),
    '-strip',
    '-quality',
    String(START_QUALITY),
    out,
  ]
}

async function perOutputRow(
  input: RowInput,
  command: string,
  argsFor: (photo: string, target: RenderTarget, out: string) => string[],
): Promise<RowResult> {
  const env = peerEnv()
  let cpuMs = 0
  let peakRssBytes = 0
  let items = 0
  const usage = process.cpuUsage()
  const busyBefore = machineBusyMs()
  const started = performance.now()
  for (const photo of input.photos) {
    for (const target of benchTargets) {
      const run = await timeCommand(
        command,
        argsFor(photo, target, outFile(input, photo, target, basename(command))),
        env,
      )
      cpuMs += run.cpuMs
      // One command at a time: the row's peak is the largest single run's.
      peakRssBytes = Math.max(peakRssBytes, run.maxRssBytes)
      items += 1
    }
  }
  const wallMs = performance.now() - started
  // The commands' CPU plus this process's (a few ms per command) is ours; the rest is other load.
  const harness = process.cpuUsage(usage)
  const own = cpuMs + (harness.user + harness.system) / 1000
  const load = otherLoad(machineBusyMs() - busyBefore, own, wallMs)
  return { wallMs, cpuMs, peakRssBytes, otherLoad: load, items, notes: [] }
}

export const vipsthumbnailRow = (input: RowInput): Promise<RowResult> =>
  perOutputRow(input, 'vipsthumbnail', vipsthumbnailArgs)

export const convertRow = (input: RowInput): Promise<RowResult> =>
  perOutputRow(input, 'convert', convertArgs)
