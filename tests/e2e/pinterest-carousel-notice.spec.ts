import type { Locator, Page } from '@playwright/test'
import { expectNoSeriousAxeViolations } from './axe'
import { expect, test } from './browser-host'
import { importFixturePhotos } from './import-photos'

// Upright, 2667 × 2000 and 900 × 1200: a full 1000 × 1500 pin, and a 2:3 crop of only 800 × 1200.
const photoFiles = ['werkbank-landscape.jpg', 'tassen-rotated.jpg']

test.setTimeout(120_000)

const photoCards = (page: Page): Locator => page.locator('.photo-card')

/** Both photos imported in the Library, then a new post with them (it targets Pinterest). */
async function postWithBothPhotos(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await importFixturePhotos(page, photoFiles)
  await page.getByRole('grid', { name: 'Photos' }).focus()
  await page.keyboard.press('Control+a')
  await page.getByRole('button', { name: 'New post with these photos' }).click()
  await expect(photoCards(page)).toHaveCount(2)
}

test('the composer says when Pinterest will get only the first photo, and why, as soon as it is so', async ({
  page,
  host,
}) => {
  await postWithBothPhotos(page, host.url)
  const notice = page.getByTestId('pinterest-carousel-notice')
  await expect(page.getByRole('checkbox', { name: 'Pinterest', exact: true })).toBeChecked()
  // The cups are too small for a full pin: one shape, two sizes.
  const [first] = await photoCards(page).evaluateAll((cards) =>
    cards.map((card) => card.getAttribute('aria-label') ?? ''),
  )
  const sizes = first?.startsWith('werkbank')
    ? '1,000 × 1,500, 800 × 1,200'
    : '800 × 1,200, 1,000 × 1,500'
  await expect(notice).toHaveText(
    `Pinterest: the photos come out in different sizes (${sizes} pixels) because some are too small for a full-size pin, so only the first will be pinned. Use larger photos to post a carousel.`,
  )
  await expect(notice).toHaveAttribute('role', 'status')

  // A square crop for Pinterest on the second photo: now the shapes differ.
  const second = photoCards(page).nth(1)
  await second.locator('summary', { hasText: 'Crop per network' }).click()
  await second.getByLabel('Pinterest', { exact: true }).selectOption('1:1')
  await expect(notice).toHaveText(
    'Pinterest: the photos have different shapes, so only the first will be pinned. Choose the same crop for all to post a carousel.',
  )
  await expectNoSeriousAxeViolations(page, 'composer with the Pinterest notice')

  // Without Pinterest as a target, nothing to say.
  await page.getByRole('checkbox', { name: 'Pinterest', exact: true }).uncheck()
  await expect(notice).toHaveText('')
  await expect(notice).toBeHidden()
})
