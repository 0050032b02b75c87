import { describe, expect, it } from 'vitest'
import {
  imageFileName,
  networkFolderName,
  postFolderName,
  safeName,
} from '../../../../src-main/publishing/bundles/bundle-names'

describe('bundle names', () => {
  it('keeps letters of any script and drops what a filesystem or sync service may refuse', () => {
    expect(safeName('Größe 38 / Filz: 🧶 <Pantoffeln> "neu" | a*b? c\\d', 80, 'x')).toBe(
      'Größe 38 Filz Pantoffeln neu a b c d',
    )
    expect(safeName('Keramik 陶器 Κεραμική', 80, 'x')).toBe('Keramik 陶器 Κεραμική')
    // Decomposed umlauts (as macOS pastes them) become the composed form.
    expect(safeName('Mu\u0308tze', 80, 'x')).toBe('Mütze')
  })

  it('never makes a hidden name, a dot name or an empty name', () => {
    expect(safeName('..', 80, 'Post')).toBe('Post')
    expect(safeName('../../etc/passwd', 80, 'Post')).toBe('etc passwd')
    expect(safeName('.hidden', 80, 'Post')).toBe('hidden')
    expect(safeName('Ende. ', 80, 'Post')).toBe('Ende')
    expect(safeName('🧶🧶🧶', 80, 'Post')).toBe('Post')
    expect(safeName('\u0000\u0007\n\t', 80, 'Post')).toBe('Post')
  })

  it('cuts long names at a word boundary, counting code points', () => {
    const name = safeName('Handgestrickte Wollsocken aus Merinowolle in Größe 38 bis 40', 30, 'x')
    expect(name).toBe('Handgestrickte Wollsocken aus')
    expect(safeName('Ä'.repeat(100), 10, 'x')).toBe('Ä'.repeat(10))
  })

  it('names the post folder by its local day and the first line of the caption', () => {
    const post = {
      caption: '\n  Neuer Ring #Gold für @anna.bsky.social https://example.com/x\nZweite Zeile',
      scheduledAt: undefined,
    }
    expect(postFolderName(post, new Date(2026, 4, 3, 23, 30), 'Post')).toBe(
      '2026-05-03 Neuer Ring Gold für anna.bsky.social',
    )
    const scheduled = { ...post, scheduledAt: new Date(2026, 11, 24, 9, 0).toISOString() }
    expect(postFolderName(scheduled, new Date(2026, 4, 3), 'Post')).toMatch(/^2026-12-24 /)
    expect(
      postFolderName({ caption: '', scheduledAt: undefined }, new Date(2026, 0, 2), 'Beitrag'),
    ).toBe('2026-01-02 Beitrag')
  })

  it('numbers photos in post order and drops only the old extension', () => {
    expect(imageFileName(1, 'IMG_0001.HEIC', 'jpg')).toBe('01-IMG_0001.jpg')
    expect(imageFileName(12, 'Ring von vorne.final.png', 'jpg')).toBe('12-Ring-von-vorne.final.jpg')
    expect(imageFileName(3, '.jpg', 'jpg')).toBe('03-photo.jpg')
    expect(networkFolderName('x')).toBe('X')
    expect(networkFolderName('instagram')).toBe('Instagram')
  })
})
