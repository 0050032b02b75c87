/**
 * What the editor benchmark writes: a long caption as a crafter posts it (German and English,
 * hashtags, mentions in every form the counters know, links with and without a scheme, emoji
 * including a ZWJ family and a flag), and the text typed on top of it key by key.
 */

const paragraphs = [
  'Neu in der Werkstatt: handgewebte Tischläufer aus Leinen 🧵✨ Jeder Läufer entsteht auf meinem ' +
    'alten Webstuhl aus den 60ern, Schuss für Schuss, mit Garn aus einer kleinen Spinnerei in der ' +
    'Lausitz. Die Farben sind mit Pflanzen gefärbt: Krapp für das warme Rot, Reseda für das Gelb ' +
    'und Indigo für die blauen Streifen. Kein Läufer gleicht dem anderen, kleine Unregelmäßigkeiten ' +
    'gehören dazu und zeigen, dass hier ein Mensch gearbeitet hat und keine Maschine.',
  'New in the studio: hand-woven linen table runners 🧵 Each one is woven on my old 1960s loom, ' +
    'pick by pick, with yarn from a small mill in Lusatia. The colours come from plants: madder ' +
    'for the warm red, weld for the yellow and indigo for the blue stripes. No two runners are ' +
    'the same, and the small irregularities are part of the charm 💛',
  'Maße: ca. 40 × 150 cm, Fransen von Hand geknotet. Pflege: bei 30 °C im Wollprogramm waschen, ' +
    'liegend trocknen, feucht bügeln. Preis: 89 € inkl. MwSt., Versand innerhalb Deutschlands ' +
    'kostenlos 📦 Lieferzeit: ein bis drei Werktage. Alle Läufer findest du im Shop: https://www.wollwerk-lausitz.de/shop/tischlaeufer ' +
    'und auf Etsy unter etsy.com/shop/WollwerkLausitz 🔗',
  'Ein großes Danke an @spinnerei.lausitz.bsky.social für das wunderbare Garn und an ' +
    '@anna_webt@mastodon.social für die Tipps zum Pflanzenfärben 🙏 Die Fotos hat meine Familie ' +
    '👨‍👩‍👧 am Wochenende im Garten gemacht, das Licht war einfach perfekt 🌿 Gewebt und fotografiert ' +
    'in Deutschland 🇩🇪',
  'Fragen zu Farben, Maßen oder Sonderanfertigungen? Schreib mir gern eine Nachricht oder komm ' +
    'am Samstag auf den Kunsthandwerkermarkt in Görlitz, Stand 14, direkt neben der Töpferei von ' +
    '@toepferei_rosa. Details zum Markt: https://kunsthandwerk-goerlitz.example/markt-2025?stand=14 ' +
    'Ich freue mich auf euch! 😊',
  '#Weberei #Handweben #Tischläufer #Leinen #Pflanzenfarben #Naturfarben #Handmade ' +
    '#MadeInGermany #Kunsthandwerk #Handgemacht #Webstuhl #SlowMade #Wohnen #Tischdeko ' +
    '#Lausitz #Görlitz #handwoven #weaving #naturaldye #linen #slowliving #makersgonnamake ' +
    '#Wollwerk',
]

/** The caption pasted into the editor before typing: exactly `captionLength` graphemes. */
export const captionLength = 2000

export function graphemes(text: string): string[] {
  return [...new Intl.Segmenter('de', { granularity: 'grapheme' }).segment(text)].map(
    (part) => part.segment,
  )
}

/** Checked, so that an edit to the text above never quietly measures a different length. */
function buildCaption(): string {
  const text = paragraphs.join('\n\n')
  const length = graphemes(text).length
  if (length !== captionLength)
    throw new Error(`The benchmark caption has ${length} graphemes, not ${captionLength}.`)
  return text
}

export const caption = buildCaption()

/**
 * Typed key by key after the caption, repeated as needed: mostly letters and spaces as people
 * type, a hashtag and a mention that grow key by key (the highlighter re-finds them), umlauts
 * (typed as text, as a German layout's keys produce them) and a line break.
 */
const typedSource =
  ' Update: die ersten drei Läufer sind schon verkauft, danke euch! Nachschub kommt am Freitag ' +
  'mit neuen Farben #Indigo #Krapp und einem Muster von @anna_webt@mastodon.social.\n' +
  'Next batch ships Friday, see https://www.wollwerk-lausitz.de/shop for sizes.'

export function typedText(keys: number): string {
  let text = ''
  while (text.length < keys) text += typedSource
  return text.slice(0, keys)
}
