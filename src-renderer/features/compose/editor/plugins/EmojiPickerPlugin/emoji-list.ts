/**
 * The emoji a maker reaches for most, with names in both app languages for search and screen
 * readers. A short curated list beats the full Unicode set here: it opens instantly, and the
 * system's own emoji panel (Win+. / Ctrl+Cmd+Space) remains there for everything else.
 */
export interface EmojiEntry {
  emoji: string
  en: string
  de: string
}

const entries: [string, string, string][] = [
  ['✨', 'sparkles', 'Funkeln'],
  ['❤️', 'red heart', 'rotes Herz'],
  ['🧡', 'orange heart', 'oranges Herz'],
  ['💛', 'yellow heart', 'gelbes Herz'],
  ['💚', 'green heart', 'grünes Herz'],
  ['💙', 'blue heart', 'blaues Herz'],
  ['🤍', 'white heart', 'weißes Herz'],
  ['😊', 'smiling face', 'lächelndes Gesicht'],
  ['😍', 'heart eyes', 'Herzaugen'],
  ['🥰', 'smiling face with hearts', 'lächelndes Gesicht mit Herzen'],
  ['🙌', 'raised hands', 'erhobene Hände'],
  ['👏', 'clapping hands', 'klatschende Hände'],
  ['🙏', 'thank you', 'danke'],
  ['👋', 'waving hand', 'winkende Hand'],
  ['💪', 'flexed biceps', 'Bizeps'],
  ['🎉', 'party popper', 'Konfetti'],
  ['🎁', 'gift', 'Geschenk'],
  ['🛍️', 'shopping bags', 'Einkaufstüten'],
  ['🏷️', 'price tag', 'Preisschild'],
  ['📦', 'package', 'Paket'],
  ['🚚', 'delivery', 'Lieferung'],
  ['🆕', 'new', 'neu'],
  ['🔥', 'fire', 'Feuer'],
  ['⭐', 'star', 'Stern'],
  ['📸', 'camera with flash', 'Kamera mit Blitz'],
  ['🧶', 'yarn', 'Wolle'],
  ['🧵', 'thread', 'Faden'],
  ['🪡', 'sewing needle', 'Nähnadel'],
  ['✂️', 'scissors', 'Schere'],
  ['🪢', 'knot', 'Knoten'],
  ['🧺', 'basket', 'Korb'],
  ['🏺', 'amphora', 'Amphore'],
  ['🍵', 'teacup', 'Teetasse'],
  ['☕', 'hot beverage', 'Heißgetränk'],
  ['💍', 'ring', 'Ring'],
  ['💎', 'gem stone', 'Edelstein'],
  ['📿', 'prayer beads', 'Perlenkette'],
  ['🪵', 'wood', 'Holz'],
  ['🪚', 'carpentry saw', 'Säge'],
  ['🔨', 'hammer', 'Hammer'],
  ['🛠️', 'tools', 'Werkzeug'],
  ['🎨', 'artist palette', 'Farbpalette'],
  ['🖌️', 'paintbrush', 'Pinsel'],
  ['🖼️', 'framed picture', 'gerahmtes Bild'],
  ['🕯️', 'candle', 'Kerze'],
  ['🧼', 'soap', 'Seife'],
  ['🌿', 'herb', 'Kräuter'],
  ['🌸', 'cherry blossom', 'Kirschblüte'],
  ['🌻', 'sunflower', 'Sonnenblume'],
  ['🍂', 'fallen leaves', 'Herbstlaub'],
  ['❄️', 'snowflake', 'Schneeflocke'],
  ['🎄', 'christmas tree', 'Weihnachtsbaum'],
  ['🐑', 'sheep', 'Schaf'],
  ['👉', 'pointing right', 'Zeigefinger nach rechts'],
  ['👇', 'pointing down', 'Zeigefinger nach unten'],
  ['🔗', 'link', 'Link'],
  ['📍', 'pin', 'Stecknadel'],
  ['✅', 'check mark', 'Häkchen'],
]

export const emojiList: readonly EmojiEntry[] = entries.map(([emoji, en, de]) => ({
  emoji,
  en,
  de,
}))
