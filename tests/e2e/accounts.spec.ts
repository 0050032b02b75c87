import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, type Page } from '@playwright/test'
import { keytarInChild } from '../support/keytar-child'
import { startPrivateKeyring, type PrivateKeyring } from '../support/private-keyring.mjs'
import { expectNoSeriousAxeViolations } from './axe'
import { expect, startHost, stopHost, type RunningHost } from './browser-host'

/*
 * The Accounts screen in Chromium against `werkschau serve`, each test with its own keychain: a
 * private GNOME Keyring on its own D-Bus (or a bus without one, for the "no keychain" banner).
 */
interface KeyringHost {
  start(options: {
    secretService: boolean
    seed?: (dataDir: string, keyring: PrivateKeyring) => Promise<void>
  }): Promise<{ host: RunningHost; keyring: PrivateKeyring }>
}

const test = base.extend<{ keyringHost: KeyringHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  keyringHost: async ({}, use) => {
    const started: { host: RunningHost; keyring: PrivateKeyring; dataDir: string }[] = []
    await use({
      start: async ({ secretService, seed }) => {
        const keyring = await startPrivateKeyring({ secretService })
        const dataDir = mkdtempSync(join(tmpdir(), 'werkschau-e2e-accounts-'))
        if (seed) await seed(dataDir, keyring)
        const host = await startHost(dataDir, keyring.env)
        started.push({ host, keyring, dataDir })
        return { host, keyring }
      },
    })
    for (const { host, keyring, dataDir } of started) {
      await stopHost(host)
      await keyring.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  },
})

// Each test starts its own keyring and host; on a busy machine that takes a while.
test.describe.configure({ timeout: 60_000 })

async function openAccounts(page: Page, host: RunningHost) {
  await page.goto(host.url)
  await page.getByRole('navigation').getByRole('link', { name: 'Accounts', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible()
}

// A real 1×1 PNG as the avatar main has kept a copy of.
const avatarPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
const mastodonId = 'acc_mastodonAccount00000001'
const xId = 'acc_xAccount000000000000001'

/** Two accounts as a previous session left them: metadata on disk, secrets in the keyring. */
async function seedAccounts(dataDir: string, keyring: PrivateKeyring): Promise<void> {
  mkdirSync(join(dataDir, 'avatars'), { recursive: true })
  writeFileSync(join(dataDir, 'avatars', `${mastodonId}-0123456789abcdef.png`), avatarPng)
  const account = (id: string, fields: Record<string, unknown>) => ({
    id,
    details: {},
    connectedAt: '2025-03-01T09:00:00.000Z',
    ...fields,
  })
  writeFileSync(
    join(dataDir, 'accounts.json'),
    JSON.stringify({
      schemaVersion: 1,
      accounts: [
        account(mastodonId, {
          network: 'mastodon',
          remoteId: '1',
          handle: '@werkstatt@werk.social',
          displayName: 'Holzwerkstatt Anna',
          // Port 9 on loopback: nothing answers, so "Test connection" meets an offline server.
          server: 'http://127.0.0.1:9',
          avatarUrl: 'http://127.0.0.1:9/anna.png',
          avatar: { version: '0123456789abcdef', contentType: 'image/png' },
          details: { limits: { maxCharacters: 1000 } },
          status: 'connected',
        }),
        account(xId, {
          network: 'x',
          remoteId: '2',
          handle: '@toepfereiberg',
          displayName: 'Töpferei Berg',
          status: 'needs_reconnect',
        }),
      ],
    }),
  )
  const mastodonSecret = {
    v: 1,
    instance: 'http://127.0.0.1:9',
    accessToken: 'e2e-mastodon-access-token',
    scope: 'read:accounts write:statuses write:media',
    clientId: 'e2e-client',
  }
  await keytarInChild(keyring, 'setPassword', [
    'Werkschau',
    mastodonId,
    JSON.stringify(mastodonSecret),
  ])
  await keytarInChild(keyring, 'setPassword', ['Werkschau', xId, '{"v":1,"accessToken":"e2e-x"}'])
}

test('no accounts yet: the empty state with a way to connect each network', async ({
  page,
  keyringHost,
}) => {
  const { host } = await keyringHost.start({ secretService: true })
  await openAccounts(page, host)
  await expect(
    page.getByRole('heading', { level: 2, name: 'Connect the networks you post to' }),
  ).toBeVisible()
  for (const network of ['Bluesky', 'Mastodon', 'X', 'Pinterest']) {
    await expect(page.getByRole('button', { name: `Connect ${network}` })).toBeVisible()
  }
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expectNoSeriousAxeViolations(page, 'Accounts, empty')
})

test('the Bluesky form warns about a password that is not an app password, by keyboard alone', async ({
  page,
  keyringHost,
}) => {
  const { host } = await keyringHost.start({ secretService: true })
  await openAccounts(page, host)
  await page.getByRole('button', { name: 'Connect Bluesky' }).focus()
  await page.keyboard.press('Enter')

  const dialog = page.getByRole('dialog', { name: 'Connect Bluesky' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Handle or email')).toBeFocused()
  await page.keyboard.type('maker.bsky.social')
  await page.keyboard.press('Tab')
  await expect(dialog.getByLabel('App password')).toBeFocused()
  await page.keyboard.type('my-main-password')
  const warning = dialog.getByText('This does not look like an app password.', { exact: false })
  await expect(warning).toBeVisible()
  await expect(dialog.getByLabel('App password')).toHaveAccessibleDescription(
    /does not look like an app password/,
  )
  await expectNoSeriousAxeViolations(page, 'Bluesky form with warning')

  await dialog.getByLabel('App password').fill('abcd-efgh-ijkl-mnop')
  await expect(warning).toHaveCount(0)

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: 'Connect Bluesky' })).toBeFocused()
})

test('without a keychain: a banner says what to install, and connecting stores nothing', async ({
  page,
  keyringHost,
}) => {
  const { host } = await keyringHost.start({ secretService: false })
  await openAccounts(page, host)
  const banner = page.getByRole('alert').filter({ hasText: 'Werkschau cannot reach your keychain' })
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('Install GNOME Keyring (package gnome-keyring)')
  await expectNoSeriousAxeViolations(page, 'Accounts, keychain unavailable')

  await page.getByRole('button', { name: 'Connect Mastodon' }).click()
  const dialog = page.getByRole('dialog', { name: 'Connect Mastodon' })
  await dialog.getByLabel('Your server').fill('mastodon.example')
  await dialog.getByRole('button', { name: 'Continue in browser' }).click()
  await expect(dialog.getByRole('alert')).toContainText('cannot reach the system keychain')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(
    page.getByRole('heading', { level: 2, name: 'Connect the networks you post to' }),
  ).toBeVisible()
})

test('connected accounts: avatar, names, status; test, reconnect and disconnect', async ({
  page,
  keyringHost,
}) => {
  const { host, keyring } = await keyringHost.start({ secretService: true, seed: seedAccounts })
  await openAccounts(page, host)

  const list = page.getByRole('list', { name: 'Connected accounts' })
  const anna = list.getByRole('listitem').filter({ hasText: 'Holzwerkstatt Anna' })
  const berg = list.getByRole('listitem').filter({ hasText: 'Töpferei Berg' })
  await expect(anna).toContainText('@werkstatt@werk.social on Mastodon')
  await expect(anna).toContainText('Connected')
  await expect(berg).toContainText('@toepfereiberg on X')
  await expect(berg).toContainText('Needs reconnect')
  await expect(berg).toContainText('Posts queued for this account wait until you reconnect.')
  // The avatar is main's copy, loaded through the host's media route, and really an image.
  const avatar = anna.locator('img.account-avatar')
  await expect(avatar).toHaveAttribute('src', /\/media\/asset\/avatar\//)
  await expect.poll(() => avatar.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1)
  await expectNoSeriousAxeViolations(page, 'Accounts, two accounts')

  // Test connection meets a server that does not answer: a plain sentence, status unchanged.
  await anna.getByRole('button', { name: 'Test connection for @werkstatt@werk.social' }).click()
  await expect(anna.getByRole('status')).toContainText('cannot reach the network')

  // Reconnect opens the network's form with what is known filled in.
  await anna.getByRole('button', { name: 'Reconnect @werkstatt@werk.social' }).click()
  const form = page.getByRole('dialog', { name: 'Connect Mastodon' })
  await expect(form.getByLabel('Your server')).toHaveValue('http://127.0.0.1:9')
  await form.getByRole('button', { name: 'Cancel' }).click()

  // Disconnect asks first, then removes the account and its keychain entry.
  await berg.getByRole('button', { name: 'Disconnect @toepfereiberg…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Disconnect @toepfereiberg?' })
  await expect(confirm).toContainText('deletes its password or access key from your keychain')
  await expectNoSeriousAxeViolations(page, 'Disconnect dialog')
  await confirm.getByRole('button', { name: 'Disconnect', exact: true }).click()
  await expect(confirm).toBeHidden()
  await expect(berg).toHaveCount(0)
  await expect(page.getByText('@toepfereiberg was disconnected.')).toBeVisible()
  expect(await keytarInChild(keyring, 'getPassword', ['Werkschau', xId])).toBeNull()
  expect(await keytarInChild(keyring, 'getPassword', ['Werkschau', mastodonId])).not.toBeNull()
})

test('a locked keychain: the banner says to unlock it; after unlocking, "Check again" clears it', async ({
  page,
  keyringHost,
}) => {
  const { host, keyring } = await keyringHost.start({
    secretService: true,
    seed: async (dataDir, keyring) => {
      await seedAccounts(dataDir, keyring)
      await keyring.restart({ unlocked: false }) // as after a reboot: the keyring starts locked
    },
  })
  await openAccounts(page, host)
  const banner = page.getByRole('alert').filter({ hasText: 'Werkschau cannot reach your keychain' })
  await expect(banner).toContainText('Your keychain is locked. Unlock it')
  const anna = page.getByRole('listitem').filter({ hasText: 'Holzwerkstatt Anna' })
  await expect(anna).toContainText('Keychain unavailable')

  await keyring.unlock()
  await banner.getByRole('button', { name: 'Check again' }).click()
  await expect(banner).toHaveCount(0)
  await expect(anna).toContainText('Connected')
})

test('in German, the screen and its dialog have no serious axe violations', async ({
  browser,
  keyringHost,
}) => {
  const { host } = await keyringHost.start({ secretService: true, seed: seedAccounts })
  const context = await browser.newContext({ locale: 'de-DE', colorScheme: 'dark' })
  const page = await context.newPage()
  await page.goto(host.url)
  await page.getByRole('navigation').getByRole('link', { name: 'Konten', exact: true }).click()
  await expect(page.getByText('Neu verbinden', { exact: true }).first()).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'Konten, dunkel')
  await page.getByRole('button', { name: 'Pinterest verbinden' }).click()
  await expect(page.getByRole('dialog', { name: 'Pinterest verbinden' })).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'Pinterest-Formular, dunkel')
  await context.close()
})
