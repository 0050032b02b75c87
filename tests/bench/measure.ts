import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'

/**
 * Resource accounting from /proc (Linux), for a process and every process below it: CPU time as
 * the kernel counts it (user + system, including children that have exited and been waited for),
 * and resident memory sampled while the work runs.
 */

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on every mainstream Linux). */
const TICKS_PER_SECOND = 100

export interface Measured {
  wallMs: number
  cpuMs: number
  peakRssBytes: number
  /** Share of the machine's CPU capacity that other processes used meanwhile (0..1). */
  otherLoad: number
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined // the process has just exited
  }
}

/** utime + stime + cutime + cstime, in ms: the process and its waited-for children. */
export function processCpuMs(pid: number): number {
  const stat = read(`/proc/${pid}/stat`)
  if (!stat) return 0
  // The command name (field 2) may contain spaces; the fields after it are space-separated.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0)
  return (ticks * 1000) / TICKS_PER_SECOND
}

function rssBytes(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const status = read(`/proc/${pid}/status`)
  const match = status?.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))
  return match ? Number(match[1]) * 1024 : 0
}

/** CPU time the whole machine spent busy (all cores, any process), in ms, from /proc/stat. */
export function machineBusyMs(): number {
  const line = read('/proc/stat')?.split('\n')[0] ?? ''
  // cpu  user nice system idle iowait irq softirq steal …: everything but idle and iowait.
  const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number)
  const ticks = [user, nice, system, irq, softirq, steal].reduce<number>(
    (sum, value) => sum + (value ?? 0),
    0,
  )
  return (ticks * 1000) / TICKS_PER_SECOND
}

/** What other processes took of the machine while `ownCpuMs` of work ran for `wallMs`. */
export function otherLoad(busyMs: number, ownCpuMs: number, wallMs: number): number {
  return Math.max(0, busyMs - ownCpuMs) / (wallMs * availableParallelism())
}

/** Every live process below `pid`. */
export function descendants(pid: number): number[] {
  const found: number[] = []
  const visit = (parent: number): void => {
    let tasks: string[]
    try {
      tasks = readdirSync(`/proc/${parent}/task`)
    } catch {
      return
    }
    for (const task of tasks) {
      const children = read(`/proc/${parent}/task/${task}/children`) ?? ''
      for (const child of children.split(' ').filter(Boolean).map(Number)) {
        found.push(child)
        visit(child)
      }
    }
  }
  visit(pid)
  return found
}

/** CPU of `pid`, its live descendants and everything they have waited for, in ms. */
export function treeCpuMs(pid: number = process.pid): number {
  return [pid, ...descendants(pid)].reduce((sum, each) => sum + processCpuMs(each), 0)
}

/** Sum of the resident sets of `pid` and its live descendants. */
export function treeRssBytes(pid: number = process.pid): number {
  return [pid, ...descendants(pid)].reduce((sum, each) => sum + rssBytes(each), 0)
}

/** A process's own peak resident set over its life so far (VmHWM). */
export function highWaterBytes(pid: number): number {
  return rssBytes(pid, 'VmHWM')
}

/**
 * Runs `work` and measures it: wall time, CPU of this process tree, and the tree's peak resident
 * memory sampled every `intervalMs` (work that keeps the event loop free — sharp, child processes —
 * lets the sampler run on time). The process list is refreshed every tenth sample only, so the
 * sampler's own cost stays small (walking /proc for every thread of every worker is not free).
 */
export async function measure<T>(
  work: () => Promise<T>,
  intervalMs = 10,
): Promise<{ value: T; measured: Measured }> {
  let pids = [process.pid, ...descendants(process.pid)]
  let ticks = 0
  const sample = (): number => pids.reduce((sum, pid) => sum + rssBytes(pid), 0)
  let peak = sample()
  const sampler = setInterval(() => {
    if (++ticks % 10 === 0) pids = [process.pid, ...descendants(process.pid)]
    peak = Math.max(peak, sample())
  }, intervalMs)
  const cpuBefore = treeCpuMs()
  const busyBefore = machineBusyMs()
  const started = performance.now()
  try {
    const value = await work()
    const wallMs = performance.now() - started
    const cpuMs = treeCpuMs() - cpuBefore
    const other = otherLoad(machineBusyMs() - busyBefore, cpuMs, wallMs)
    peak = Math.max(peak, treeRssBytes())
    return { value, measured: { wallMs, cpuMs, peakRssBytes: peak, otherLoad: other } }
  } finally {
    clearInterval(sampler)
  }
}

export interface OneShot {
  wallMs: number
  cpuMs: number
  maxRssBytes: number
}

/**
 * Runs a command once under `/usr/bin/time`, which reports the command's own CPU time and peak
 * resident set (getrusage of the waited-for child: exact, not sampled).
 */
export function timeCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<OneShot> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    execFile(
      '/usr/bin/time',
      ['-f', 'bench-time %U %S %M', command, ...args],
      { env, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        const wallMs = performance.now() - started
        const line = stderr.split('\n').find((text) => text.startsWith('bench-time '))
        if (error || !line) {
          reject(new Error(`${command} ${args.join(' ')} failed: ${stderr.trim() || error}`))
          return
        }
        const [user, system, maxKb] = line.split(' ').slice(1).map(Number)
        resolve({
          wallMs,
          cpuMs: ((user ?? 0) + (system ?? 0)) * 1000,
          maxRssBytes: (maxKb ?? 0) * 1024,
        })
      },
    )
  })
}
