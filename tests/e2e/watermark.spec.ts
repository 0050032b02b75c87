import type { Page } from '@playwright/test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expectNoSeriousAxeViolations } from './axe'
import { expect, test } from './browser-host'

const photo = (name: string): string => join(process.cwd(), 'tests', 'fixtures', 'photos', name)

// Real photos through the real pipeline: allow for a slow CI.
test.setTimeout(120_000)

/** Opens the Library, imports one photo and opens "Prepare for…" for it. */
async function prepareOnePhoto(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
  await page.getByLabel('Add photos…').first().setInputFiles(photo('werkbank-landscape.jpg'))
  const panel = page.getByRole('region', { name: /^(Adding photos|Photos added)$/ })
  await expect(panel.getByRole('status')).toHaveText(/1 photo added/, { timeout: 60_000 })
  await panel.getByRole('button', { name: 'Close', exact: true }).click()
  await page.getByRole('grid', { name: 'Photos' }).getByRole('gridcell').first().click()
  await page.getByRole('button', { name: 'Prepare for…' }).click()
}

test('prepares a photo for Instagram with a logo watermark; the logo stays until removed', async ({
  page,
  host,
}) => {
  const scratch = mkdtempSync(join(tmpdir(), 'werkschau-e2e-logo-'))
  const notALogo = join(scratch, 'logo.png')
  writeFileSync(notALogo, 'This is a text file, not a logo.\n')
  try {
    await prepareOnePhoto(page, host.url)
    const dialog = page.getByRole('dialog')
    await expect(dialog).toHaveAccessibleName('Prepare 1 photo')
    await dialog.getByRole('checkbox', { name: 'Instagram' }).check()
    await dialog.getByRole('checkbox', { name: 'Add a watermark' }).check()
    await dialog.getByRole('radio', { name: 'Logo' }).check()
    const logo = dialog.getByRole('group', { name: 'Logo' })
    await expect(logo).toContainText('No logo yet')
    await expect(dialog.getByText('Choose a logo first.')).toBeVisible()
    await expect(dialog.getByRole('button', { name: 'Start' })).toBeDisabled()

    // A file that is not an image is refused in plain words; still no logo.
    await logo.getByLabel('Choose logo…').setInputFiles(notALogo)
    await expect(logo.getByRole('alert')).toHaveText(/not a photo format Werkschau can read/)
    await expect(logo).toContainText('No logo yet')

    await logo.getByLabel('Choose logo…').setInputFiles(photo('produkt-freigestellt.png'))
    const image = logo.getByRole('img', { name: 'Your logo' })
    await expect(image).toBeVisible()
    await expect.poll(() => image.evaluate((node: HTMLImageElement) => node.naturalWidth)).toBe(256)
    await expect(logo).toContainText('720 × 720 px')
    await expect(logo.getByRole('alert')).toHaveCount(0)
    await dialog.getByRole('combobox', { name: 'Position' }).selectOption('top-left')
    await dialog.getByRole('slider', { name: 'Size' }).fill('30')
    await expect(dialog.getByRole('slider', { name: 'Size' })).toHaveAttribute(
      'aria-valuetext',
      '30 % of the shorter side',
    )
    await expectNoSeriousAxeViolations(page, 'export dialog with a logo watermark')

    const rendered = page.waitForRequest((request) => request.url().includes('/api/photos.render'))
    await dialog.getByRole('button', { name: 'Start' }).click()
    expect((await rendered).postDataJSON()).toMatchObject({
      input: {
        targets: ['instagram'],
        options: { watermark: { kind: 'logo', position: 'top-left', scale: 0.3 } },
      },
    })
    await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toBeVisible()
    await expect(dialog.getByRole('status')).toHaveText(/Export finished: 1 file ready\./, {
      timeout: 90_000,
    })
    const rows = dialog.getByRole('region', { name: 'Exported files' }).locator('tbody tr')
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText(/Instagram.*1080×1350\s*JPEG/)
    await dialog.getByRole('button', { name: 'Close', exact: true }).click()

    // The logo belongs to the library: there the next time, until it is removed.
    await page.getByRole('button', { name: 'Prepare for…' }).click()
    await dialog.getByRole('checkbox', { name: 'Add a watermark' }).check()
    await dialog.getByRole('radio', { name: 'Logo' }).check()
    await expect(logo.getByRole('img', { name: 'Your logo' })).toBeVisible()
    await logo.getByRole('button', { name: 'Remove logo' }).click()
    await expect(logo).toContainText('No logo yet')
    await expect(logo.getByRole('img')).toHaveCount(0)
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
})
