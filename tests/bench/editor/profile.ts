import type { CDPSession, Page } from '@playwright/test'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * `BENCH_EDITOR_PROFILE=DIR`: a V8 CPU profile of the renderer while a row's measured keys are
 * typed, saved as DIR/<row>-<round>.cpuprofile (open it in Chromium's DevTools), and summed up by
 * source module: the bundle is not minified and marks every module with a `// path` line, so each
 * sample's line number says which file the time went to.
 */

interface ProfileNode {
  id: number
  children?: number[]
  callFrame: { functionName: string; url: string; lineNumber: number }
}
interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples?: number[]
  timeDeltas?: number[]
}

export async function startProfile(page: Page): Promise<() => Promise<CpuProfile>> {
  const session: CDPSession = await page.context().newCDPSession(page)
  await session.send('Profiler.enable')
  await session.send('Profiler.setSamplingInterval', { interval: 100 })
  await session.send('Profiler.start')
  return async () => {
    const { profile } = await session.send('Profiler.stop')
    await session.detach()
    return profile as CpuProfile
  }
}

/** For each line of a bundle, the module it came from (`// node_modules/…` or `// src-…`). */
function moduleLines(bundle: string): string[] {
  let current = '(bundle prelude)'
  return bundle.split('\n').map((line) => {
    const marker = /^\/\/ ((?:node_modules|src-[a-z]+)\/\S+)$/.exec(line)
    if (marker?.[1]) current = marker[1].replace(/^node_modules\//, '')
    return current
  })
}

export interface ProfileSummary {
  /** Milliseconds of samples per key, by source module (or V8's own categories): self time. */
  modules: [string, number][]
  /** Time with the module anywhere on the stack (what it and everything it calls cost). */
  inclusive: [string, number][]
  functions: [string, number][]
}

/**
 * Self time per key by module and by function. Scripts outside the app's bundle (and V8's
 * "(program)", "(garbage collector)") keep their own names; idle time is left out.
 */
export function summariseProfile(
  profile: CpuProfile,
  bundleDir: string,
  keys: number,
): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const bundles = new Map<string, string[]>()
  const moduleOf = (node: ProfileNode): string => {
    const { url, lineNumber, functionName } = node.callFrame
    const file = url.split('/').pop()?.split('?')[0] ?? ''
    if (!url || !file.endsWith('.js')) return url || functionName
    if (!bundles.has(file)) {
      let lines: string[] = []
      try {
        lines = moduleLines(readFileSync(join(bundleDir, file), 'utf8'))
      } catch {
        // Not one of the app's files (e.g. an injected script): named by its URL below.
      }
      bundles.set(file, lines)
    }
    return bundles.get(file)![lineNumber] ?? file
  }
  const parents = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id)
  const modules = new Map<string, number>()
  const inclusive = new Map<string, number>()
  const functions = new Map<string, number>()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  for (const [index, id] of samples.entries()) {
    // A sample's time is the gap to the next one (V8's own convention for self time).
    const micros = deltas[index + 1] ?? 0
    const node = byId.get(id)
    if (!node || node.callFrame.functionName === '(idle)') continue
    const module = moduleOf(node)
    const name = `${node.callFrame.functionName || '(anonymous)'}  ${module}`
    modules.set(module, (modules.get(module) ?? 0) + micros)
    functions.set(name, (functions.get(name) ?? 0) + micros)
    const onStack = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const frame = byId.get(at)
      if (frame && frame.callFrame.url) onStack.add(moduleOf(frame))
    }
    for (const each of onStack) inclusive.set(each, (inclusive.get(each) ?? 0) + micros)
  }
  const top = (map: Map<string, number>): [string, number][] =>
    [...map]
      .map(([name, micros]): [string, number] => [name, micros / 1000 / keys])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
  return { modules: top(modules), inclusive: top(inclusive), functions: top(functions) }
}

export function saveProfile(dir: string, name: string, profile: CpuProfile): string {
  const file = join(dir, `${name}.cpuprofile`)
  writeFileSync(file, JSON.stringify(profile))
  return file
}
