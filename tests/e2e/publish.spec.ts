import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startTestPds, testPdsSkipReason, type TestPds } from '../support/pds/test-pds'
import { startPrivateKeyring, type PrivateKeyring } from '../support/private-keyring.mjs'
import { expectNoSeriousAxeViolations } from './axe'
import { expect, startHost, stopHost, test, type RunningHost } from './browser-host'

/*
 * Publishing end to end, as a crafter does it: connect Bluesky on the Accounts screen (handle,
 * server address and an app password made on the reference PDS), import a photo, write a post
 * with a hashtag and a link for Bluesky and Instagram, add it to the queue. The Outbox shows
 * Bluesky published with a link to the post and Instagram's export folder ready to post by hand.
 * Then the PDS is asked what it got (one record: the text, the link and hashtag facets, the alt
 * text) and the folder on disk is read (the photo, the caption).
 *
 * Real parts only: `werkschau serve` with its own keychain (a private GNOME Keyring), the
 * reference PDS with its PLC directory on 127.0.0.1, Debian's Chromium.
 */

const skipReason = testPdsSkipReason()
if (skipReason) console.warn(`Skipping the publish end-to-end test: ${skipReason}`)
test.skip(skipReason !== undefined, skipReason)

const photo = join(process.cwd(), 'tests', 'fixtures', 'photos', 'werkbank-landscape.jpg')
const caption =
  'Neues Schneidebrett aus Nussbaum, zweimal geölt #holz https://holzwerkstatt-anna.de/brett'
const altText = 'Ein Schneidebrett aus Nussbaum auf der Werkbank'

let pds: TestPds
let keyring: PrivateKeyring
let host: RunningHost

test.beforeAll(async () => {
  if (skipReason) return
  // The PDS loads about 600 modules on start: slow on two busy cores, and not the subject here.
  test.setTimeout(180_000)
  // Like bsky.social, it sends the account's DID document with a new session, so the sign-in
  // needs no PLC directory on the internet to learn where the account lives.
  const [startedPds, startedKeyring] = await Promise.allSettled([
    startTestPds({ pds: { enableDidDocWithSession: true } }),
    startPrivateKeyring({ secretService: true }),
  ])
  // Whatever started is stopped in afterAll, also when the other did not start.
  if (startedPds.status === 'fulfilled') pds = startedPds.value
  if (startedKeyring.status === 'fulfilled') keyring = startedKeyring.value
  if (startedPds.status === 'rejected') throw startedPds.reason
  if (startedKeyring.status === 'rejected') throw startedKeyring.reason
  host = await startHost(mkdtempSync(join(tmpdir(), 'werkschau-e2e-publish-')), keyring.env)
})

test.afterAll(async () => {
  if (host) {
    await stopHost(host)
    rmSync(host.dataDir, { recursive: true, force: true })
  }
  await keyring?.stop()
  await pds?.stop()
})

test('compose, publish to the local PDS and export a bundle: the Outbox shows both done', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(host.url).origin,
  })
  const account = await pds.createAccount('brett')
  const appPassword = await account.createAppPassword('werkschau-e2e')

  // Accounts: connect Bluesky with the handle, the PDS's address and the app password.
  await page.goto(host.url)
  await page.getByRole('navigation').getByRole('link', { name: 'Accounts', exact: true }).click()
  await page.getByRole('button', { name: 'Connect Bluesky' }).click()
  const dialog = page.getByRole('dialog', { name: 'Connect Bluesky' })
  await dialog.getByLabel('Handle or email').fill(account.handle)
  await dialog.getByLabel('App password').fill(appPassword.password)
  await dialog.getByLabel('Server address (optional)').fill(pds.url)
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
  const accounts = page.getByRole('list', { name: 'Connected accounts' })
  await expect(accounts.getByRole('listitem').filter({ hasText: account.handle })).toContainText(
    'Connected',
  )
  await expect(dialog).toBeHidden()

  // Library: import the photo.
  await page.evaluate(() => (window.location.hash = '#/library'))
  await page.getByLabel('Add photos…').first().setInputFiles(photo)
  await expect(
    page.getByRole('region', { name: /^(Adding photos|Photos added)$/ }).getByRole('status'),
  ).toHaveText(/Import finished: 1 photo added/, { timeout: 30_000 })

  // Compose: Bluesky (connected) and Instagram (a folder), the caption, the photo, its alt text.
  await page.evaluate(() => (window.location.hash = '#/compose'))
  await page.getByRole('button', { name: 'New post' }).click()
  const captionInput = page.getByTestId('caption-input')
  await expect(captionInput).toBeVisible()
  for (const name of ['Mastodon', 'Pinterest', 'X'])
    await page.getByRole('checkbox', { name, exact: true }).uncheck()
  await expect(page.getByRole('checkbox', { name: 'Bluesky', exact: true })).toBeChecked()
  await page.getByRole('checkbox', { name: 'Instagram', exact: true }).check()
  await captionInput.click()
  await page.keyboard.type(caption)
  await page.getByRole('button', { name: 'Add from Library' }).click()
  const drawerPhotos = page
    .getByRole('complementary', { name: 'Your Library' })
    .locator('.library-drawer__photo')
  await expect(drawerPhotos).toHaveCount(1)
  await drawerPhotos.first().click()
  const photoCard = page.locator('.photo-card')
  await expect(photoCard).toHaveCount(1)
  await photoCard.getByLabel('Alt text').fill(altText)
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 })

  // Publish now.
  await page.getByRole('button', { name: 'Add to queue' }).click()
  await expect(page.getByText('Queued: goes out when you are online.')).toBeVisible()

  // The Outbox: Bluesky published with a link to the post, Instagram's folder ready by hand.
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /^Outbox/ })
    .click()
  const post = page.getByRole('listitem').filter({
    has: page.getByRole('heading', { name: 'Neues Schneidebrett aus Nussbaum' }),
  })
  const row = (network: string) =>
    post.locator('.job').filter({ has: page.locator('.job__network', { hasText: network }) })
  const open = row('Bluesky').getByRole('link', { name: 'Open post on Bluesky' })
  await expect(open).toBeVisible({ timeout: 30_000 })
  await expect(row('Bluesky')).toContainText('Published')
  await expect(row('Instagram')).toContainText('Ready to post by hand')
  await expect(
    row('Instagram').getByRole('button', { name: 'Show in folder for Instagram' }),
  ).toBeVisible()
  await expect(row('Instagram')).toContainText(/Folder: Exports\/Posts\/.+\/Instagram/)
  await row('Instagram').getByRole('button', { name: 'Copy caption for Instagram' }).click()
  await expect(page.getByText('The Instagram caption is copied.')).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(caption)
  await expect(
    page.getByRole('navigation').getByRole('link', { name: /^Outbox/ }),
  ).toHaveAccessibleName('Outbox')
  await expectNoSeriousAxeViolations(page, 'outbox with a published post and an export folder')

  // The PDS has the post exactly once, as written, with its link and hashtag, and the alt text.
  const { records } = await pds.xrpc<{
    records: {
      uri: string
      value: {
        text: string
        facets?: { features: { $type: string; uri?: string; tag?: string }[] }[]
        embed?: { images?: { alt: string; aspectRatio?: { width: number; height: number } }[] }
      }
    }[]
  }>('com.atproto.repo.listRecords', {
    params: { repo: account.did, collection: 'app.bsky.feed.post', limit: '10' },
  })
  expect(records).toHaveLength(1)
  const [record] = records
  expect(record?.value.text).toBe(caption)
  expect(record?.value.embed?.images?.map((image) => image.alt)).toEqual([altText])
  const features = record?.value.facets?.flatMap((facet) => facet.features) ?? []
  expect(features).toContainEqual({
    $type: 'app.bsky.richtext.facet#link',
    uri: 'https://holzwerkstatt-anna.de/brett',
  })
  expect(features).toContainEqual({ $type: 'app.bsky.richtext.facet#tag', tag: 'holz' })
  const rkey = record!.uri.split('/').at(-1)!
  await expect(open).toHaveAttribute(
    'href',
    `https://bsky.app/profile/${account.handle}/post/${rkey}`,
  )

  // The folder on disk: the photo rendered for Instagram and the caption to paste.
  const posts = join(host.dataDir, 'Library', 'Exports', 'Posts')
  const postFolders = readdirSync(posts).filter((name) => !name.startsWith('.'))
  expect(postFolders).toHaveLength(1)
  const folder = join(posts, postFolders[0]!, 'Instagram')
  const files = readdirSync(folder).filter((name) => !name.startsWith('.'))
  expect(files.filter((name) => name.endsWith('.jpg'))).toEqual(['01-werkbank-landscape.jpg'])
  expect(readFileSync(join(folder, 'caption.txt'), 'utf8')).toBe(caption)
  expect(readFileSync(join(folder, 'alt-text.txt'), 'utf8')).toBe(`1. ${altText}\n`)
  // Bluesky went out directly: no folder for it.
  expect(readdirSync(join(posts, postFolders[0]!))).not.toContain('Bluesky')
})
