import type { Page } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expectNoSeriousAxeViolations } from './axe'
import { expect, startHost, stopHost, test, type RunningHost } from './browser-host'

test.setTimeout(120_000)

/** Calls the host's API from the page, as the renderer does (same origin, the launch token). */
async function call(page: Page, host: RunningHost, channel: string, input?: unknown) {
  const token = /token=([A-Za-z0-9_-]+)/.exec(host.url)?.[1] ?? ''
  return page.evaluate(
    async ([name, body, key]) => {
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
        body: JSON.stringify({ input: body }),
      })
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown }
    },
    [channel, input, token] as const,
  )
}

async function openOutbox(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.url)
  await page.evaluate(() => (window.location.hash = '#/outbox'))
  await expect(
    page.getByRole('heading', { level: 1, name: /^(Outbox|Postausgang)$/ }),
  ).toBeVisible()
}

test('with no connected account, a queued post makes no job but export folders, shown as they come', async ({
  page,
  host,
  browser,
}) => {
  await openOutbox(page, host)
  await expect(page.getByRole('heading', { name: 'Nothing in your outbox yet' })).toBeVisible()
  const link = page.getByRole('navigation').getByRole('link', { name: /^Outbox/ })
  await expect(link).toHaveAccessibleName('Outbox')
  await expectNoSeriousAxeViolations(page, 'empty outbox')

  const created = await call(page, host, 'posts.create', {
    caption: 'Walnut cutting board\nOiled twice',
    targets: ['instagram', 'bluesky'],
  })
  expect(created.ok, JSON.stringify(created.error)).toBe(true)
  const id = (created.value as { id: string }).id
  const queued = await call(page, host, 'posts.update', { id, status: 'queued' })
  expect(queued.ok, JSON.stringify(queued.error)).toBe(true)

  // Instagram goes to an export bundle, Bluesky has no account: neither is an outbox job…
  const jobs = await call(page, host, 'outbox.list', {})
  expect(jobs.value).toEqual([])
  // …both get a folder, made as the post was queued; the screen follows without a reload.
  const post = page.getByRole('listitem').filter({
    has: page.getByRole('heading', { name: 'Walnut cutting board' }),
  })
  const row = (network: string) =>
    post.locator('.job').filter({ has: page.locator('.job__network', { hasText: network }) })
  // Instagram needs a photo, and this post has none: its folder fails, in plain words.
  await expect(row('Instagram')).toContainText('Folder not made')
  await expect(row('Instagram')).toContainText(
    'Instagram needs at least one photo. Add one to the post first.',
  )
  await expect(row('Instagram').getByRole('button', { name: 'Retry on Instagram' })).toBeVisible()
  await expect(row('Bluesky')).toContainText('Ready to post by hand')
  await expect(row('Bluesky')).toContainText(/Folder: Exports\/Posts\/.+\/Bluesky/)
  await expect(
    row('Bluesky').getByRole('button', { name: 'Copy caption for Bluesky' }),
  ).toBeVisible()
  await expect(
    row('Bluesky').getByRole('button', { name: 'Show in folder for Bluesky' }),
  ).toBeVisible()
  await expect(link).toHaveAccessibleName('Outbox, 1 needs attention')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expectNoSeriousAxeViolations(page, 'outbox with export folders')

  // German and dark: the same folders, in German words.
  const german = await browser.newContext({ locale: 'de-DE', colorScheme: 'dark' })
  const dePage = await german.newPage()
  await openOutbox(dePage, host)
  await expect(dePage.getByText('Bereit zum Posten von Hand', { exact: true })).toBeVisible()
  await expect(dePage.getByText('Ordner nicht angelegt', { exact: true })).toBeVisible()
  await expect(dePage.getByRole('button', { name: 'Im Ordner zeigen für Bluesky' })).toBeVisible()
  await expect(
    dePage.getByRole('button', { name: 'Bei Instagram nochmal versuchen' }),
  ).toBeVisible()
  await expectNoSeriousAxeViolations(dePage, 'outbox with export folders, German, dark')
  await german.close()
})

// ── Jobs as main left them on disk ─────────────────────────────────────────────────────────
// There is no network here and no account, so the states a job reaches over time (failed with
// a reason, waiting for a reconnect, published, scheduled) are written as job documents in the
// exact format main keeps (src-shared/publishing/job.ts): the real host reads and validates them
// at start, decides which are overdue, and serves them through the real contract.

const jobId = (): string => `job_${randomBytes(12).toString('hex')}`
const accountId = (name: string): string => `acc_${name}_0123456789abcdef`

function jobDocument(postId: string, fields: Record<string, unknown>): Record<string, unknown> {
  const at = new Date(Date.now() - 3 * 24 * 3_600_000).toISOString()
  return {
    format: 1,
    id: jobId(),
    postId,
    state: 'queued',
    media: [],
    attempts: 0,
    createdAt: at,
    updatedAt: at,
    ...fields,
  }
}

function writeJobs(dataDir: string, jobs: Record<string, unknown>[]): void {
  const folder = join(dataDir, 'Library', 'outbox')
  mkdirSync(folder, { recursive: true })
  for (const job of jobs) writeFileSync(join(folder, `${String(job.id)}.json`), JSON.stringify(job))
}

test('failures with their fix, a published link, the badge, and the overdue prompt after a restart', async ({
  browser,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'werkschau-outbox-'))
  let host = await startHost(dataDir)
  try {
    const context = await browser.newContext({ locale: 'en-US', colorScheme: 'light' })
    let page = await context.newPage()
    await page.goto(host.url)
    const created = await call(page, host, 'posts.create', {
      caption: 'Walnut cutting board\nOiled twice, ready for the market',
      targets: ['bluesky', 'mastodon', 'pinterest', 'x'],
    })
    expect(created.ok, JSON.stringify(created.error)).toBe(true)
    const postId = (created.value as { id: string }).id
    await page.close()
    await stopHost(host)

    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3_600_000).toISOString()
    const overdue = jobDocument(postId, {
      network: 'x',
      accountId: accountId('x'),
      scheduledAt: twoDaysAgo,
    })
    writeJobs(dataDir, [
      jobDocument(postId, {
        network: 'bluesky',
        accountId: accountId('bluesky'),
        state: 'failed',
        attempts: 1,
        lastError: { code: 'over_limit', message: 'Bluesky allows 300 characters; this has 312.' },
      }),
      jobDocument(postId, {
        network: 'mastodon',
        accountId: accountId('mastodon'),
        state: 'needs_reconnect',
        lastError: { code: 'needs_reconnect', message: 'Connect the account again.' },
      }),
      jobDocument(postId, {
        network: 'pinterest',
        accountId: accountId('pinterest'),
        state: 'done',
        result: { remoteId: '1234', url: 'https://www.pinterest.com/pin/1234/' },
      }),
      overdue,
    ])

    host = await startHost(dataDir)
    page = await context.newPage()
    await page.goto(host.url)

    // The overdue prompt: the post and network, when it was due; nothing went out.
    const dialog = page.getByRole('dialog', { name: 'A post was due while Werkschau was closed' })
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('Walnut cutting board')
    await expect(dialog).toContainText('X')
    await expect(dialog).toContainText('Was due')
    await expectNoSeriousAxeViolations(page, 'overdue prompt')
    await dialog.getByRole('button', { name: 'New time for Walnut cutting board on X' }).click()
    const field = dialog.getByLabel('New time for Walnut cutting board on X')
    await expect(field).toBeFocused()
    await field.fill('2099-06-01T09:30')
    await dialog.getByRole('button', { name: 'Reschedule', exact: true }).click()
    await expect(dialog).toBeHidden()

    const listed = await call(page, host, 'outbox.list', {})
    const moved = (listed.value as { id: string; state: string; scheduledAt?: string }[]).find(
      (job) => job.id === overdue.id,
    )
    expect(moved?.state).toBe('queued')
    expect(moved?.scheduledAt).toBe(new Date('2099-06-01T09:30').toISOString())
    const onDisk = JSON.parse(
      readFileSync(join(dataDir, 'Library', 'outbox', `${String(overdue.id)}.json`), 'utf8'),
    ) as { result?: unknown; postingStartedAt?: unknown }
    expect(onDisk.result).toBeUndefined()
    expect(onDisk.postingStartedAt).toBeUndefined()

    // The badge: the failed job and the one waiting for a reconnect.
    const outboxLink = page.getByRole('navigation').getByRole('link', { name: /^Outbox/ })
    await expect(outboxLink).toHaveAccessibleName('Outbox, 2 need attention')
    await expect(outboxLink).toContainText('2')

    await outboxLink.click()
    const post = page.getByRole('listitem').filter({
      has: page.getByRole('heading', { name: 'Walnut cutting board' }),
    })
    await expect(post).toHaveCount(1)
    const row = (network: string) =>
      post.locator('.job').filter({ has: page.locator('.job__network', { hasText: network }) })

    await expect(row('Bluesky')).toContainText('Failed')
    await expect(row('Bluesky')).toContainText('longer than the network allows')
    await expect(row('Bluesky')).toContainText('Bluesky allows 300 characters; this has 312.')
    await expect(row('Bluesky').getByRole('link', { name: 'Edit post' })).toHaveAttribute(
      'href',
      `#/compose/post/${postId}`,
    )
    await expect(row('Mastodon')).toContainText('Needs reconnect')
    await expect(
      row('Mastodon').getByRole('link', { name: 'Reconnect in Accounts' }),
    ).toHaveAttribute('href', '#/accounts')
    const open = row('Pinterest').getByRole('link', { name: 'Open post on Pinterest' })
    await expect(open).toHaveAttribute('href', 'https://www.pinterest.com/pin/1234/')
    await expect(open).toHaveAttribute('target', '_blank')
    await expect(open).toHaveAttribute('rel', 'noreferrer')
    await expect(row('X')).toContainText(/Scheduled for .*2099/)
    await expect(row('X').getByRole('button', { name: 'Cancel on X' })).toBeVisible()
    await expectNoSeriousAxeViolations(page, 'outbox, light')

    // Filters, by keyboard: arrow keys move through the radio group.
    await page.getByRole('radio', { name: 'All' }).focus()
    await page.keyboard.press('ArrowRight')
    await expect(page.getByRole('radio', { name: 'Needs attention' })).toBeChecked()
    await expect(post.locator('.job')).toHaveCount(2)
    await page.getByRole('radio', { name: 'Published' }).check()
    await expect(post.locator('.job')).toHaveCount(1)
    await expect(row('Pinterest')).toBeVisible()
    await page.getByRole('radio', { name: 'Scheduled' }).check()
    await expect(row('X')).toBeVisible()
    await expect(post.locator('.job')).toHaveCount(1)

    // Cancel the scheduled one: it says so, and nothing else changes.
    await row('X').getByRole('button', { name: 'Cancel on X' }).click()
    await page.getByRole('radio', { name: 'All' }).check()
    await expect(row('X')).toContainText('Cancelled')
    await context.close()

    // German and dark: the same screen, translated, still accessible.
    const german = await browser.newContext({ locale: 'de-DE', colorScheme: 'dark' })
    const dePage = await german.newPage()
    await dePage.goto(host.url)
    await dePage.evaluate(() => (window.location.hash = '#/outbox'))
    await expect(
      dePage.getByRole('navigation').getByRole('link', { name: 'Postausgang, 2 brauchen dich' }),
    ).toBeVisible()
    await expect(dePage.getByRole('link', { name: 'Unter Konten neu verbinden' })).toBeVisible()
    await expect(dePage.getByText('Muss neu verbunden werden', { exact: true })).toBeVisible()
    await expect(dePage.getByRole('dialog')).toHaveCount(0)
    await expectNoSeriousAxeViolations(dePage, 'outbox, German, dark')
    await german.close()
  } finally {
    await stopHost(host)
    rmSync(dataDir, { recursive: true, force: true })
  }
})
