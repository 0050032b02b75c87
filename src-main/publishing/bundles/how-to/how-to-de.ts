import type { NetworkId } from '../../../../src-shared/platforms/networks'
import { fileList, type HowToBook, type HowToFacts } from './how-to'

/*
 * Deutsche Schritte je Netzwerk (per "du", wie die App), mit den Namen, die die deutschen Apps
 * der Netzwerke verwenden. Wie im Englischen: was zu suchen ist, nicht wo genau zu tippen.
 */

const toPhone = (website: string): string =>
  `Bring die Fotos auf dein Handy (AirDrop, Kabel oder ein Cloud-Ordner) oder öffne ${website} am Computer.`
const paste = (field: string): string =>
  `Öffne caption.txt, kopiere den ganzen Text und füge ihn als ${field} ein.`
const altText = (where: string): string =>
  `Alternativtext: ${where} und füge die Zeile des Fotos aus alt-text.txt ein (ohne die Nummer).`
/** Ein Schritt, der mit der Liste der Fotodateien endet; `sentence` endet mit dem Doppelpunkt. */
const inOrder = (facts: HowToFacts, sentence: string): string =>
  `${sentence}${fileList(facts.images)}`
/** Schritte zu Fotos, für Netzwerke, die auch Beiträge ohne Foto nehmen. */
const ifPhotos = (facts: HowToFacts, ...steps: string[]): string[] =>
  facts.images.length > 0 ? steps : []

const visibilities: Record<string, string> = {
  public: 'Öffentlich',
  unlisted: 'Öffentlich (still)',
  private: 'Nur für Follower',
  direct: 'Nur erwähnte Profile',
}

const steps: Record<NetworkId, (facts: HowToFacts) => string[]> = {
  instagram: (facts) => [
    toPhone('instagram.com'),
    'Öffne Instagram und tippe auf + (Erstellen), dann auf Beitrag.',
    inOrder(
      facts,
      'Wähle die Fotos in dieser Reihenfolge (tippe auf „Auswählen“, um mehrere zu wählen):',
    ),
    'Sie sind schon passend zugeschnitten: Zeigt Instagram sie quadratisch, tippe unten links auf das Symbol zum Erweitern, damit nichts abgeschnitten wird. Tippe auf Weiter.',
    paste('Bildunterschrift'),
    altText('tippe auf Erweiterte Einstellungen → Barrierefreiheit → Alternativtext schreiben'),
    'Tippe auf Teilen.',
  ],
  threads: (facts) => [
    ...ifPhotos(facts, toPhone('threads.net')),
    'Öffne Threads und beginne einen neuen Thread.',
    paste('Text des Threads'),
    ...ifPhotos(
      facts,
      inOrder(facts, 'Tippe auf das Foto-Symbol und füge die Fotos in dieser Reihenfolge hinzu:'),
      altText('tippe bei jedem Foto auf „Alt“'),
    ),
    'Tippe auf Posten.',
  ],
  facebook: (facts) => [
    'Öffne deine Facebook-Seite in der App oder auf facebook.com und erstelle einen Beitrag.',
    ...ifPhotos(
      facts,
      inOrder(facts, 'Wähle Foto/Video und füge die Fotos in dieser Reihenfolge hinzu:'),
    ),
    paste('Text des Beitrags'),
    ...ifPhotos(facts, altText('wähle bei jedem Foto Bearbeiten, dann Alternativtext')),
    'Tippe auf Posten.',
  ],
  etsy: (facts) => [
    'Öffne den Shop-Manager auf etsy.com → Angebote und öffne das Angebot (oder Angebot hinzufügen).',
    `${inOrder(facts, 'Lade unter Fotos die Fotos in dieser Reihenfolge hoch:')}\n   Das erste Foto ist das Vorschaubild: Etsy zeigt es in deinem Shop und in der Suche quadratisch. Prüfe den quadratischen Ausschnitt, wenn Etsy danach fragt.`,
    paste('Beschreibung'),
    altText('öffne bei jedem Foto das Feld für den Alternativtext (bis 500 Zeichen)'),
    'Speichere das Angebot, oder veröffentliche es, wenn es neu ist.',
  ],
  bluesky: (facts) => [
    'Öffne Bluesky (die App oder bsky.app) und beginne einen neuen Post.',
    paste('Text des Posts'),
    ...ifPhotos(
      facts,
      inOrder(facts, 'Füge die Fotos in dieser Reihenfolge hinzu:'),
      altText('tippe bei jedem Foto auf „ALT“'),
    ),
    'Tippe auf Posten.',
  ],
  mastodon: (facts) => {
    const { contentWarning, visibility } = facts.mastodon ?? {}
    return [
      'Öffne deinen Mastodon-Server (die App oder seine Website) und beginne einen neuen Beitrag.',
      paste('Text des Beitrags'),
      ...(contentWarning
        ? [`Schalte die Inhaltswarnung (CW) ein und schreibe: ${contentWarning}`]
        : []),
      ...ifPhotos(
        facts,
        inOrder(facts, 'Füge die Fotos in dieser Reihenfolge hinzu:'),
        altText('wähle bei jedem Foto Bearbeiten (oder Beschreibung hinzufügen)'),
      ),
      ...(visibility
        ? [`Stelle ein, wer es sehen kann: ${visibilities[visibility] ?? visibility}.`]
        : []),
      'Tippe auf Veröffentlichen.',
    ]
  },
  pinterest: (facts) => [
    'Öffne Pinterest (die App oder pinterest.com) und erstelle einen Pin.',
    facts.images.length > 1
      ? inOrder(
          facts,
          'Lade die Fotos in dieser Reihenfolge hoch (2 bis 5 gleich große Fotos werden ein Karussell):',
        )
      : inOrder(facts, 'Lade das Foto hoch:'),
    ...(facts.pinterest?.title ? [`Titel: ${facts.pinterest.title}`] : []),
    paste('Beschreibung'),
    ...(facts.pinterest?.link ? [`Link: ${facts.pinterest.link}`] : []),
    altText('suche Alternativtext unter Weitere Optionen'),
    'Wähle eine Pinnwand und tippe auf Veröffentlichen.',
  ],
  x: (facts) => [
    'Öffne X (die App oder x.com) und beginne einen neuen Post.',
    paste('Text des Posts'),
    ...ifPhotos(
      facts,
      inOrder(facts, 'Füge die Fotos in dieser Reihenfolge hinzu:'),
      altText('wähle bei jedem Foto „+Alt“'),
    ),
    'Tippe auf Posten.',
  ],
}

export const howToDe: HowToBook = {
  title: (facts) => `So postest du das auf ${facts.name}`,
  intro: (facts) =>
    facts.images.length > 0
      ? `Die Fotos in diesem Ordner sind fertig für ${facts.name}: passend zugeschnitten und verkleinert, ohne Orts- und Kameradaten.`
      : `Dieser Beitrag hat keine Fotos: Nur der Text geht auf ${facts.name}.`,
  steps: (facts) => steps[facts.network](facts),
  leftOut: (facts) =>
    `${facts.name} nimmt höchstens ${facts.maxImages} Fotos, deshalb sind nur die ersten ${facts.maxImages} der ${facts.maxImages + facts.leftOut} Fotos dieses Beitrags hier.`,
  connectHint: (facts) =>
    `Tipp: Verbinde dein ${facts.name}-Konto in Werkschau unter Konten, dann postet Werkschau es für dich.`,
  noAltText: '(noch kein Alternativtext)',
}
