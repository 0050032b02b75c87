import type { Locator, Page } from '@playwright/test'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { expectNoSeriousAxeViolations } from './axe'
import { expect, test } from './browser-host'
import { importFixturePhotos } from './import-photos'

/**
 * Export bundles from the composer in real Chromium against the real browser host: a post with
 * two photos for Instagram becomes a folder in the library's Exports, and "Copy caption" puts the
 * Instagram caption on the clipboard.
 */

const photoFiles = ['werkbank-landscape.jpg', 'tassen-rotated.jpg']

// Real photos go through the real import and render pipeline: allow for a slow CI.
test.setTimeout(180_000)

const captionInput = (page: Page): Locator => page.getByTestId('caption-input')

test('makes an Instagram export folder for a post with two photos and copies its caption', async ({
  page,
  context,
  host,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(host.url).origin,
  })
  await page.goto(host.url)
  await importFixturePhotos(page, photoFiles)

  // Compose: Instagram, a caption with an emoji and a hashtag, two photos, alt text for one.
  await page.evaluate(() => (window.location.hash = '#/compose'))
  await page.getByRole('button', { name: 'New post' }).click()
  await expect(captionInput(page)).toBeVisible()
  // No account is connected, so a new post's direct networks would go out as folders too.
  const panel = page.getByRole('region', { name: 'Export for posting by hand' })
  await expect(panel).toContainText('Folders for: Bluesky, Mastodon, Pinterest, X')
  for (const name of ['Bluesky', 'Mastodon', 'Pinterest', 'X'])
    await page.getByRole('checkbox', { name, exact: true }).uncheck()
  await expect(panel).toHaveCount(0)
  await page.getByRole('checkbox', { name: 'Instagram' }).check()
  const caption = 'Neue Becher aus Steinzeug ☕ #Keramik #Handgemacht'
  await captionInput(page).click()
  await page.keyboard.type(caption)
  await page.getByRole('button', { name: 'Add from Library' }).click()
  const drawerPhotos = page
    .getByRole('complementary', { name: 'Your Library' })
    .locator('.library-drawer__photo')
  await expect(drawerPhotos).toHaveCount(2)
  await drawerPhotos.nth(0).click()
  await drawerPhotos.nth(1).click()
  const photoCards = page.locator('.photo-card')
  await expect(photoCards).toHaveCount(2)
  await photoCards.nth(0).getByLabel('Alt text').fill('Zwei Becher auf der Werkbank')
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 5_000 })

  // The panel offers Instagram; nothing is made yet.
  await expect(panel).toBeVisible()
  await expect(panel).toContainText('Folders for: Instagram')
  const instagram = panel.getByRole('listitem', { name: 'Instagram' })
  await expect(instagram).toContainText('No folder yet.')

  await panel.getByRole('button', { name: 'Make export folders' }).click()
  await expect(panel.getByRole('status')).toHaveText('The export folders are ready.', {
    timeout: 90_000,
  })
  const files = instagram.getByRole('list', { name: 'Files in the Instagram folder' })
  const expectedFiles = [
    /^01-(werkbank-landscape|tassen-rotated)\.jpg$/,
    /^02-(werkbank-landscape|tassen-rotated)\.jpg$/,
    'caption.txt',
    'alt-text.txt',
    'how-to-post.txt',
  ]
  await expect(files.getByRole('listitem')).toHaveText(expectedFiles)
  await expect(instagram.getByRole('button', { name: 'Show in folder' })).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Make export folders again' })).toBeEnabled()

  // The folder on disk: the same files, Instagram's size, the caption as typed.
  const posts = join(host.dataDir, 'Library', 'Exports', 'Posts')
  const [postFolder] = readdirSync(posts)
  expect(postFolder).toMatch(/^\d{4}-\d{2}-\d{2} Neue Becher aus Steinzeug Keramik Handgemacht$/)
  const folder = join(posts, postFolder!, 'Instagram')
  const onDisk = readdirSync(folder).filter((name) => !name.startsWith('.'))
  expect(onDisk.sort()).toEqual((await files.getByRole('listitem').allTextContents()).sort())
  expect(readFileSync(join(folder, 'caption.txt'), 'utf8')).toBe(caption)
  const first = onDisk.find((name) => name.startsWith('01-'))!
  const size = await sharp(join(folder, first)).metadata()
  expect(size.format).toBe('jpeg')
  expect(size.width! / size.height!).toBeCloseTo(4 / 5, 2)
  await expect(instagram.getByText(`Exports/Posts/${postFolder}/Instagram`)).toBeVisible()

  // "Copy caption": the clipboard holds exactly the caption, and the app says so.
  await instagram.getByRole('button', { name: 'Copy caption' }).click()
  await expect(page.getByText('The Instagram caption is copied.')).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(caption)
  await expectNoSeriousAxeViolations(page, 'composer with an export folder')

  // A change to the caption marks the folder as out of date.
  await captionInput(page).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' Neu!')
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 5_000 })
  await expect(instagram).toContainText('The post changed since this folder was made.')
})
