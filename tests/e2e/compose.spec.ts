import type { Locator, Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import twitterText from 'twitter-text'
import { expectNoSeriousAxeViolations } from './axe'
import { expect, test } from './browser-host'
import { importFixturePhotos } from './import-photos'

const photoFiles = ['werkbank-landscape.jpg', 'tassen-rotated.jpg', 'produkt-freigestellt.png']

// Real photos go through the real import pipeline first: allow for a slow CI.
test.setTimeout(180_000)

const captionInput = (page: Page): Locator => page.getByTestId('caption-input')
const counter = (page: Page, network: string, measure: string): Locator =>
  page.getByTestId(`counter-${network}-text-${measure}`)
const photoCards = (page: Page): Locator => page.locator('.photo-card')
/** The caption's version tabs (the preview strip below has tabs per network too). */
const captionTab = (page: Page, name: RegExp): Locator =>
  page.getByRole('tablist', { name: 'Caption versions' }).getByRole('tab', { name })

async function importPhotos(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await importFixturePhotos(page, photoFiles)
}

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((next) => (window.location.hash = next), hash)
}

/**
 * HTML drag and drop with the browser's own DataTransfer: dragstart on the source fills it, and
 * dragover/drop on the target read it, as a real drag does (Playwright's mouse-driven dragTo does
 * not start a drag from a <button> in headless Chromium).
 */
async function dragAndDrop(source: Locator, target: Locator): Promise<void> {
  const transfer = await source.page().evaluateHandle(() => new DataTransfer())
  await source.dispatchEvent('dragstart', { dataTransfer: transfer })
  await target.dispatchEvent('dragenter', { dataTransfer: transfer })
  await target.dispatchEvent('dragover', { dataTransfer: transfer })
  await target.dispatchEvent('drop', { dataTransfer: transfer })
  await source.dispatchEvent('dragend', { dataTransfer: transfer })
}

/** Highlighted entities are painted with the CSS Custom Highlight API; this counts the ranges. */
async function highlighted(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const read = (name: string): string[] =>
      [...(CSS.highlights.get(name) ?? [])].map((range) => (range as Range).toString())
    return {
      hashtags: read('werkschau-hashtag'),
      mentions: read('werkschau-mention'),
      links: read('werkschau-link'),
    }
  })
}

test('writes a caption with live counters, an X version, photos with alt text, and gets it all back after a reload', async ({
  page,
  host,
}) => {
  await importPhotos(page, host.url)
  await goTo(page, '#/compose')
  await expect(
    page.getByRole('heading', { name: 'Write once, fit it to every network' }),
  ).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'empty posts list')

  await page.getByRole('button', { name: 'New post' }).click()
  await expect(captionInput(page)).toBeVisible()
  await page.getByRole('checkbox', { name: 'Instagram' }).check()

  // The main caption, with hashtags, a mention and a link: highlighted as the networks link them.
  const caption =
    'Neuer Ring aus 750er Gold #Goldschmiede #Häkeln für @anna.bsky.social 💍 https://example.com/shop/ring'
  await captionInput(page).click()
  await page.keyboard.type(caption)
  await expect(captionInput(page)).toHaveText(caption)
  expect(await highlighted(page)).toEqual({
    hashtags: ['#Goldschmiede', '#Häkeln'],
    mentions: ['@anna.bsky.social'],
    links: ['https://example.com/shop/ring'],
  })

  // Counters count as each network counts, and say so in words for screen readers.
  const xLength = (text: string): number => twitterText.parseTweet(text).weightedLength
  await expect(counter(page, 'x', 'xWeighted')).toContainText(`X: ${280 - xLength(caption)} left`)
  const graphemes = [...new Intl.Segmenter().segment(caption)].length
  await expect(counter(page, 'bluesky', 'graphemes')).toContainText(
    `Bluesky: ${300 - graphemes} left`,
  )
  await expect(counter(page, 'instagram', 'hashtags')).toContainText(
    'Instagram: 28 more hashtags allowed',
  )

  // Three lines more push X over its limit (emoji weigh 2 there) while Bluesky still has room.
  const more = `\nHandgeschmiedet, Einzelstück ${'✨'.repeat(20)}`
  await page.keyboard.type(more.repeat(3))
  const longCaption = caption + more.repeat(3)
  const xOver = xLength(longCaption) - 280
  expect(xOver).toBeGreaterThan(0)
  await expect(counter(page, 'x', 'xWeighted')).toContainText(`X: ${xOver} over the limit`)
  await expect(counter(page, 'bluesky', 'graphemes')).toContainText('left')

  // Queueing is refused, naming the network and by how much.
  await page.getByRole('button', { name: 'Add to queue' }).click()
  await expect(page.getByRole('alert')).toContainText(
    `X: the caption is ${xOver} characters too long.`,
  )

  // A shorter X version; the other networks keep following the main caption.
  await captionTab(page, /^X/).click()
  await page.getByRole('button', { name: 'Write a separate version for X' }).click()
  await captionInput(page).click()
  await page.keyboard.press('Control+a')
  const xVersion = 'Neuer Goldring 💍 #Goldschmiede https://example.com/shop/ring'
  await page.keyboard.type(xVersion)
  await expect(counter(page, 'x', 'xWeighted')).toContainText(`X: ${280 - xLength(xVersion)} left`)
  await captionTab(page, /^Main caption/).click()
  await captionInput(page).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' Danke!')
  await captionTab(page, /^Bluesky/).click()
  await expect(page.locator('.caption-tabs__panel')).toContainText('Danke!')
  await expect(captionTab(page, /^X/)).toContainText('own version')

  // Undo and paste: plain text only, whatever the clipboard carries.
  await captionTab(page, /^Main caption/).click()
  await captionInput(page).click()
  await page.keyboard.press('Control+End')
  // A pause first, so the typo is its own step in the history (typing merges within a second).
  await page.waitForTimeout(1_100)
  await page.keyboard.type(' Tippfehler')
  await page.keyboard.press('Control+z')
  await expect(captionInput(page)).not.toContainText('ippfehler')
  await expect(captionInput(page)).toContainText(/Danke!$/)
  await page.keyboard.press('Control+Shift+z')
  await expect(captionInput(page)).toContainText('Danke! Tippfehler')
  await page.keyboard.press('Control+z')
  await expect(captionInput(page)).toContainText(/Danke!$/)
  await captionInput(page).evaluate((element) => {
    const data = new DataTransfer()
    data.setData(
      'text/html',
      '<b style="color:red">fett</b> <a href="https://evil.example">Link</a>',
    )
    data.setData('text/plain', ' fett Link')
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
  })
  await expect(captionInput(page)).toContainText('Danke! fett Link')
  await expect(captionInput(page).locator('b, a, [style]')).toHaveCount(0)

  // Emoji from the picker land at the cursor.
  await page.getByRole('button', { name: 'Emoji' }).click()
  await page.getByRole('button', { name: 'ring', exact: true }).click()
  await expect(captionInput(page)).toContainText('Link💍')

  // Photos: two by button from the Library drawer, one by dragging it onto the post.
  await page.getByRole('button', { name: 'Add from Library' }).click()
  const drawer = page.getByRole('complementary', { name: 'Your Library' })
  const drawerPhotos = drawer.locator('.library-drawer__photo')
  await expect(drawerPhotos).toHaveCount(3)
  const ids = await drawerPhotos.evaluateAll((buttons) =>
    buttons.map((button) => button.getAttribute('data-photo-id') ?? ''),
  )
  await drawerPhotos.nth(0).click()
  await drawerPhotos.nth(1).click()
  await dragAndDrop(drawerPhotos.nth(2), page.getByTestId('post-photos-drop'))
  await expect(photoCards(page)).toHaveCount(3)
  const order = (): Promise<string[]> =>
    photoCards(page).evaluateAll((cards) =>
      cards.map((card) => card.getAttribute('data-photo-id') ?? ''),
    )
  expect(await order()).toEqual(ids)

  // Reorder by keyboard: Alt+→ moves the focused photo one place later.
  await photoCards(page).nth(0).focus()
  await page.keyboard.press('Alt+ArrowRight')
  expect(await order()).toEqual([ids[1], ids[0], ids[2]])
  await expect(page.getByText('Moved to position 2 of 3.')).toBeAttached()
  // … and by dragging: the last photo dropped on the first moves to the front.
  await dragAndDrop(photoCards(page).nth(2), photoCards(page).nth(0))
  expect(await order()).toEqual([ids[2], ids[1], ids[0]])

  // Alt text for two photos; the third is flagged as missing, and queueing asks first.
  await photoCards(page)
    .nth(0)
    .getByLabel('Alt text')
    .fill('Goldring mit Hammerschlag auf Eichenholz')
  await photoCards(page).nth(1).getByLabel('Alt text').fill('Drei Tassen aus Steinzeug')
  await expect(photoCards(page).nth(2)).toContainText('No alt text yet')
  await expectNoSeriousAxeViolations(page, 'composer with photos')

  // Previews: X's card shows the X version with the three rendered photos.
  const previews = page.locator('.preview-strip')
  await previews.getByRole('tab', { name: 'X', exact: true }).click()
  await expect(previews.getByRole('tabpanel')).toContainText('Neuer Goldring')
  await expect(previews.getByRole('tabpanel').locator('img')).toHaveCount(3)

  // Everything is on disk within a second of the last change …
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 5_000 })
  const expectedCaption = `${longCaption} Danke! fett Link💍`

  // … and comes back after a reload.
  await page.reload()
  await expect(captionInput(page)).toHaveText(expectedCaption.replace(/\n/g, ''), {
    timeout: 15_000,
  })
  expect(await captionInput(page).evaluate((element) => (element as HTMLElement).innerText)).toBe(
    expectedCaption,
  )
  await expect(page.getByRole('checkbox', { name: 'Instagram' })).toBeChecked()
  await captionTab(page, /^X/).click()
  await expect(captionInput(page)).toHaveText(xVersion)
  await expect(photoCards(page)).toHaveCount(3)
  expect(await order()).toEqual([ids[2], ids[1], ids[0]])
  await expect(photoCards(page).nth(0).getByLabel('Alt text')).toHaveValue(
    'Goldring mit Hammerschlag auf Eichenholz',
  )
  await expect(photoCards(page).nth(1).getByLabel('Alt text')).toHaveValue(
    'Drei Tassen aus Steinzeug',
  )
})

test('the posts list filters by status, network and text; duplicates, trashes with undo and restores', async ({
  page,
  host,
}) => {
  await page.goto(host.url)
  await goTo(page, '#/compose')
  const newPost = async (text: string, network: string): Promise<void> => {
    await page.getByRole('button', { name: 'New post' }).click()
    await captionInput(page).click()
    await page.keyboard.type(text)
    for (const name of ['Bluesky', 'Mastodon', 'Pinterest', 'X']) {
      await page.getByRole('checkbox', { name }).setChecked(name === network)
    }
    await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 5_000 })
    await page.getByRole('link', { name: /All posts/ }).click()
  }
  await newPost('Wollsocken #Stricken', 'Mastodon')
  await newPost('Teller aus Steinzeug', 'Bluesky')

  const rows = page.locator('.post-row')
  await expect(rows).toHaveCount(2)
  await page.getByLabel('Network').selectOption('mastodon')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Wollsocken')
  await page.getByLabel('Network').selectOption('')
  await page.getByLabel('Search').fill('steinzeug')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Teller aus Steinzeug')
  await page.getByLabel('Search').fill('')
  await expect(page.getByRole('button', { name: /^Drafts/ })).toContainText('2')
  await expect(page.getByRole('button', { name: /^Queued/ })).toContainText('0')

  await rows
    .filter({ hasText: 'Teller' })
    .getByRole('button', { name: /Duplicate/ })
    .click()
  await expect(captionInput(page)).toHaveText('Teller aus Steinzeug')
  await page.getByRole('link', { name: /All posts/ }).click()
  await expect(rows).toHaveCount(3)

  await rows
    .filter({ hasText: 'Wollsocken' })
    .getByRole('button', { name: /Move to trash/ })
    .click()
  await expect(rows).toHaveCount(2)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(rows).toHaveCount(3)
  await rows
    .filter({ hasText: 'Wollsocken' })
    .getByRole('button', { name: /Move to trash/ })
    .click()
  await page.getByRole('button', { name: /^Trash/ }).click()
  await expect(rows).toHaveCount(1)
  await rows
    .first()
    .getByRole('button', { name: /Restore/ })
    .click()
  await expect(page.getByText('The trash is empty.')).toBeVisible()
  await page.getByRole('button', { name: /^All/ }).click()
  await expect(rows).toHaveCount(3)
  await expectNoSeriousAxeViolations(page, 'posts list')
})

/** The post's document as main wrote it to the library, read straight from disk. */
function savedCaption(dataDir: string, postId: string): string | undefined {
  try {
    const document = JSON.parse(
      readFileSync(join(dataDir, 'Library', 'posts', `${postId}.json`), 'utf8'),
    ) as { caption: string }
    return document.caption
  } catch {
    return undefined
  }
}

test('autosaves within a second of typing stopping, and when the window closes', async ({
  page,
  host,
  context,
}) => {
  await page.goto(host.url)
  await goTo(page, '#/compose')
  await page.getByRole('button', { name: 'New post' }).click()
  await captionInput(page).click()
  const postId = (await page.evaluate(() => window.location.hash)).split('/').pop() ?? ''
  expect(postId).toMatch(/^[0-9a-f]{32}$/)

  await page.keyboard.type('Filzpantoffeln in Größe 38')
  const stopped = Date.now()
  await expect
    .poll(() => savedCaption(host.dataDir, postId), { intervals: [50] })
    .toBe('Filzpantoffeln in Größe 38')
  // The composer saves 0.6 s after the last keystroke (autosaveDelayMs); the bound leaves room for
  // a busy CI machine while still failing a composer that only saves on leaving.
  expect(Date.now() - stopped).toBeLessThan(2_000)

  // Typing and closing at once: the save goes out as the page goes away.
  await page.keyboard.type(', handgefilzt')
  await page.close({ runBeforeUnload: true })
  await expect
    .poll(() => savedCaption(host.dataDir, postId), { timeout: 5_000 })
    .toBe('Filzpantoffeln in Größe 38, handgefilzt')
  await context.close()
})
