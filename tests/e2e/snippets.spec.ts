import type { Locator, Page } from '@playwright/test'
import { expectNoSeriousAxeViolations } from './axe'
import { expect, test } from './browser-host'

// Each test walks through several dialogs, with an axe run after each: allow for a busy CI machine.
test.setTimeout(120_000)

/** Opens Compose and follows its link to one of the two snippet screens. */
async function openScreen(page: Page, url: string, link: 'Caption templates' | 'Hashtag sets') {
  await page.goto(url)
  await page.getByRole('navigation').getByRole('link', { name: 'Compose', exact: true }).click()
  await page.getByRole('link', { name: link, exact: true }).click()
  await expect(page.getByRole('heading', { level: 2, name: link })).toBeFocused()
}

const dialog = (page: Page, name: string | RegExp): Locator => page.getByRole('dialog', { name })

const rows = (page: Page, list: string): Locator =>
  page.getByRole('list', { name: list }).getByRole('listitem')

const rowNamed = (page: Page, list: string, name: string): Locator =>
  rows(page, list).filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) })

test('caption templates: create with variables, edit, reorder, delete with Undo; all kept after a reload', async ({
  page,
  host,
}) => {
  await openScreen(page, host.url, 'Caption templates')
  await expect(page.getByRole('heading', { name: 'No caption templates yet' })).toBeVisible()
  await expect(page).toHaveURL(/#\/compose\/templates$/)
  await expectNoSeriousAxeViolations(page, 'empty caption templates')

  // From the keyboard: the empty state's first step opens the dialog; Tab reaches every field.
  await page.getByRole('button', { name: 'New template' }).first().click()
  const create = dialog(page, 'New caption template')
  await expect(create).toBeVisible()
  await create.getByRole('button', { name: 'Save' }).click()
  await expect(create.getByText('Please give it a name.')).toBeVisible()
  await expect(create.getByLabel('Name')).toBeFocused()
  await page.keyboard.type('Neues Produkt')
  await page.keyboard.press('Tab')
  await expect(create.getByLabel('Template text')).toBeFocused()
  await page.keyboard.type('Neu: {product} für {price}. {{nicht}} ')
  const variables = create.getByRole('list', { name: 'Variables in this template' })
  await expect(variables.getByRole('listitem')).toHaveText(['{product}', '{price}'])
  // The quick buttons insert at the cursor and the list follows.
  await create.getByRole('button', { name: 'Insert {shop_link}' }).click()
  await expect(create.getByLabel('Template text')).toHaveValue(
    'Neu: {product} für {price}. {{nicht}} {shop_link}',
  )
  await expect(variables.getByRole('listitem')).toHaveText(['{product}', '{price}', '{shop_link}'])
  await expectNoSeriousAxeViolations(page, 'template dialog')
  await create.getByRole('button', { name: 'Save' }).click()
  await expect(create).toBeHidden()

  const list = 'Your caption templates'
  const first = rowNamed(page, list, 'Neues Produkt')
  await expect(first).toContainText('Neu: {product} für {price}. {{nicht}} {shop_link}')
  await expect(first).toContainText('3 variables')

  // A second one from the example; a name already in use is refused in words.
  await page.getByRole('button', { name: 'New template' }).click()
  const second = dialog(page, 'New caption template')
  await second.getByLabel('Name').fill('neues produkt')
  await second.getByLabel('Template text').fill('Frisch aus der Werkstatt: {product}')
  await second.getByRole('button', { name: 'Save' }).click()
  await expect(
    second.getByText('You already have a template called “Neues Produkt”.'),
  ).toBeVisible()
  await second.getByLabel('Name').fill('Werkstatt')
  await second.getByRole('button', { name: 'Save' }).click()
  await expect(second).toBeHidden()
  await expect(rows(page, list).getByRole('heading')).toHaveText(['Neues Produkt', 'Werkstatt'])

  // Rename and edit the text; the variable count follows.
  await page.getByRole('button', { name: 'Edit “Werkstatt”' }).click()
  const edit = dialog(page, 'Edit caption template')
  await expect(edit.getByLabel('Name')).toHaveValue('Werkstatt')
  await edit.getByLabel('Name').fill('Aus der Werkstatt')
  await edit.getByLabel('Template text').fill('Frisch aus der Werkstatt: {product} in {Größe}')
  await edit.getByRole('button', { name: 'Save' }).click()
  await expect(edit).toBeHidden()
  await expect(rowNamed(page, list, 'Aus der Werkstatt')).toContainText('2 variables')

  // Move up from the keyboard: focus stays on the moved row.
  const moveUp = page.getByRole('button', { name: 'Move “Aus der Werkstatt” up' })
  await moveUp.focus()
  await page.keyboard.press('Enter')
  await expect(rows(page, list).getByRole('heading')).toHaveText([
    'Aus der Werkstatt',
    'Neues Produkt',
  ])
  await expect(page.getByRole('button', { name: 'Move “Aus der Werkstatt” down' })).toBeFocused()

  // Delete, then Undo from the toast: back in its place.
  await page.getByRole('button', { name: 'Delete “Aus der Werkstatt”' }).click()
  await expect(page.getByRole('status')).toContainText(
    'The template “Aus der Werkstatt” was deleted.',
  )
  await expect(rows(page, list).getByRole('heading')).toHaveText(['Neues Produkt'])
  await expect(page.getByRole('button', { name: 'Edit “Neues Produkt”' })).toBeFocused()
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click()
  await expect(rows(page, list).getByRole('heading')).toHaveText([
    'Aus der Werkstatt',
    'Neues Produkt',
  ])
  await expectNoSeriousAxeViolations(page, 'caption templates list')

  await page.reload()
  await expect(page.getByRole('heading', { level: 2, name: 'Caption templates' })).toBeVisible()
  await expect(rows(page, list).getByRole('heading')).toHaveText([
    'Aus der Werkstatt',
    'Neues Produkt',
  ])
  await expect(rowNamed(page, list, 'Aus der Werkstatt')).toContainText(
    'Frisch aus der Werkstatt: {product} in {Größe}',
  )
})

test('hashtag sets: "Ring-Hashtags" with chips, refused tags explained, delete with Undo, kept after a reload', async ({
  page,
  host,
}) => {
  await openScreen(page, host.url, 'Hashtag sets')
  await expect(page.getByRole('heading', { name: 'No hashtag sets yet' })).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'empty hashtag sets')

  await page.getByRole('button', { name: 'New hashtag set' }).first().click()
  const create = dialog(page, 'New hashtag set')
  await create.getByLabel('Name').fill('Ring-Hashtags')
  const input = create.getByLabel('Add hashtags')
  await input.click()
  // Typing: Space and Enter make chips, the # is added, duplicates in any case are dropped.
  await page.keyboard.type('Goldschmiede ring #Ring ')
  await page.keyboard.type('#Häkeln')
  await page.keyboard.press('Enter')
  const chips = create.getByRole('list', { name: 'Hashtags' }).getByRole('listitem')
  await expect(chips).toHaveText(['#Goldschmiede×', '#ring×', '#Häkeln×'])
  // A tag a network would cut short is refused, with the reason, and left in the input to fix.
  await page.keyboard.type('gold-silber')
  await page.keyboard.press('Enter')
  await expect(
    create.getByText('“gold-silber” cannot be a hashtag: networks end a hashtag at “-”.'),
  ).toBeVisible()
  await expect(input).toHaveValue('gold-silber')
  await expect(input).toHaveAttribute('aria-invalid', 'true')
  await input.fill('')
  // Pasting several at once.
  await input.fill('#Schmuck, #Unikat #handmade')
  await page.keyboard.press('Enter')
  await expect(chips).toHaveText([
    '#Goldschmiede×',
    '#ring×',
    '#Häkeln×',
    '#Schmuck×',
    '#Unikat×',
    '#handmade×',
  ])
  await create.getByRole('button', { name: 'Remove #ring' }).click()
  await expect(create.getByRole('button', { name: 'Remove #Häkeln' })).toBeFocused()
  await expect(create).toContainText('5 hashtags')
  await expectNoSeriousAxeViolations(page, 'hashtag set dialog')
  await create.getByRole('button', { name: 'Save' }).click()
  await expect(create).toBeHidden()

  const list = 'Your hashtag sets'
  const ring = rowNamed(page, list, 'Ring-Hashtags')
  await expect(ring).toContainText('#Goldschmiede #Häkeln #Schmuck #Unikat #handmade')

  // The example set starts a second one; edit the first.
  await page.getByRole('button', { name: 'New hashtag set' }).click()
  const example = dialog(page, 'New hashtag set')
  await example.getByLabel('Name').fill('Markt')
  await example.getByLabel('Add hashtags').fill('#Wochenmarkt')
  // Save takes what is still in the input, as if Enter had been pressed.
  await example.getByRole('button', { name: 'Save' }).click()
  await expect(example).toBeHidden()
  await expect(rowNamed(page, list, 'Markt')).toContainText('#Wochenmarkt')

  await page.getByRole('button', { name: 'Edit “Ring-Hashtags”' }).click()
  const edit = dialog(page, 'Edit hashtag set')
  await edit.getByRole('button', { name: 'Remove #Unikat' }).click()
  await edit.getByLabel('Add hashtags').fill('Goldring')
  await edit.getByLabel('Add hashtags').press('Enter')
  await edit.getByRole('button', { name: 'Save' }).click()
  await expect(edit).toBeHidden()
  await expect(ring).toContainText('#Goldschmiede #Häkeln #Schmuck #handmade #Goldring')

  await page.getByRole('button', { name: 'Delete “Ring-Hashtags”' }).click()
  await expect(rows(page, list).getByRole('heading')).toHaveText(['Markt'])
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click()
  await expect(rows(page, list).getByRole('heading')).toHaveText(['Ring-Hashtags', 'Markt'])

  await page.reload()
  await expect(page.getByRole('heading', { level: 2, name: 'Hashtag sets' })).toBeVisible()
  await expect(rows(page, list).getByRole('heading')).toHaveText(['Ring-Hashtags', 'Markt'])
  await expect(ring).toContainText('#Goldschmiede #Häkeln #Schmuck #handmade #Goldring')
  await expectNoSeriousAxeViolations(page, 'hashtag sets list')
})

test('both screens speak German and stay accessible, empty and full', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click()
  await page.getByLabel('Language').selectOption('de')
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible()

  // Straight to the address: a section change puts focus on the section's heading (Frame).
  await page.evaluate(() => (window.location.hash = '#/compose/templates'))
  await expect(page.getByRole('heading', { level: 2, name: 'Textvorlagen' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Noch keine Textvorlagen' })).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'empty templates, German')
  await page.getByRole('button', { name: 'Mit einem Beispiel beginnen' }).click()
  const example = dialog(page, 'Neue Textvorlage')
  await expect(example.getByLabel('Name')).toHaveValue('Neues Produkt')
  await expect(
    example.getByRole('list', { name: 'Variablen in dieser Vorlage' }).getByRole('listitem'),
  ).toHaveText(['{produkt}', '{material}', '{preis}', '{shop_link}'])
  await expectNoSeriousAxeViolations(page, 'template dialog, German')
  await example.getByRole('button', { name: 'Speichern' }).click()
  await expect(example).toBeHidden()
  await expect(rows(page, 'Deine Textvorlagen')).toContainText(['4 Variablen'])
  await expectNoSeriousAxeViolations(page, 'templates list, German')

  await page.getByRole('link', { name: 'Zurück zu Verfassen' }).click()
  await page.getByRole('link', { name: 'Hashtag-Sets', exact: true }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Hashtag-Sets' })).toBeFocused()
  await expectNoSeriousAxeViolations(page, 'empty hashtag sets, German')
  await page.getByRole('button', { name: 'Mit einem Beispiel beginnen' }).click()
  const set = dialog(page, 'Neues Hashtag-Set')
  await set.getByLabel('Hashtags hinzufügen').fill('Ring-Hashtags')
  await set.getByLabel('Hashtags hinzufügen').press('Enter')
  await expect(
    set.getByText(
      '„Ring-Hashtags“ kann kein Hashtag sein: Netzwerke beenden einen Hashtag bei „-“.',
    ),
  ).toBeVisible()
  await expectNoSeriousAxeViolations(page, 'hashtag set dialog, German')
  await set.getByLabel('Hashtags hinzufügen').fill('')
  await set.getByRole('button', { name: 'Speichern' }).click()
  await expect(set).toBeHidden()
  await expect(rows(page, 'Deine Hashtag-Sets')).toContainText(['#handgemacht #handmade'])
  await page.getByRole('button', { name: '„Handgemacht“ löschen' }).click()
  await expect(page.getByRole('status')).toContainText(
    'Das Hashtag-Set „Handgemacht“ wurde gelöscht.',
  )
  await expect(page.getByRole('button', { name: 'Neues Hashtag-Set' }).nth(1)).toBeFocused()
  await expectNoSeriousAxeViolations(page, 'hashtag sets after delete, German')
})

test('the composer inserts a filled-in template at the cursor and a hashtag set at the end', async ({
  page,
  host,
}) => {
  // One template and one set, made on their screens.
  await openScreen(page, host.url, 'Caption templates')
  await page.getByRole('button', { name: 'New template' }).first().click()
  const template = dialog(page, 'New caption template')
  await template.getByLabel('Name').fill('Ring')
  await template.getByLabel('Template text').fill('Neu: {product} für {price}.')
  await template.getByRole('button', { name: 'Save' }).click()
  await expect(template).toBeHidden()
  await page.evaluate(() => (window.location.hash = '#/compose/hashtags'))
  await page.getByRole('button', { name: 'New hashtag set' }).first().click()
  const set = dialog(page, 'New hashtag set')
  await set.getByLabel('Name').fill('Ring-Hashtags')
  await set.getByLabel('Add hashtags').fill('#Goldschmiede #Ring')
  await set.getByRole('button', { name: 'Save' }).click()
  await expect(set).toBeHidden()

  await page.getByRole('link', { name: 'Back to Compose' }).click()
  await page.getByRole('button', { name: 'New post' }).click()
  const caption = page.getByTestId('caption-input')
  await caption.click()
  await page.keyboard.type('Hallo  Tschüss')
  for (let i = 0; i < ' Tschüss'.length; i++) await page.keyboard.press('ArrowLeft')

  // Template: fill one variable, leave the other; Enter in a field inserts.
  await page.getByRole('button', { name: 'Template…' }).click()
  const picker = dialog(page, 'Insert a caption template')
  await expect(picker.getByRole('radio', { name: 'Ring' })).toBeChecked()
  await picker.getByRole('textbox', { name: '{product}' }).fill('Ring „Welle“')
  await expect(picker.getByText('Neu: Ring „Welle“ für {price}.')).toBeVisible()
  await expect(picker).toContainText('Still to fill in: {price}.')
  await expect(picker.getByRole('radio', { name: 'At the cursor' })).toBeChecked()
  await expectNoSeriousAxeViolations(page, 'template picker')
  await picker.getByRole('textbox', { name: '{product}' }).press('Enter')
  await expect(picker).toBeHidden()
  await expect(caption).toHaveText('Hallo Neu: Ring „Welle“ für {price}. Tschüss')
  // Focus is back in the caption, at the end of what was inserted.
  await expect(caption).toBeFocused()
  await page.keyboard.type('!')
  await expect(caption).toHaveText('Hallo Neu: Ring „Welle“ für {price}.! Tschüss')

  // The picker offers the value {product} had last time; Escape closes it without inserting.
  await page.getByRole('button', { name: 'Template…' }).click()
  await expect(picker.getByRole('textbox', { name: '{product}' })).toHaveValue('Ring „Welle“')
  await page.keyboard.press('Escape')
  await expect(picker).toBeHidden()
  await expect(page.getByRole('button', { name: 'Template…' })).toBeFocused()
  await expect(caption).toHaveText('Hallo Neu: Ring „Welle“ für {price}.! Tschüss')

  // Hashtag set: appended on a line of its own, from the keyboard (the dialog opens on the sets).
  await page.getByRole('button', { name: 'Hashtags…' }).click()
  const hashtags = dialog(page, 'Insert a hashtag set')
  await expect(hashtags.getByRole('radio', { name: 'Ring-Hashtags' })).toBeChecked()
  await expect(hashtags.getByRole('radio', { name: 'Ring-Hashtags' })).toBeFocused()
  await expect(hashtags.getByRole('radio', { name: 'At the end of the caption' })).toBeChecked()
  await expectNoSeriousAxeViolations(page, 'hashtag set picker')
  await page.keyboard.press('Enter')
  await expect(hashtags).toBeHidden()
  await expect(caption).toBeFocused()
  await expect
    .poll(() => caption.evaluate((element) => (element as HTMLElement).innerText))
    .toBe('Hallo Neu: Ring „Welle“ für {price}.! Tschüss\n\n#Goldschmiede #Ring')

  // The composer saves what was inserted like anything typed.
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 5_000 })
  await page.reload()
  await expect
    .poll(() =>
      page.getByTestId('caption-input').evaluate((element) => (element as HTMLElement).innerText),
    )
    .toBe('Hallo Neu: Ring „Welle“ für {price}.! Tschüss\n\n#Goldschmiede #Ring')
})
