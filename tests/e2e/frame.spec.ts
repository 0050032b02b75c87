import { expectNoSeriousAxeViolations } from './axe'
import { expect, test } from './browser-host'

const sections = [
  { en: 'Library', de: 'Bibliothek' },
  { en: 'Compose', de: 'Verfassen' },
  { en: 'Outbox', de: 'Postausgang' },
  { en: 'Accounts', de: 'Konten' },
  { en: 'Settings', de: 'Einstellungen' },
]

test('visits every section, each with its heading and an empty state, with no serious axe violations', async ({
  page,
  host,
}) => {
  await page.goto(host.url)
  const nav = page.getByRole('navigation')
  for (const section of sections) {
    await nav.getByRole('link', { name: section.en, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: section.en })).toBeVisible()
    await expect(nav.getByRole('link', { name: section.en, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    )
    await expectNoSeriousAxeViolations(page, `${section.en}, light`)
  }
  await expect(page).not.toHaveURL(/token=/)
})

test('switches to German, and German is still set after a reload', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click()
  await page.getByLabel('Language').selectOption('de')
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible()
  await expect(page.getByLabel('Sprache')).toHaveValue('de')
  const nav = page.getByRole('navigation')
  for (const section of sections) {
    await nav.getByRole('link', { name: section.de, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: section.de })).toBeVisible()
    await expectNoSeriousAxeViolations(page, `${section.de}, German`)
  }
})

test('follows the OS language when the setting is "system"', async ({ browser, host }) => {
  const context = await browser.newContext({ locale: 'de-DE' })
  const page = await context.newPage()
  await page.goto(host.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Bibliothek' })).toBeVisible()
  await context.close()
})

test('follows the OS theme, and a manual choice overrides it and persists', async ({
  browser,
  host,
}) => {
  const context = await browser.newContext({ colorScheme: 'dark', locale: 'en-US' })
  const page = await context.newPage()
  await page.goto(host.url)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expectNoSeriousAxeViolations(page, 'Library, dark')

  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click()
  await expectNoSeriousAxeViolations(page, 'Settings, dark')
  await page.getByRole('radio', { name: 'Light' }).check()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked()
  await context.close()
})

test('is fully usable from the keyboard', async ({ page, host }) => {
  await page.goto(host.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: /skip to content/i })).toBeFocused()

  // Tab to the Settings link and open it with Enter; focus moves to the new heading.
  const settingsLink = page
    .getByRole('navigation')
    .getByRole('link', { name: 'Settings', exact: true })
  for (
    let presses = 0;
    presses < 12 && !(await settingsLink.evaluate((link) => link === document.activeElement));
    presses++
  ) {
    await page.keyboard.press('Tab')
  }
  await expect(settingsLink).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused()

  // Change the language with the keyboard alone.
  const language = page.getByLabel('Language')
  await language.focus()
  await language.selectOption('de')
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible()

  await page.keyboard.press('Alt+2')
  await expect(page.getByRole('heading', { level: 1, name: 'Verfassen' })).toBeFocused()
})

test('shows the app version and the browser host in Settings', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click()
  await expect(page.getByText('Browser host')).toBeVisible()
  await expect(page.getByText(/\d+\.\d+\.\d+/)).toBeVisible()
})

test('without the launch token the page explains where to find the address, and the API refuses', async ({
  page,
  host,
}) => {
  const origin = new URL(host.url).origin
  await page.goto(`${origin}/`)
  await expect(page.getByText(/printed/i)).toBeVisible()
  const status = await page.evaluate(async () => {
    const response = await fetch('/api/settings.get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
    return response.status
  })
  expect(status).toBe(401)
})
