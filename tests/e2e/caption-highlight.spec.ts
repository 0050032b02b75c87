import type { Page } from '@playwright/test'
import { expect, test } from './browser-host'

/**
 * The caption editor repaints entity highlights only in the paragraphs a change touched (see
 * EntityHighlightPlugin). Editing, splitting, joining and undoing across paragraphs must still
 * leave exactly the entities of the text on screen highlighted, each once.
 */

async function highlighted(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const read = (name: string): string[] =>
      [...(CSS.highlights.get(name) ?? [])].map((range) => (range as Range).toString()).sort()
    return {
      hashtags: read('werkschau-hashtag'),
      mentions: read('werkschau-mention'),
      links: read('werkschau-link'),
    }
  })
}

test('highlights follow edits in one paragraph, across paragraphs and through undo', async ({
  page,
  host,
}) => {
  await page.goto(host.url)
  await page.evaluate(() => (window.location.hash = '#/compose'))
  await page.getByRole('button', { name: 'New post' }).click()
  const input = page.getByTestId('caption-input')
  await input.click()
  await page.keyboard.type('Neu #Ring für @anna\nShop: https://example.com/a #Gold')
  await expect(input).toHaveText(/#Gold$/)
  expect(await highlighted(page)).toEqual({
    hashtags: ['#Gold', '#Ring'],
    mentions: ['@anna'],
    links: ['https://example.com/a'],
  })

  // Typing in the first paragraph: its entities change, the second paragraph's stay painted.
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('End')
  await page.keyboard.type('.bsky.social #Silber')
  await expect
    .poll(() => highlighted(page))
    .toEqual({
      hashtags: ['#Gold', '#Ring', '#Silber'],
      mentions: ['@anna.bsky.social'],
      links: ['https://example.com/a'],
    })

  // Joining the paragraphs (Delete at the end of the first) joins #Silber and "Shop:" into one
  // tag; splitting them again parts it.
  await page.keyboard.press('Delete')
  await expect
    .poll(() => highlighted(page))
    .toEqual({
      hashtags: ['#Gold', '#Ring', '#SilberShop'],
      mentions: ['@anna.bsky.social'],
      links: ['https://example.com/a'],
    })
  await page.keyboard.press('Enter')
  await page.keyboard.type('#Neu ')
  await expect
    .poll(() => highlighted(page))
    .toEqual({
      hashtags: ['#Gold', '#Neu', '#Ring', '#Silber'],
      mentions: ['@anna.bsky.social'],
      links: ['https://example.com/a'],
    })

  // Undo back to before the split: the highlights go back with the text.
  for (let step = 0; step < 10; step++) {
    if (!(await input.textContent())?.includes('#Neu')) break
    await page.keyboard.press('Control+z')
  }
  await expect(input).not.toContainText('#Neu')
  const text = (await input.innerText()).replace(/\n+/g, '\n')
  const expectedTags = ['#Gold', '#Ring', '#Silber'].filter((tag) => text.includes(tag))
  await expect.poll(async () => (await highlighted(page)).hashtags).toEqual(expectedTags.sort())

  // Deleting everything leaves nothing painted.
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Backspace')
  await expect.poll(() => highlighted(page)).toEqual({ hashtags: [], mentions: [], links: [] })
})
