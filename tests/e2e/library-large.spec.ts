import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { PhotoLibrary } from '../../src-main/library/photo-library'
import { createMemoryLogger } from '../../src-main/log'
import { probePhoto } from '../../src-main/photos/pipeline/probe'
import { expect, test as base } from './browser-host'
import { startHost, stopHost, type RunningHost } from './browser-host'

const photoCount = 2000

/**
 * A library of 2 000 photos, seeded through the real PhotoLibrary and probe (small distinct
 * JPEGs keep it quick), then served by the real browser host.
 */
const test = base.extend<{ largeHost: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  largeHost: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'werkschau-e2e-large-'))
    const source = join(dataDir, 'source')
    mkdirSync(source)
    const library = await PhotoLibrary.open({
      root: join(dataDir, 'Library'),
      probe: (file) => probePhoto(file),
      log: createMemoryLogger(),
    })
    for (let index = 0; index < photoCount; index++) {
      const file = join(source, `werkstueck-${String(index).padStart(4, '0')}.png`)
      // Lossless pixels that encode the index: every file is different, so none is a duplicate.
      const pixels = Buffer.alloc(48 * 36 * 3, (index * 37) % 256)
      pixels.writeUInt16BE(index, 0)
      await sharp(pixels, { raw: { width: 48, height: 36, channels: 3 } })
        .png()
        .toFile(file)
      await library.importFile(file)
    }
    const host = await startHost(dataDir)
    await use(host)
    await stopHost(host)
    rmSync(dataDir, { recursive: true, force: true })
  },
})

test.setTimeout(180_000)

test('a library of 2 000 photos stays virtualized and reachable from the keyboard', async ({
  page,
  largeHost,
}) => {
  await page.goto(largeHost.url)
  const grid = page.getByRole('grid', { name: 'Photos' })
  await expect(page.getByRole('heading', { name: /^2,?000 photos$/ })).toBeVisible({
    timeout: 30_000,
  })
  // Only the rows on screen (plus a few) are in the page, never all 2 000 tiles.
  const rendered = await grid.getByRole('gridcell').count()
  expect(rendered).toBeGreaterThan(0)
  expect(rendered).toBeLessThan(200)

  // The last row is one key press away and is rendered when it comes into view.
  const rowCount = Number(await grid.getAttribute('aria-rowcount'))
  expect(rowCount).toBeGreaterThan(100)
  await grid.focus()
  await page.keyboard.press('Control+End')
  const lastRow = grid.locator(`[aria-rowindex="${rowCount}"]`)
  await expect(lastRow).toBeVisible()
  const active = await grid.getAttribute('aria-activedescendant')
  expect(active).toBeTruthy()
  await expect(lastRow.locator(`[id="${active}"]`)).toBeVisible()
  expect(await grid.getByRole('gridcell').count()).toBeLessThan(200)
})
