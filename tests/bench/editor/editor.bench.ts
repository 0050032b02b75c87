import type { Browser, Page } from '@playwright/test'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, test } from '../../e2e/browser-host'
import { machineBusyMs, otherLoad, treeCpuMs } from '../measure'
import { graphemes, typedText } from './caption'
import { startPresentationTrace } from './presentation'
import { installProbe, type ProbeReport } from './probe'
import { saveProfile, startProfile, summariseProfile } from './profile'
import { printReport, type RoundResult } from './report'
import {
  frameMs,
  keyIntervalMs,
  keysPerRound,
  rounds,
  selectedRows,
  warmUpKeys,
  type RowSpec,
} from './rows'

/**
 * `npm run bench:editor`: keystroke-to-paint latency in the real caption editor, in Debian's
 * Chromium against the real browser host, typing with real key events. It fails only when the
 * harness cannot measure; a missed target is printed, loudly, and is not a failure.
 */

const everyNetwork = [
  'Bluesky',
  'Mastodon',
  'Pinterest',
  'X',
  'Instagram',
  'Threads',
  'Facebook',
  'Etsy',
] as const

test.setTimeout(30 * 60_000)

/**
 * The caption box as the composer lays it out in the browser's default 1280 × 720 viewport. The
 * peers copy it: a browser's cost per key grows with the area it re-lays, rasters and draws.
 * Checked on every Werkschau row, so a change to the composer's layout cannot skew the peers.
 */
const editorBox = { width: 896, height: 256 }

/** A new post from the posts list, with exactly `row.targets` and `row.caption`. */
async function openPost(page: Page, url: string, row: RowSpec): Promise<void> {
  await page.goto(url)
  await page.evaluate(() => (window.location.hash = '#/compose'))
  await page.getByRole('button', { name: 'New post' }).click()
  const input = page.getByTestId('caption-input')
  await expect(input).toBeVisible()
  for (const name of everyNetwork)
    await page
      .getByRole('checkbox', { name, exact: true })
      .setChecked(row.targets.includes(name), { timeout: 10_000 })
  await expect(page.locator('.counters > li')).toHaveCount(row.targets.length)
  const box = await input.boundingBox()
  if (
    !box ||
    Math.abs(box.width - editorBox.width) > 1 ||
    Math.abs(box.height - editorBox.height) > 1
  )
    throw new Error(
      `The caption box is ${box?.width} × ${box?.height} px, the peers copy ` +
        `${editorBox.width} × ${editorBox.height}: update editorBox.`,
    )
  await input.click()
  if (row.caption) {
    // Pasted in one go, as text comes from a notes app: typing 2 000 characters would take minutes.
    await input.evaluate((element, text) => {
      const data = new DataTransfer()
      data.setData('text/plain', text)
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
    }, row.caption)
  }
  await page.keyboard.press('Control+End')
  await expectGraphemes(page, graphemes(row.caption).length)
}

/**
 * A peer row: a page with only the element, styled as the caption editor is (size, padding,
 * line height, pre-wrapped text), holding the row's caption with the cursor at its end.
 */
async function openPeer(page: Page, row: RowSpec): Promise<void> {
  const box =
    `display:block;box-sizing:border-box;width:${editorBox.width}px;height:${editorBox.height}px;` +
    'overflow-y:auto;' +
    'padding:0.75rem 0.875rem;border:1px solid #ccc;font:16px/1.5 system-ui,sans-serif;' +
    'white-space:pre-wrap;overflow-wrap:anywhere'
  const element =
    row.peer === 'textarea'
      ? `<textarea data-testid="caption-input" spellcheck="true" style="${box}"></textarea>`
      : `<div contenteditable="true" data-testid="caption-input" spellcheck="true" style="${box}"></div>`
  await page.setContent(`<!doctype html><html lang="de"><body>${element}</body></html>`)
  const input = page.getByTestId('caption-input')
  await input.evaluate((node, text) => {
    if (node instanceof HTMLTextAreaElement) node.value = text
    else node.textContent = text
  }, row.caption)
  await input.click()
  await page.keyboard.press('Control+End')
}

/** What a peer's element holds, in graphemes (the check that every key arrived). */
async function peerGraphemes(page: Page): Promise<number> {
  const text = await page.getByTestId('caption-input').evaluate((node) =>
    // innerText: Enter in a contenteditable makes a line box, not a "\n" in textContent.
    node instanceof HTMLTextAreaElement ? node.value : (node as HTMLElement).innerText,
  )
  return graphemes(text).length
}

/** The Bluesky counter (every row targets Bluesky) shows the caption's length as React has it. */
async function expectGraphemes(page: Page, length: number): Promise<void> {
  const room = 300 - length
  const sentence =
    room >= 0
      ? `Bluesky: ${room.toLocaleString('en-US')} left`
      : `Bluesky: ${(-room).toLocaleString('en-US')} over the limit`
  await expect(page.getByTestId('counter-bluesky-text-graphemes')).toContainText(sentence)
}

const metricNames = [
  'TaskDuration',
  'ScriptDuration',
  'RecalcStyleDuration',
  'LayoutDuration',
  'DevToolsCommandDuration',
  'ProcessTime',
] as const
type MetricName = (typeof metricNames)[number]

/**
 * The renderer's own bookkeeping through the DevTools protocol, in CPU time ("threadTicks"): how
 * much work the keystrokes cost the page's main thread. Other processes on a busy machine inflate
 * it far less than the latencies (though still some: they crowd the caches and cores). Values are
 * cumulative seconds.
 */
async function startMetrics(page: Page): Promise<() => Promise<Record<MetricName, number>>> {
  const session = await page.context().newCDPSession(page)
  await session.send('Performance.enable', { timeDomain: 'threadTicks' })
  return async () => {
    const { metrics } = await session.send('Performance.getMetrics')
    const values = Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]))
    for (const name of metricNames)
      if (typeof values[name] !== 'number') throw new Error(`Chromium reports no ${name}.`)
    return values as Record<MetricName, number>
  }
}

/** Where `BENCH_EDITOR_PROFILE` asks for CPU profiles (the first round of every row). */
const profileDir = process.env.BENCH_EDITOR_PROFILE ? resolve(process.env.BENCH_EDITOR_PROFILE) : ''
const bundleDir = join(process.cwd(), 'out', 'renderer', 'assets')
/** `BENCH_EDITOR_PRESENTATION=1`: also time each key to the screen (Chromium's EventLatency). */
const tracePresentation = process.env.BENCH_EDITOR_PRESENTATION === '1'

async function measureRow(
  browser: Browser,
  url: string,
  row: RowSpec,
  round: number,
): Promise<RoundResult> {
  const context = await browser.newContext({ locale: 'en-US', colorScheme: 'light' })
  try {
    const page = await context.newPage()
    if (row.peer) await openPeer(page, row)
    else await openPost(page, url, row)
    await page.evaluate(installProbe, '[data-testid="caption-input"]')
    const typed = [...typedText(warmUpKeys + keysPerRound)]
    const metrics = await startMetrics(page)
    const typeKeys = async (from: number, to: number): Promise<void> => {
      let nextAt = performance.now()
      for (let index = from; index < to; index++) {
        const wait = nextAt - performance.now()
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
        const sentAt = performance.now()
        // One key at a time, each after the previous one and all it changed are on screen.
        await page.keyboard.type(typed[index]!)
        await page.evaluate(
          ([count, timeout]) => window.editorBenchProbe!.settled(count, timeout),
          [index + 1, 5_000] as const,
        )
        // Typing pace with a random part, so keys land anywhere in the frame (see keyIntervalMs).
        if (keyIntervalMs > 0) nextAt = sentAt + keyIntervalMs + Math.random() * frameMs
      }
    }
    await typeKeys(0, warmUpKeys)
    const before = await metrics()
    const cpuBefore = treeCpuMs()
    const busyBefore = machineBusyMs()
    const profiling = profileDir && round === 1 ? await startProfile(page) : undefined
    // Opt-in: the trace itself adds about a millisecond to the keys it times (see presentation.ts).
    const presentation = tracePresentation
      ? await startPresentationTrace(page)
      : async (): Promise<number[]> => []
    const started = performance.now()
    await typeKeys(warmUpKeys, typed.length)
    const wallMs = performance.now() - started
    const presented = await presentation()
    const profile = await profiling?.()
    const load = otherLoad(machineBusyMs() - busyBefore, treeCpuMs() - cpuBefore, wallMs)
    const after = await metrics()
    const perKey = (name: MetricName): number =>
      ((after[name] - before[name]) * 1000) / keysPerRound
    const expected = graphemes(row.caption + typed.join('')).length
    if (row.peer) expect(await peerGraphemes(page)).toBe(expected)
    else await expectGraphemes(page, expected)
    const report: ProbeReport = await page.evaluate(() => window.editorBenchProbe!.report())
    if (report.samples.length !== typed.length)
      throw new Error(`${typed.length} keys typed, but the page saw ${report.samples.length}.`)
    const firstMeasured = report.samples[warmUpKeys]!.start
    return {
      row: row.id,
      samples: report.samples.slice(warmUpKeys),
      presented,
      events: report.events.filter((event) => event.startTime >= firstMeasured - 0.5),
      longFrames: report.longFrames.filter((frame) => frame.startTime >= firstMeasured),
      eventTimingSupported: report.eventTimingSupported,
      longFramesSupported: report.longFramesSupported,
      otherLoad: load,
      wallMs,
      profile: profile && {
        file: saveProfile(profileDir, `${row.id}-${round}`, profile),
        ...summariseProfile(profile, bundleDir, keysPerRound),
      },
      cpuPerKey: {
        mainThread: perKey('TaskDuration'),
        script: perKey('ScriptDuration'),
        style: perKey('RecalcStyleDuration'),
        layout: perKey('LayoutDuration'),
        devTools: perKey('DevToolsCommandDuration'),
        rendererProcess: perKey('ProcessTime'),
      },
    }
  } finally {
    await context.close()
  }
}

test('keystroke to paint in the caption editor', async ({ browser, host }) => {
  if (profileDir) mkdirSync(profileDir, { recursive: true })
  const results: RoundResult[] = []
  for (let round = 1; round <= rounds; round++)
    for (const row of selectedRows) {
      process.stderr.write(`round ${round}/${rounds}: ${row.label} …\n`)
      results.push(await measureRow(browser, host.url, row, round))
    }
  printReport(results, { browser: `Chromium ${browser.version()}` })
  // BENCH_EDITOR_SAMPLES=FILE: every measured keystroke, with the key typed, for a closer look.
  const samplesFile = process.env.BENCH_EDITOR_SAMPLES
  if (samplesFile) {
    const keys = [...typedText(warmUpKeys + keysPerRound)].slice(warmUpKeys)
    const rows = results.map(({ row, samples }) => ({
      row,
      keys: samples.map((sample, index) => ({ key: keys[index], ...sample })),
    }))
    writeFileSync(resolve(samplesFile), JSON.stringify(rows))
  }
})
