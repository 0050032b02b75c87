import { expect, test, type Locator, type Page } from '@playwright/test'
import react from '@vitejs/plugin-react'
import { createReadStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import { photoWorkerScript } from '../../src-main/app-root'
import { startBrowserHost, type BrowserHost } from '../../src-main/host/server'
import { createMemoryLogger } from '../../src-main/log'
import { forkNodeWorker } from '../../src-main/photos/worker/worker-process'
import { createServices, type Services } from '../../src-main/services'
import { openConfSettings } from '../../src-main/settings/settings-file'
import type { PhotoRecord } from '../../src-shared/photos/model'
import { expectNoSeriousAxeViolations } from './axe'

/*
 * The preview cards in real Chromium, with real renders from the real services. The composer that
 * will host them is being built at the same time, so the cards are mounted on a test page
 * (src-renderer/features/compose/preview/harness) that this spec builds with Vite into a temporary
 * folder and serves from a browser host of its own: nothing of it ships with the app.
 */

const fixtures = join(process.cwd(), 'tests', 'fixtures', 'photos')
const harness = join(process.cwd(), 'src-renderer', 'features', 'compose', 'preview', 'harness')

const caption =
  'Neuer Ring aus recyceltem Gold mit einem kleinen Turmalin, handgeschmiedet in meiner ' +
  'Werkstatt in Leipzig, jedes Stück ein Unikat. #Goldschmiede #Ring\n' +
  'Im Shop: https://www.example.com/shop/ringe/turmalin-ring-gold-585 · Fragen gern an @anna'
const tail = 'Fragen gern an'

let scratch: string
let services: Services
let host: BrowserHost
const photos: PhotoRecord[] = []

// Building the page and rendering real photos takes a while on a slow CI machine.
test.setTimeout(120_000)

test.beforeAll(async () => {
  test.setTimeout(180_000)
  scratch = mkdtempSync(join(tmpdir(), 'werkschau-e2e-preview-'))
  const page = join(scratch, 'page')
  await build({
    configFile: false,
    root: harness,
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir: page,
      emptyOutDir: true,
      assetsInlineLimit: 0,
      // One chunk is fine for a test page (twitter-text alone is large); no warning about it.
      chunkSizeWarningLimit: 5_000,
      rolldownOptions: { input: join(harness, 'index.html') },
    },
  })
  const dataDir = join(scratch, 'data')
  mkdirSync(dataDir)
  const log = createMemoryLogger()
  services = await createServices({
    host: 'browser',
    version: '0.0.0-e2e',
    dataDir,
    settingsBackend: await openConfSettings(dataDir, log),
    // The built worker: `npx electron-vite build` first (npm test does).
    spawnPhotoWorker: forkNodeWorker(photoWorkerScript(process.cwd())),
    log,
  })
  host = await startBrowserHost({ services, rendererDir: page })
  // Sorted by name on the page: a-werkbank, b-tassen, c-produkt.
  const files = [
    ['a-werkbank.jpg', 'werkbank-landscape.jpg', 'Werkbank mit Zangen und einem Goldring'],
    ['b-tassen.jpg', 'tassen-rotated.jpg', 'Drei Tassen auf einem Regal'],
    ['c-produkt.png', 'produkt-freigestellt.png', 'Freigestelltes Produkt auf weißem Grund'],
  ]
  for (const [name, fixture, altText] of files) {
    const { record } = await services.photos.importUpload(
      name!,
      createReadStream(join(fixtures, fixture!)),
    )
    photos.push(await services.photos.update(record.id, { altText: altText! }))
  }
})

test.afterAll(async () => {
  await host?.close()
  await services?.close()
  if (scratch) rmSync(scratch, { recursive: true, force: true })
})

async function openPreviews(page: Page, params: Record<string, string>): Promise<void> {
  const [origin, token] = host.url.split('#')
  await page.goto(`${origin}?${new URLSearchParams(params).toString()}#${token}`)
  await expect(page.getByRole('tablist')).toBeVisible()
}

const card = (page: Page, network: string): Locator =>
  page.getByRole('article', { name: new RegExp(`(on|auf) ${network}`) })

/** Waits until every image of the card has loaded and returns their sources and natural sizes. */
async function loadedImages(
  scope: Locator,
  count: number,
): Promise<{ src: string; alt: string; width: number; height: number }[]> {
  const images = scope.locator('img.preview-image__img')
  await expect(images).toHaveCount(count)
  await expect
    .poll(
      () =>
        images.evaluateAll((all) =>
          all.every((image) => image instanceof HTMLImageElement && image.naturalWidth > 0),
        ),
      { timeout: 60_000 },
    )
    .toBe(true)
  return images.evaluateAll((all) =>
    all.map((image) => {
      const img = image as HTMLImageElement
      return { src: img.src, alt: img.alt, width: img.naturalWidth, height: img.naturalHeight }
    }),
  )
}

const renderUrl = (network: string, preset: string): RegExp =>
  new RegExp(`/media/photo/[0-9a-f]{64}/render/${network}/${preset}/[0-9a-f]{14}\\?token=`)

test('shows each network its own way: cut captions, highlights, real crops in grid and carousel', async ({
  page,
}) => {
  await openPreviews(page, {
    networks: 'instagram,x,mastodon,pinterest',
    text: caption,
    title: 'Turmalin-Ring aus recyceltem Gold, handgeschmiedet',
    cw: 'Schmuck, Preis im Text',
  })
  const tabs = page.getByRole('tablist', { name: 'Preview per network' })
  await expect(tabs.getByRole('tab')).toHaveText(['Instagram', 'X', 'Mastodon', 'Pinterest'])
  await expect(tabs.getByRole('tab', { name: 'Instagram' })).toHaveAttribute(
    'aria-selected',
    'true',
  )

  // Instagram: "yourshop" until an account is connected; the caption cut with "… more".
  const instagram = card(page, 'Instagram')
  await expect(instagram.locator('.post-preview__header')).toContainText('yourshop')
  const text = instagram.locator('.post-preview__text')
  await expect(text).not.toContainText(tail)
  await expect(text).toContainText('… more')
  await expect(text.locator('.post-preview__entity--url')).toHaveCount(0) // captions link nothing
  const carousel = await loadedImages(instagram, 1)
  expect(carousel[0]!.src).toMatch(renderUrl('instagram', '4x5'))
  expect(carousel[0]!.alt).toBe('Werkbank mit Zangen und einem Goldring')
  expect([carousel[0]!.width, carousel[0]!.height]).toEqual([864, 1080]) // preview size, 4:5
  await expectNoSeriousAxeViolations(page, 'Instagram preview')

  await instagram.getByRole('button', { name: 'more', exact: true }).click()
  await expect(text).toContainText(tail)
  await expect(text).toBeFocused()
  await expect(text.locator('.post-preview__entity--hashtag')).toHaveText([
    '#Goldschmiede',
    '#Ring',
  ])
  await expect(text.locator('.post-preview__entity--mention')).toHaveText(['@anna'])

  await instagram.getByRole('button', { name: 'Next photo' }).click()
  await expect(instagram.getByText('Photo 2 of 3')).toBeAttached()
  const second = await loadedImages(instagram, 1)
  expect(second[0]!.alt).toBe('Drei Tassen auf einem Regal')

  // Arrow keys move between networks (WAI-ARIA tabs).
  await tabs.getByRole('tab', { name: 'Instagram' }).focus()
  await page.keyboard.press('ArrowRight')
  const xTab = tabs.getByRole('tab', { name: 'X', exact: true })
  await expect(xTab).toBeFocused()
  await expect(xTab).toHaveAttribute('aria-selected', 'true')

  // X: everything within 280 shows in full; the link shortened; three photos, one tall + two.
  const x = card(page, 'X')
  await expect(x.locator('.post-preview__text')).toContainText(tail)
  await expect(x.locator('.post-preview__entity--url')).toHaveText('example.com/shop/ringe/tu…')
  await expect(x.locator('.preview-grid')).toHaveAttribute('data-count', '3')
  const grid = await loadedImages(x, 3)
  for (const image of grid) expect(image.src).toMatch(renderUrl('x', '16x9'))
  const boxes = await x
    .locator('.preview-image')
    .evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().toJSON() as DOMRect))
  expect(boxes[0]!.height).toBeGreaterThan(boxes[1]!.height * 1.8) // the tall one on the left
  expect(boxes[1]!.left).toBeGreaterThan(boxes[0]!.right - 1)
  expect(Math.abs(boxes[1]!.left - boxes[2]!.left)).toBeLessThan(1) // two stacked on the right
  await expect(x.getByText('ALT')).toHaveCount(3)
  await expectNoSeriousAxeViolations(page, 'X preview')

  // Mastodon: the content warning hides text and photos until "Show more".
  await page.keyboard.press('ArrowRight')
  const mastodon = card(page, 'Mastodon')
  await expect(mastodon).toContainText('Schmuck, Preis im Text')
  await expect(mastodon.locator('.post-preview__text')).toHaveCount(0)
  await expect(mastodon.locator('img.preview-image__img')).toHaveCount(0)
  const reveal = mastodon.getByRole('button', { name: 'Show more' })
  await expect(reveal).toHaveAttribute('aria-expanded', 'false')
  await reveal.click()
  await expect(mastodon.getByRole('button', { name: 'Show less' })).toHaveAttribute(
    'aria-expanded',
    'true',
  )
  await expect(mastodon.locator('.post-preview__text')).toContainText(tail)
  // Only links with a scheme, shown as Mastodon does: no scheme, no www., 30 characters.
  await expect(mastodon.locator('.post-preview__entity--url')).toHaveText(
    'example.com/shop/ringe/turmali…',
  )
  const original = await loadedImages(mastodon, 3)
  for (const image of original) expect(image.src).toMatch(renderUrl('mastodon', 'original'))
  await expectNoSeriousAxeViolations(page, 'Mastodon preview')

  // Pinterest: the pin's title and the start of its description, in a 2:3 pin.
  await tabs.getByRole('tab', { name: 'Mastodon' }).focus()
  await page.keyboard.press('End')
  const pin = card(page, 'Pinterest')
  await expect(pin.locator('.post-preview__title')).toHaveText(
    'Turmalin-Ring aus recyceltem Gold,…',
  )
  const description = await pin.locator('.post-preview__text').textContent()
  expect(description!.length).toBeLessThanOrEqual(51)
  expect(description!.endsWith('…')).toBe(true)
  await expect(pin.getByRole('button', { name: /more/ })).toHaveCount(0)
  const pinImage = await loadedImages(pin, 1)
  expect(pinImage[0]!.src).toMatch(renderUrl('pinterest', '2x3'))
  expect([pinImage[0]!.width, pinImage[0]!.height]).toEqual([720, 1080])
})

test('speaks German and stays accessible in the dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await openPreviews(page, {
    networks: 'instagram,facebook,bluesky',
    lang: 'de',
    theme: 'dark',
    text: caption,
  })
  await expect(page.getByRole('tablist', { name: 'Vorschau je Netzwerk' })).toBeVisible()
  const instagram = card(page, 'Instagram')
  await expect(instagram.locator('.post-preview__header')).toContainText('deinewerkstatt')
  await expect(instagram.getByRole('button', { name: 'mehr', exact: true })).toBeVisible()
  await loadedImages(instagram, 1)
  await expectNoSeriousAxeViolations(page, 'Instagram preview, German, dark')

  await page.getByRole('tab', { name: 'Facebook' }).click()
  const facebook = card(page, 'Facebook')
  await expect(facebook.locator('.post-preview__header')).toContainText('Deine Werkstatt')
  await expect(facebook.getByRole('button', { name: 'Mehr ansehen' })).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'Facebook preview, German, dark')

  await page.getByRole('tab', { name: 'Bluesky' }).click()
  const bluesky = card(page, 'Bluesky')
  await expect(bluesky.locator('.post-preview__header')).toContainText(
    '@deinewerkstatt.bsky.social',
  )
  await loadedImages(bluesky, 3)
  await expectNoSeriousAxeViolations(page, 'Bluesky preview, German, dark')
})

test('a new crop is a new image at once', async ({ page }) => {
  await openPreviews(page, { networks: 'instagram', text: 'Ring' })
  const instagram = card(page, 'Instagram')
  const [before] = await loadedImages(instagram, 1)

  // The crop editor saves a new 4:5 crop: the card follows (photos.changed) with a new URL.
  const werkbank = photos[0]!
  await services.photos.update(werkbank.id, {
    crops: { '4:5': { x: 0, y: 0.2, width: 0.48, height: 0.8 } },
  })
  await expect
    .poll(() =>
      instagram
        .locator('img.preview-image__img')
        .evaluate((image) => (image as HTMLImageElement).src),
    )
    .not.toBe(before!.src)
  const [after] = await loadedImages(instagram, 1)
  expect(after!.src).not.toBe(before!.src)
  expect(after!.src).toMatch(renderUrl('instagram', '4x5'))
  // 0.48 × 2667 px by 0.8 × 2000 px: 1280×1600, shown at preview size.
  expect([after!.width, after!.height]).toEqual([864, 1080])
  // The old address names a crop that no longer exists: it is not served.
  const stale = await page.request.get(before!.src)
  expect(stale.status()).toBe(404)
})
