/** Strings on which counters disagree, each with a name for the test title. */
export const corpus: ReadonlyArray<readonly [name: string, text: string]> = [
  ['empty', ''],
  ['ASCII', 'Neuer Ring aus Gold'],
  ['German umlauts', 'Häkeln für Anfänger: Größe ß'],
  ['family emoji (ZWJ sequence)', '👨‍👩‍👧‍👦'],
  ['flag emoji (regional indicators)', '🇩🇪'],
  ['skin tone modifier', '👍🏽'],
  ['keycap', '1️⃣'],
  ['combining accent (NFD)', 'Cafe\u0301'],
  ['precomposed accent (NFC)', 'Caf\u00e9'],
  ['CJK', '手作りの指輪'],
  ['Korean Hangul', '반지'],
  ['URL with scheme', 'Shop: https://example.com/a/very/long/path'],
  ['URL without scheme', 'Shop: example.com/shop'],
  ['local mention', 'Danke @anna!'],
  ['fediverse mention', 'Danke @anna@social.example!'],
  ['Bluesky handle', 'Danke @name.bsky.social!'],
  ['Unicode hashtag', 'Neu im Shop #Häkeln #Goldschmiede'],
  [
    'everything at once',
    'Ring 💍 für 👨‍👩‍👧‍👦 🇩🇪 👍🏽 Cafe\u0301 手作り #Häkeln @anna@social.example https://example.com/shop example.com/x',
  ],
]
