import type { Page } from '@playwright/test'
import { join } from 'node:path'
import { expect } from './browser-host'

const fixtures = join(process.cwd(), 'tests', 'fixtures', 'photos')

/**
 * Imports photos from tests/fixtures/photos with the Library's "Add photos…" picker, through the
 * real pipeline, and waits until the import panel says all of them were added. Real photos take
 * their time on a slow CI machine.
 */
export async function importFixturePhotos(page: Page, files: readonly string[]): Promise<void> {
  await page
    .getByLabel('Add photos…')
    .first()
    .setInputFiles(files.map((file) => join(fixtures, file)))
  const added = files.length === 1 ? '1 photo added' : `${files.length} photos added`
  await expect(
    page.getByRole('region', { name: /^(Adding photos|Photos added)$/ }).getByRole('status'),
  ).toHaveText(new RegExp(`Import finished: ${added}`), { timeout: 90_000 })
}
