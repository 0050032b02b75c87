import { readFileSync } from 'node:fs'
import { descendants, machineBusyMs, otherLoad, processCpuMs, treeCpuMs } from '../measure'

/**
 * Who is who in the process tree of the publishing benchmark: this process is the app's main
 * process (services, outbox, adapter); the photo workers are its forked `photo-worker.js`
 * children; the reference PDS is the Node 22 child running `start-pds.mjs`. Memory is sampled per
 * process (a worker's peak is its own), CPU read from /proc before and after.
 */
export type Role = 'main' | 'worker' | 'pds'

function roleOf(pid: number): Role | undefined {
  if (pid === process.pid) return 'main'
  let command: string
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
  } catch {
    return undefined // exited meanwhile
  }
  if (command.includes('photo-worker')) return 'worker'
  if (command.includes('start-pds')) return 'pds'
  return undefined // the private keyring's daemons, dbus
}

function rss(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return 0
  }
}

export interface ProcessUse {
  /** Peak resident memory of the main process. */
  mainPeakRss: number
  /** The highest peak of any one photo worker, and of all workers together. */
  workerPeakRss: number
  workersPeakRss: number
  /** The PDS, for context: it shares the machine. */
  pdsPeakRss: number
  cpuMs: Record<Role, number>
  /** Share of the machine's CPU that processes outside this tree used meanwhile (0..1). */
  otherLoad: number
}

/**
 * Starts sampling every `intervalMs` (the process list is refreshed every tenth sample). `stop()`
 * returns each role's peak memory and CPU time over the interval.
 */
export function sampleProcesses(intervalMs = 20): { stop(): ProcessUse } {
  let pids = new Map<number, Role>()
  const refresh = (): void => {
    pids = new Map()
    for (const pid of [process.pid, ...descendants(process.pid)]) {
      const role = roleOf(pid)
      if (role) pids.set(pid, role)
    }
  }
  refresh()
  const cpuBefore = new Map([...pids.keys()].map((pid) => [pid, processCpuMs(pid)]))
  const treeBefore = treeCpuMs()
  const busyBefore = machineBusyMs()
  const started = performance.now()
  const peaks = new Map<number, number>()
  let workersPeak = 0
  let ticks = 0
  const sample = (): void => {
    let workers = 0
    for (const pid of pids.keys()) {
      const bytes = rss(pid)
      peaks.set(pid, Math.max(peaks.get(pid) ?? 0, bytes))
      if (pids.get(pid) === 'worker') workers += bytes
    }
    workersPeak = Math.max(workersPeak, workers)
  }
  const timer = setInterval(() => {
    if (++ticks % 10 === 0) refresh()
    sample()
  }, intervalMs)
  return {
    stop() {
      clearInterval(timer)
      sample()
      const wallMs = performance.now() - started
      const cpuMs: Record<Role, number> = { main: 0, worker: 0, pds: 0 }
      for (const [pid, role] of pids) cpuMs[role] += processCpuMs(pid) - (cpuBefore.get(pid) ?? 0)
      const peakOf = (role: Role): number =>
        Math.max(0, ...[...pids].filter(([, r]) => r === role).map(([pid]) => peaks.get(pid) ?? 0))
      const ownMs = treeCpuMs() - treeBefore
      return {
        mainPeakRss: peakOf('main'),
        workerPeakRss: peakOf('worker'),
        workersPeakRss: workersPeak,
        pdsPeakRss: peakOf('pds'),
        cpuMs,
        otherLoad: otherLoad(machineBusyMs() - busyBefore, ownMs, wallMs),
      }
    },
  }
}
