import type { NetworkId } from '../../../../src-shared/platforms/networks'
import { fileList, type HowToBook, type HowToFacts } from './how-to'

/*
 * English steps per network, named as the networks' own apps name things. Apps move their buttons
 * now and then, so the steps say what to look for rather than where exactly to tap.
 */

const toPhone = (website: string): string =>
  `Put the photos on your phone (AirDrop, a cable or a cloud folder), or open ${website} on your computer.`
const paste = (field: string): string =>
  `Open caption.txt, copy all of its text and paste it as ${field}.`
const altText = (where: string): string =>
  `Alt text: ${where}, and paste that photo's line from alt-text.txt (without the number).`
/** A step that ends in the list of photo files; `sentence` ends with its colon. */
const inOrder = (facts: HowToFacts, sentence: string): string =>
  `${sentence}${fileList(facts.images)}`
/** Steps about photos, for networks that also take a post without any. */
const ifPhotos = (facts: HowToFacts, ...steps: string[]): string[] =>
  facts.images.length > 0 ? steps : []

const visibilities: Record<string, string> = {
  public: 'Public',
  unlisted: 'Quiet public',
  private: 'Followers only',
  direct: 'Specific people',
}

const steps: Record<NetworkId, (facts: HowToFacts) => string[]> = {
  instagram: (facts) => [
    toPhone('instagram.com'),
    'Open Instagram and tap + (Create), then Post.',
    inOrder(facts, 'Choose the photos in this order (tap "Select" to choose several):'),
    'They are already cut to size: if Instagram shows them square, tap the expand button at the bottom left so nothing is cut off. Tap Next.',
    paste('the caption'),
    altText('tap Advanced settings → Accessibility → Write alt text'),
    'Tap Share.',
  ],
  threads: (facts) => [
    ...ifPhotos(facts, toPhone('threads.net')),
    'Open Threads and start a new thread.',
    paste('the text of the thread'),
    ...ifPhotos(
      facts,
      inOrder(facts, 'Tap the photo button and add the photos in this order:'),
      altText('tap "Alt" on each photo'),
    ),
    'Tap Post.',
  ],
  facebook: (facts) => [
    'Open your Facebook Page in the app or on facebook.com and create a post.',
    ...ifPhotos(facts, inOrder(facts, 'Choose Photo/video and add the photos in this order:')),
    paste('the text of the post'),
    ...ifPhotos(facts, altText('choose Edit on each photo, then Alternative text')),
    'Tap Post.',
  ],
  etsy: (facts) => [
    'Open Shop Manager on etsy.com → Listings, then open the listing (or Add a listing).',
    `${inOrder(facts, 'Under Photos, upload the photos in this order:')}\n   The first photo is the thumbnail: Etsy shows it square in your shop and in search. Check how the square thumbnail is cut if Etsy asks.`,
    paste('the Description'),
    altText('edit each photo and open its alt text field (up to 500 characters)'),
    'Save, or Publish when the listing is new.',
  ],
  bluesky: (facts) => [
    'Open Bluesky (the app or bsky.app) and start a new post.',
    paste('the text of the post'),
    ...ifPhotos(
      facts,
      inOrder(facts, 'Add the photos in this order:'),
      altText('tap "ALT" on each photo'),
    ),
    'Tap Post.',
  ],
  mastodon: (facts) => {
    const { contentWarning, visibility } = facts.mastodon ?? {}
    return [
      'Open your Mastodon server (the app or its website) and start a new post.',
      paste('the text of the post'),
      ...(contentWarning ? [`Turn on the content warning (CW) and write: ${contentWarning}`] : []),
      ...ifPhotos(
        facts,
        inOrder(facts, 'Add the photos in this order:'),
        altText('choose Edit (or Add description) on each photo'),
      ),
      ...(visibility ? [`Set who can see it: ${visibilities[visibility] ?? visibility}.`] : []),
      'Tap Publish.',
    ]
  },
  pinterest: (facts) => [
    'Open Pinterest (the app or pinterest.com) and create a Pin.',
    facts.images.length > 1
      ? inOrder(
          facts,
          'Upload the photos in this order (2 to 5 photos of the same size make a carousel):',
        )
      : inOrder(facts, 'Upload the photo:'),
    ...(facts.pinterest?.title ? [`Title: ${facts.pinterest.title}`] : []),
    paste('the description'),
    ...(facts.pinterest?.link ? [`Link: ${facts.pinterest.link}`] : []),
    altText('find Alt text under More options'),
    'Choose a board and tap Publish.',
  ],
  x: (facts) => [
    'Open X (the app or x.com) and start a new post.',
    paste('the text of the post'),
    ...ifPhotos(
      facts,
      inOrder(facts, 'Add the photos in this order:'),
      altText('choose "+Alt" on each photo'),
    ),
    'Tap Post.',
  ],
}

export const howToEn: HowToBook = {
  title: (facts) => `How to post this on ${facts.name}`,
  intro: (facts) =>
    facts.images.length > 0
      ? `The photos in this folder are ready for ${facts.name}: cut and sized for it, with location and camera data removed.`
      : `This post has no photos: only the text goes to ${facts.name}.`,
  steps: (facts) => steps[facts.network](facts),
  leftOut: (facts) =>
    `${facts.name} takes at most ${facts.maxImages} photos, so only the first ${facts.maxImages} of this post's ${facts.maxImages + facts.leftOut} are here.`,
  connectHint: (facts) =>
    `Tip: connect your ${facts.name} account under Accounts in Werkschau, and it posts for you.`,
  noAltText: '(no alt text yet)',
}
