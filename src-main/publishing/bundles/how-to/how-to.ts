import type { NetworkId } from '../../../../src-shared/platforms/networks'
import type { BundleLanguage } from '../../../../src-shared/publishing/bundles-contract'
import { howToDe } from './how-to-de'
import { howToEn } from './how-to-en'

/** What the how-to of one bundle is about; each language turns it into steps. */
export interface HowToFacts {
  network: NetworkId
  /** The brand name (`Instagram`). */
  name: string
  /** The photo files in the order they must be chosen. */
  images: readonly string[]
  /** Photos of the post beyond what the network takes, left out of the folder. */
  leftOut: number
  maxImages: number
  pinterest?: { title?: string | undefined; link?: string | undefined }
  mastodon?: { contentWarning?: string | undefined; visibility?: string | undefined }
  /** Bluesky, Mastodon, Pinterest, X: Werkschau could post it once an account is connected. */
  canConnect: boolean
}

/** One language's texts for the how-to and the alt-text file. */
export interface HowToBook {
  title(facts: HowToFacts): string
  intro(facts: HowToFacts): string
  /** The numbered steps; a step may run over several lines. */
  steps(facts: HowToFacts): string[]
  leftOut(facts: HowToFacts): string
  connectHint(facts: HowToFacts): string
  /** In alt-text.txt for a photo without alt text. */
  noAltText: string
}

const books: Record<BundleLanguage, HowToBook> = { en: howToEn, de: howToDe }

export function howToBook(language: BundleLanguage): HowToBook {
  return books[language]
}

/** how-to-post.txt: a title, one line on what the folder holds, numbered steps, notes. */
export function howToText(facts: HowToFacts, language: BundleLanguage): string {
  const book = books[language]
  const steps = book.steps(facts).map((step, index) => `${index + 1}. ${step}`)
  const notes = [
    facts.leftOut > 0 ? book.leftOut(facts) : undefined,
    facts.canConnect ? book.connectHint(facts) : undefined,
  ].filter((note): note is string => note !== undefined)
  const title = book.title(facts)
  const blocks = [
    `${title}\n${'='.repeat([...title].length)}`,
    book.intro(facts),
    steps.join('\n'),
    ...notes,
  ]
  return `${blocks.join('\n\n')}\n`
}

/** The photo files as an indented list under a step. */
export function fileList(images: readonly string[]): string {
  return images.map((image) => `\n   ${image}`).join('')
}
