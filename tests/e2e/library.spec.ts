import type { Locator, Page } from '@playwright/test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expectNoSeriousAxeViolations } from './axe'
import { expect, test } from './browser-host'

const fixtures = join(process.cwd(), 'tests', 'fixtures', 'photos')
const photo = (name: string): string => join(fixtures, name)
const withLocation = ['werkbank-landscape.jpg', 'tassen-rotated.jpg']
const cutOut = 'produkt-freigestellt.png'

// Real photos go through the real pipeline (hashing, probing, thumbnails): allow for a slow CI.
test.setTimeout(120_000)

const importPanel = (page: Page): Locator =>
  page.getByRole('region', { name: /^(Adding photos|Photos added)$/ })

const photoGrid = (page: Page): Locator => page.getByRole('grid', { name: 'Photos' })

/** Picks files with "Add photos…" and waits until the import panel says it is done. */
async function importFiles(page: Page, files: string[], summary: RegExp): Promise<void> {
  await page.getByLabel('Add photos…').first().setInputFiles(files)
  await expect(importPanel(page).getByRole('status')).toHaveText(summary, { timeout: 60_000 })
}

async function dismissImportPanel(page: Page): Promise<void> {
  await importPanel(page).getByRole('button', { name: 'Close', exact: true }).click()
  await expect(importPanel(page)).toBeHidden()
}

async function openLibrary(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
}

test('imports photos with per-file results, thumbnails and location badges; a duplicate is recognised', async ({
  page,
  host,
}) => {
  const scratch = mkdtempSync(join(tmpdir(), 'werkschau-e2e-bad-'))
  const broken = join(scratch, 'broken.jpg')
  writeFileSync(broken, 'This is a text file, not a photo.\n')
  try {
    await openLibrary(page, host.url)
    await expectNoSeriousAxeViolations(page, 'empty Library')

    await importFiles(
      page,
      [...withLocation.map(photo), broken, photo(cutOut)],
      /Import finished: 3 photos added\. 1 could not be imported\./,
    )
    const panel = importPanel(page)
    await expect(panel.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute(
      'aria-valuetext',
      '4 of 4 files done',
    )
    const row = (name: string): Locator => panel.getByRole('listitem').filter({ hasText: name })
    await expect(row('broken.jpg')).toContainText(
      /damaged or not really an image|not a photo format Werkschau can read/,
    )
    for (const name of [...withLocation, cutOut]) await expect(row(name)).toContainText('Imported')

    const grid = photoGrid(page)
    await expect(grid.getByRole('gridcell')).toHaveCount(3)
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
      .toBe(3)
    for (const name of withLocation) {
      await expect(grid.getByRole('gridcell', { name: new RegExp(name) })).toContainText(
        'Contains location data',
      )
    }
    await expect(grid.getByRole('gridcell', { name: new RegExp(cutOut) })).not.toContainText(
      'Contains location data',
    )
    await expectNoSeriousAxeViolations(page, 'Library grid with the import panel')
    await dismissImportPanel(page)

    await importFiles(
      page,
      [photo(withLocation[0] ?? '')],
      /Import finished: no new photos\. 1 was already in your library\./,
    )
    await expect(importPanel(page).getByRole('listitem')).toHaveText(
      /werkbank-landscape\.jpg.*Already in your library/,
    )
    await expect(grid.getByRole('gridcell')).toHaveCount(3)
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
})

test('edits a photo from the keyboard; undo and redo; edits survive a reload', async ({
  page,
  host,
}) => {
  await openLibrary(page, host.url)
  await importFiles(page, [photo('werkbank-landscape.jpg')], /1 photo added/)
  await dismissImportPanel(page)

  // The grid is one tab stop; Enter opens the active photo.
  const grid = photoGrid(page)
  await grid.focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/library\/photo\/[0-9a-f]{64}$/)
  await expect(
    page.getByRole('heading', { level: 2, name: 'werkbank-landscape.jpg' }),
  ).toBeFocused()
  const details = page.getByRole('complementary', { name: 'Photo details' })
  await expect(details).toContainText(/Size\s*\d+ × \d+ px/)
  await expect(details).toContainText('Contains location data')
  await expect(details).toContainText(/removes location data from everything it exports/)
  const originalCard = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: /^Original/ }) })
  const [, width, height] = /(\d+) × (\d+) px/.exec(await originalCard.innerText()) ?? []
  await expectNoSeriousAxeViolations(page, 'photo view')

  const focal = page.getByRole('application', { name: 'Focal point' })
  await expect(focal).toHaveAttribute('style', /left: 50%; top: 50%/)
  await focal.focus()
  await page.keyboard.press('Shift+ArrowRight')
  await expect(focal).toHaveAttribute('style', /left: 60(\.\d+)?%; top: 50%/)
  await page.keyboard.press('Control+z')
  await expect(focal).toHaveAttribute('style', /left: 50%; top: 50%/)
  await page.keyboard.press('Control+Shift+z')
  await expect(focal).toHaveAttribute('style', /left: 60(\.\d+)?%; top: 50%/)

  // A quarter turn clockwise turns the focal point with the photo: (0.6, 0.5) → (0.5, 0.6).
  const saved = page.waitForResponse(
    (response) =>
      response.url().includes('/api/photos.update') &&
      (response.request().postData() ?? '').includes('"quarterTurns":1'),
  )
  await page.getByRole('button', { name: 'Rotate right' }).click()
  await expect(focal).toHaveAttribute('style', /left: 50%; top: 60(\.\d+)?%/)
  expect((await saved).ok()).toBe(true)

  await page.reload()
  await expect(
    page.getByRole('heading', { level: 2, name: 'werkbank-landscape.jpg' }),
  ).toBeVisible()
  await expect(focal).toHaveAttribute('style', /left: 50%; top: 60(\.\d+)?%/)
  // The "Original" crop is the whole edited photo, now turned on its side.
  await expect(originalCard).toContainText(`${height} × ${width} px`)

  // A crop preset: its frame appears on the photo and moves with the arrow keys.
  await page.getByRole('button', { name: /^1:1/ }).click()
  const frame = page.getByRole('application', { name: 'Crop 1:1' })
  await expect(frame).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'photo view with a crop frame')

  await page.keyboard.press('Escape')
  await expect(page).toHaveURL(/#\/library$/)
  await expect(grid).toBeFocused()
})

test('moves photos to the trash with Undo, and restores them from the Trash view', async ({
  page,
  host,
}) => {
  await openLibrary(page, host.url)
  await importFiles(page, [photo('werkbank-landscape.jpg'), photo(cutOut)], /2 photos added/)
  await dismissImportPanel(page)
  const grid = photoGrid(page)
  await expect(grid.getByRole('gridcell')).toHaveCount(2)

  await grid.getByRole('gridcell', { name: new RegExp(cutOut) }).click()
  await expect(page.getByText('1 selected')).toBeVisible()
  await page.keyboard.press('Delete')
  await expect(
    page.getByRole('status').filter({ hasText: '1 photo moved to the trash.' }),
  ).toBeVisible()
  await expect(grid.getByRole('gridcell')).toHaveCount(1)
  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(grid.getByRole('gridcell')).toHaveCount(2)

  await grid.getByRole('gridcell', { name: new RegExp(cutOut) }).click()
  await page.getByRole('button', { name: 'Move to trash' }).click()
  await expect(grid.getByRole('gridcell')).toHaveCount(1)
  await page.getByRole('button', { name: 'Trash', exact: true }).click()
  const trash = page.getByRole('grid', { name: 'Photos in the trash' })
  await expect(trash.getByRole('gridcell')).toHaveCount(1)
  await trash.getByRole('gridcell').first().click()
  await page.getByRole('button', { name: 'Restore', exact: true }).click()
  await expect(page.getByText('The trash is empty.')).toBeVisible()
  await page.getByRole('button', { name: 'Trash', exact: true }).click()
  await expect(grid.getByRole('gridcell')).toHaveCount(2)
})

test('prepares two photos for Bluesky and Instagram: four files with their sizes', async ({
  page,
  host,
}) => {
  await openLibrary(page, host.url)
  await importFiles(page, withLocation.map(photo), /2 photos added/)
  await dismissImportPanel(page)
  const grid = photoGrid(page)
  await grid.focus()
  await page.keyboard.press('Control+a')
  await expect(page.getByText('2 selected')).toBeVisible()

  await page.getByRole('button', { name: 'Prepare for…' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toHaveAccessibleName('Prepare 2 photos')
  await expect(dialog.getByRole('checkbox', { name: 'Keep artist & copyright' })).not.toBeChecked()
  await dialog.getByRole('checkbox', { name: 'Bluesky' }).check()
  await dialog.getByRole('checkbox', { name: 'Instagram' }).check()
  await expectNoSeriousAxeViolations(page, 'export dialog')
  await dialog.getByRole('button', { name: 'Start' }).click()

  await expect(dialog.getByRole('status')).toHaveText(/Export finished: 4 files ready\./, {
    timeout: 90_000,
  })
  await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toHaveJSProperty(
    'value',
    4,
  )
  const rows = dialog.getByRole('region', { name: 'Exported files' }).locator('tbody tr')
  await expect(rows).toHaveCount(4)
  for (const row of await rows.all()) await expect(row).toContainText(/\d+×\d+\s*(JPEG|PNG|WEBP)/)
  const instagram = rows.filter({ hasText: 'Instagram' })
  await expect(instagram).toHaveCount(2)
  for (const row of await instagram.all()) await expect(row).toContainText('JPEG')
  // The big landscape fills Instagram's 4:5 frame; the small phone photo is never enlarged.
  await expect(instagram.filter({ hasText: 'werkbank-landscape.jpg' })).toContainText('1080×1350')
  await expect(rows.filter({ hasText: 'Bluesky' })).toHaveCount(2)
  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: 'Prepare for…' })).toBeFocused()
})
