import type { Browser, Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, test } from '../../e2e/browser-host'
import { machineBusyMs, otherLoad, treeCpuMs } from '../measure'
import { graphemes, typedText } from './caption'
import { installProbe, type ProbeReport } from './probe'
import { saveProfile, startProfile, summariseProfile } from './profile'
import { printReport, type RoundResult } from './report'
import { keysPerRound, rounds, selectedRows, warmUpKeys, type RowSpec } from './rows'

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

async function measureRow(
  browser: Browser,
  url: string,
  row: RowSpec,
  round: number,
): Promise<RoundResult> {
  const context = await browser.newContext({ locale: 'en-US', colorScheme: 'light' })
  try {
    const page = await context.newPage()
    await openPost(page, url, row)
    await page.evaluate(installProbe, '[data-testid="caption-input"]')
    const typed = [...typedText(warmUpKeys + keysPerRound)]
    const metrics = await startMetrics(page)
    const typeKeys = async (from: number, to: number): Promise<void> => {
      for (let index = from; index < to; index++) {
        // One key at a time, each after the previous one and all it changed are on screen.
        await page.keyboard.type(typed[index]!)
        await page.evaluate(
          ([count, timeout]) => window.editorBenchProbe!.settled(count, timeout),
          [index + 1, 5_000] as const,
        )
      }
    }
    await typeKeys(0, warmUpKeys)
    const before = await metrics()
    const cpuBefore = treeCpuMs()
    const busyBefore = machineBusyMs()
    const profiling = profileDir && round === 1 ? await startProfile(page) : undefined
    const started = performance.now()
    await typeKeys(warmUpKeys, typed.length)
    const wallMs = performance.now() - started
    const profile = await profiling?.()
    const load = otherLoad(machineBusyMs() - busyBefore, treeCpuMs() - cpuBefore, wallMs)
    const after = await metrics()
    const perKey = (name: MetricName): number =>
      ((after[name] - before[name]) * 1000) / keysPerRound
    await expectGraphemes(page, graphemes(row.caption + typed.join('')).length)
    const report: ProbeReport = await page.evaluate(() => window.editorBenchProbe!.report())
    if (report.samples.length !== typed.length)
      throw new Error(`${typed.length} keys typed, but the page saw ${report.samples.length}.`)
    const firstMeasured = report.samples[warmUpKeys]!.start
    return {
      row: row.id,
      samples: report.samples.slice(warmUpKeys),
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
})
