import type { JSHandle, Locator, Page } from '@playwright/test'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './browser-host'

const fixtures = join(process.cwd(), 'tests', 'fixtures', 'photos')

interface DroppedFile {
  name: string
  type: string
  /** The fixture's bytes, or these. */
  text?: string
}

const dropped: DroppedFile[] = [
  { name: 'tassen-rotated.jpg', type: 'image/jpeg' },
  { name: 'produkt-freigestellt.png', type: 'image/png' },
]

// Real photos go through the real import pipeline: allow for a slow CI.
test.setTimeout(120_000)

const photoCards = (page: Page): Locator => page.locator('.photo-card')
const cardIds = (page: Page): Promise<string[]> =>
  photoCards(page).evaluateAll((cards) =>
    cards.map((card) => card.getAttribute('data-photo-id') ?? ''),
  )

/**
 * A DataTransfer holding Files made from the fixtures' bytes, as the file manager hands them to
 * the page on a drop (the browser has bytes, no paths; the browser host gets them as uploads).
 */
async function filesTransfer(page: Page, files: DroppedFile[]): Promise<JSHandle<DataTransfer>> {
  const list = files.map((file) => ({
    name: file.name,
    type: file.type,
    base64: (file.text !== undefined
      ? Buffer.from(file.text)
      : readFileSync(join(fixtures, file.name))
    ).toString('base64'),
  }))
  return page.evaluateHandle((list) => {
    const transfer = new DataTransfer()
    for (const file of list) {
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0))
      transfer.items.add(new File([bytes], file.name, { type: file.type }))
    }
    return transfer
  }, list)
}

async function newPost(page: Page, url: string): Promise<Locator> {
  await page.goto(url)
  await page.evaluate(() => (window.location.hash = '#/compose'))
  await page.getByRole('button', { name: 'New post' }).click()
  await expect(page.getByText('Drag photos here from the Library or from your files')).toBeVisible()
  return page.getByTestId('post-photos-drop')
}

async function drop(target: Locator, transfer: JSHandle<DataTransfer>): Promise<void> {
  for (const type of ['dragenter', 'dragover', 'drop'])
    await target.dispatchEvent(type, { dataTransfer: transfer })
}

test('photo files dropped on the composer are imported into the Library, attached in drop order, and still there after a reload', async ({
  page,
  host,
}) => {
  const target = await newPost(page, host.url)
  await drop(target, await filesTransfer(page, dropped))

  // The library names a photo by the SHA-256 of its bytes: these are the dropped files.
  const expectedIds = dropped.map((file) =>
    createHash('sha256')
      .update(readFileSync(join(fixtures, file.name)))
      .digest('hex'),
  )
  await expect(photoCards(page)).toHaveCount(2, { timeout: 60_000 })
  expect(await cardIds(page)).toEqual(expectedIds)
  await expect(photoCards(page).first()).toHaveAttribute(
    'aria-label',
    'tassen-rotated.jpg, photo 1 of 2',
  )
  await expect(page.locator('.post-photos__failures')).toHaveCount(0)
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 5_000 })

  // Attached after a reload …
  await page.reload()
  await expect(photoCards(page)).toHaveCount(2, { timeout: 15_000 })
  expect(await cardIds(page)).toEqual(expectedIds)
  // … and in the Library like any import, thumbnails served.
  await page.evaluate(() => (window.location.hash = '#/library'))
  const grid = page.getByRole('grid', { name: 'Photos' })
  for (const file of dropped)
    await expect(grid.getByRole('gridcell', { name: new RegExp(file.name) })).toBeVisible()
  await expect
    .poll(() =>
      grid
        .locator('img')
        .evaluateAll(
          (images) =>
            images.filter((image) => image instanceof HTMLImageElement && image.naturalWidth > 0)
              .length,
        ),
    )
    .toBe(2)
})

test('a dropped file that is no photo is named with its reason; the photo dropped with it is attached', async ({
  page,
  host,
}) => {
  const target = await newPost(page, host.url)
  const files = [
    { name: 'notizen.jpg', type: 'image/jpeg', text: 'Glasur: Seladon, 1240 °C\n' },
    { name: 'ufer.webp', type: 'image/webp' },
  ]
  await drop(target, await filesTransfer(page, files))
  await expect(photoCards(page)).toHaveCount(1, { timeout: 60_000 })
  await expect(photoCards(page).first()).toHaveAttribute('aria-label', 'ufer.webp, photo 1 of 1')
  const failures = page.locator('.post-photos__failures')
  await expect(failures).toHaveAttribute('role', 'alert')
  await expect(failures.getByRole('listitem')).toHaveCount(1)
  await expect(failures.getByRole('listitem')).toHaveText(
    /^notizen\.jpg: .*(damaged or not really an image|not a photo format Werkschau can read)/,
  )
})
