/**
 * The in-page half of the editor benchmark: listeners that time every keystroke from the moment
 * the input reached the page to the frame that shows it. `installProbe` is sent to the page with
 * `page.evaluate`, so it must not use anything from this module's scope.
 */

/** One keystroke as the page saw it; every time is `performance.now()` milliseconds. */
export interface KeySample {
  /** The input event's own time stamp: when the keystroke reached the page. */
  start: number
  /** Our first listener ran (capture phase): start → here is input delay (main thread busy). */
  handled: number
  /** Lexical had written the keystroke into the editor's DOM. */
  editorDom?: number
  /** Something outside the editor changed: React's commit (counters, tabs, previews). */
  restDom?: number
  /** The requestAnimationFrame callback of the first frame after the keystroke. */
  frame?: number
  /** A task right after that frame (its style, layout and paint done): the "next paint". */
  painted?: number
  /** The next paint after the outside-the-editor change (= `painted` if it came before it). */
  restPainted?: number
}

/** Entries of the Event Timing API (only those ≥ 16 ms are reported by the browser). */
export interface EventTiming {
  name: string
  startTime: number
  duration: number
  processingStart: number
  processingEnd: number
}

/** Long Animation Frames (> 50 ms), with the scripts the browser blames for them. */
export interface LongFrame {
  startTime: number
  duration: number
  blockingDuration: number
  renderStart: number
  styleAndLayoutStart: number
  scripts: { invoker: string; sourceFunctionName: string; sourceURL: string; duration: number }[]
}

export interface ProbeReport {
  samples: KeySample[]
  events: EventTiming[]
  longFrames: LongFrame[]
  eventTimingSupported: boolean
  longFramesSupported: boolean
}

export interface Probe {
  /** Resolves once keystroke number `count` (1-based) and everything it changed is painted. */
  settled(count: number, timeoutMs: number): Promise<void>
  report(): ProbeReport
}

declare global {
  interface Window {
    editorBenchProbe?: Probe
  }
}

/**
 * Times every keystroke aimed at the element `editorSelector`: a keydown starts one, and so does
 * a beforeinput that no keydown announced (text the keyboard layout has no key for arrives that
 * way). A `performance.mark` at the event's time stamp and a `performance.measure` to the next
 * paint go into the page's timeline too, for anyone looking at a trace.
 */
export function installProbe(editorSelector: string): void {
  const editor = document.querySelector(editorSelector)
  if (!editor) throw new Error(`No element matches ${editorSelector}.`)
  const samples: KeySample[] = []
  const events: EventTiming[] = []
  const longFrames: LongFrame[] = []
  let waiter: (() => void) | undefined

  const inEditor = (node: Node | null): boolean => node !== null && editor.contains(node)
  const afterTask = (run: () => void): void => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      run()
    }
    channel.port2.postMessage(null)
  }
  /** The standard "next paint": a frame's rAF callback, then a task after that frame. */
  const nextPaint = (onFrame: (now: number) => void, onPainted: (now: number) => void): void => {
    requestAnimationFrame(() => {
      onFrame(performance.now())
      afterTask(() => onPainted(performance.now()))
    })
  }
  /** Keystrokes painted with nothing changed outside the editor, and a frame later still not. */
  const quiet = new WeakSet<KeySample>()
  const done = (sample: KeySample): boolean =>
    sample.restPainted !== undefined || (sample.restDom === undefined && quiet.has(sample))
  const check = (): void => waiter?.()

  const begin = (event: Event): void => {
    const sample: KeySample = { start: event.timeStamp, handled: performance.now() }
    const name = `key-${samples.length + 1}`
    samples.push(sample)
    performance.mark(name, { startTime: sample.start })
    nextPaint(
      (now) => (sample.frame = now),
      (now) => {
        sample.painted = now
        // A change outside the editor before the frame started was painted in that frame (a
        // later one has its own next paint, see the observer below).
        if (sample.restDom !== undefined && sample.restDom <= sample.frame!)
          sample.restPainted = now
        performance.measure(`${name} to next paint`, { start: sample.start, end: now })
        // React may commit in a later task: give it one more frame before calling this done.
        if (sample.restDom === undefined)
          nextPaint(
            () => {},
            () => {
              quiet.add(sample)
              check()
            },
          )
        check()
      },
    )
  }

  // Key events and beforeinput of one keystroke arrive in one task; a later task ends it.
  let keyTask = false
  window.addEventListener(
    'keydown',
    (event) => {
      if (!inEditor(event.target as Node)) return
      keyTask = true
      afterTask(() => (keyTask = false))
      begin(event)
    },
    { capture: true },
  )
  window.addEventListener(
    'beforeinput',
    (event) => {
      if (inEditor(event.target as Node) && !keyTask) begin(event)
    },
    { capture: true },
  )

  new MutationObserver((records) => {
    const sample = samples.at(-1)
    if (!sample) return
    const now = performance.now()
    for (const record of records) {
      if (inEditor(record.target)) sample.editorDom ??= now
      else if (sample.restDom === undefined) {
        sample.restDom = now
        // Already past the first frame: this change shows in a later one.
        if (sample.frame !== undefined)
          nextPaint(
            () => {},
            (painted) => {
              sample.restPainted = painted
              check()
            },
          )
      }
    }
  }).observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  })

  const supported = PerformanceObserver.supportedEntryTypes
  const eventTimingSupported = supported.includes('event')
  if (eventTimingSupported)
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[])
        events.push({
          name: entry.name,
          startTime: entry.startTime,
          duration: entry.duration,
          processingStart: entry.processingStart,
          processingEnd: entry.processingEnd,
        })
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit)
  const longFramesSupported = supported.includes('long-animation-frame')
  if (longFramesSupported)
    new PerformanceObserver((list) => {
      // Not in TypeScript's DOM types yet: https://w3c.github.io/long-animation-frames/
      for (const entry of list.getEntries() as unknown as LongFrame[])
        longFrames.push({
          startTime: entry.startTime,
          duration: entry.duration,
          blockingDuration: entry.blockingDuration,
          renderStart: entry.renderStart,
          styleAndLayoutStart: entry.styleAndLayoutStart,
          scripts: entry.scripts.map((script) => ({
            invoker: script.invoker,
            sourceFunctionName: script.sourceFunctionName,
            sourceURL: script.sourceURL,
            duration: script.duration,
          })),
        })
    }).observe({ type: 'long-animation-frame', buffered: true })

  window.editorBenchProbe = {
    settled: (count, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiter = undefined
          const sample = samples[count - 1]
          reject(
            new Error(
              sample
                ? `Keystroke ${count} was not painted within ${timeoutMs} ms: ${JSON.stringify(sample)}`
                : `Keystroke ${count} never reached the editor (${samples.length} did).`,
            ),
          )
        }, timeoutMs)
        waiter = () => {
          const sample = samples[count - 1]
          if (!sample || !done(sample)) return
          clearTimeout(timer)
          waiter = undefined
          resolve()
        }
        waiter()
      }),
    report: () => ({ samples, events, longFrames, eventTimingSupported, longFramesSupported }),
  }
}
