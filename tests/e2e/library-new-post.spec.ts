import type { Locator, Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expectNoSeriousAxeViolations } from './axe'
import { expect, test } from './browser-host'
import { importFixturePhotos } from './import-photos'

const photoFiles = ['werkbank-landscape.jpg', 'tassen-rotated.jpg', 'produkt-freigestellt.png']

// Real photos go through the real import pipeline first: allow for a slow CI.
test.setTimeout(120_000)

const photoGrid = (page: Page): Locator => page.getByRole('grid', { name: 'Photos' })
const photoCards = (page: Page): Locator => page.locator('.photo-card')

async function importPhotos(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await importFixturePhotos(page, photoFiles)
  await page
    .getByRole('region', { name: 'Photos added' })
    .getByRole('button', { name: 'Close', exact: true })
    .click()
  await expect(photoGrid(page).getByRole('gridcell')).toHaveCount(3)
}

/** The post as main wrote it to the library. */
function savedPost(dataDir: string, id: string): { status: string; photos: { photoId: string }[] } {
  return JSON.parse(readFileSync(join(dataDir, 'Library', 'posts', `${id}.json`), 'utf8')) as {
    status: string
    photos: { photoId: string }[]
  }
}

test('photos selected in the Library start a new post, attached in the order they were selected — by keyboard alone', async ({
  page,
  host,
}) => {
  await importPhotos(page, host.url)
  const grid = photoGrid(page)
  const names = await grid
    .getByRole('gridcell')
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('title') ?? ''))
  expect(names).toHaveLength(3)
  // Nothing selected: nothing to start a post with.
  await expect(page.getByRole('button', { name: /^New post with/ })).toHaveCount(0)

  // Third photo, then the first, then the second: not the grid's order.
  await grid.focus()
  for (const key of ['ArrowRight', 'ArrowRight', ' ', 'ArrowLeft', 'ArrowLeft', ' ']) {
    await page.keyboard.press(key)
  }
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press(' ')
  await expect(page.getByText('3 selected')).toBeVisible()
  const selectedOrder = [names[2], names[0], names[1]]

  // The action sits in the selection bar just before the grid: Shift+Tab reaches it.
  const action = page.getByRole('button', { name: 'New post with these photos' })
  await expect(action).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'Library with a selection')
  for (let presses = 0; presses < 6; presses += 1) {
    if (await action.evaluate((button) => button === document.activeElement)) break
    await page.keyboard.press('Shift+Tab')
  }
  await expect(action).toBeFocused()
  await page.keyboard.press('Enter')

  // The composer opens on the new draft with the photos in that order.
  await expect(page).toHaveURL(/#\/compose\/post\/[0-9a-f]{32}$/)
  const postId = new URL(page.url()).hash.split('/').pop() ?? ''
  await expect(photoCards(page)).toHaveCount(3)
  // The cards come before the Library's list has loaded (then they cannot name their photos yet).
  await expect
    .poll(() =>
      photoCards(page).evaluateAll((cards) =>
        cards.map((card) => card.getAttribute('aria-label') ?? ''),
      ),
    )
    .toEqual(selectedOrder.map((name, at) => `${name}, photo ${at + 1} of 3`))

  // It is a draft on disk already, with the same order, and it is still there after a reload.
  const cardIds = await photoCards(page).evaluateAll((cards) =>
    cards.map((card) => card.getAttribute('data-photo-id') ?? ''),
  )
  const saved = savedPost(host.dataDir, postId)
  expect(saved.status).toBe('draft')
  expect(saved.photos.map((photo) => photo.photoId)).toEqual(cardIds)
  await page.reload()
  await expect(photoCards(page)).toHaveCount(3)
  expect(
    await photoCards(page).evaluateAll((cards) =>
      cards.map((card) => card.getAttribute('data-photo-id') ?? ''),
    ),
  ).toEqual(cardIds)
})

test('one photo picked with the mouse starts a post too, and the posts list shows it', async ({
  page,
  host,
}) => {
  await importPhotos(page, host.url)
  const cell = photoGrid(page).getByRole('gridcell').nth(1)
  const name = (await cell.getAttribute('title')) ?? ''
  await cell.click()
  await page.getByRole('button', { name: 'New post with this photo' }).click()
  await expect(photoCards(page)).toHaveCount(1)
  await expect(photoCards(page).first()).toHaveAttribute('aria-label', `${name}, photo 1 of 1`)
  // The first post ever goes to the networks Werkschau publishes to directly.
  for (const network of ['Bluesky', 'Mastodon', 'Pinterest', 'X'])
    await expect(page.getByRole('checkbox', { name: network, exact: true })).toBeChecked()

  await page.getByRole('link', { name: /All posts/ }).click()
  await expect(page.locator('.post-row')).toHaveCount(1)
  await expect(page.getByRole('button', { name: /^Drafts/ })).toContainText('1')
})

test('while the Library list is on its way, photo cards say so; if it cannot be read, they say that', async ({
  page,
  host,
}) => {
  await importPhotos(page, host.url)
  const cell = photoGrid(page).getByRole('gridcell').first()
  const name = (await cell.getAttribute('title')) ?? ''
  await cell.click()
  await page.getByRole('button', { name: 'New post with this photo' }).click()
  const card = photoCards(page).first()
  await expect(card).toHaveAttribute('aria-label', `${name}, photo 1 of 1`)

  // Hold the real host's answer to the list call: a slow disk, as a crafter's old laptop has.
  let release = (): void => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/photos.list', async (route) => {
    await held
    await route.continue()
  })
  await page.reload()
  await expect(card).toHaveAttribute('aria-label', 'Loading photo…, photo 1 of 1')
  await expect(card.getByRole('status')).toHaveText('Loading photo…')
  await expect(card).not.toContainText('not in the Library')
  release()
  await expect(card).toHaveAttribute('aria-label', `${name}, photo 1 of 1`)
  await expect(card.locator('img')).toBeVisible()

  // A list call that fails (this abort stands in for a library main cannot read, which the
  // browser host cannot be made to produce on purpose): no claim that the photo is gone.
  await page.unroute('**/api/photos.list')
  await page.route('**/api/photos.list', (route) => route.abort('failed'))
  await page.reload()
  await expect(card).toHaveAttribute('aria-label', 'The Library could not be read, photo 1 of 1')
  await expect(card).not.toContainText('not in the Library')
})
