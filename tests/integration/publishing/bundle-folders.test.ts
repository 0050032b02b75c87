import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ensurePostFolder,
  findPostFolder,
  moveIntoPlace,
  tidyLeftovers,
} from '../../../src-main/publishing/bundles/bundle-folders'
import { useTempDirs } from '../../support/temp-dir'

/**
 * What a crash can leave of a bundle build, on a real filesystem: a partial folder (crash while
 * writing) and an old bundle moved aside (crash between the two renames of a remake).
 */

const tempDir = useTempDirs()
const postId = 'a'.repeat(32)

function folderWith(path: string, files: Record<string, string>): void {
  mkdirSync(path, { recursive: true })
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text)
}

describe('bundle folders after a crash', () => {
  it('removes partial folders and brings back an old bundle whose replacement never arrived', async () => {
    const library = tempDir('bundle-folders')
    const post = await ensurePostFolder(library, postId, '2026-05-03 Ring')
    folderWith(join(post, '.Instagram.0123456789ab.old'), { 'caption.txt': 'alt' })
    folderWith(join(post, '.Instagram.ba9876543210.partial'), { '01-ring.jpg': 'half' })
    folderWith(join(post, '.Etsy.0123456789ab.partial'), { 'caption.txt': 'another build' })
    folderWith(join(post, '.Instagram-notes'), { 'mine.txt': 'the user’s own' })

    await tidyLeftovers(post, 'Instagram')
    expect(readdirSync(post).sort()).toEqual(
      [
        '.Etsy.0123456789ab.partial',
        '.Instagram-notes',
        '.werkschau-post.json',
        'Instagram',
      ].sort(),
    )
    expect(readFileSync(join(post, 'Instagram', 'caption.txt'), 'utf8')).toBe('alt')
  })

  it('drops an old bundle left aside once its replacement is in place', async () => {
    const library = tempDir('bundle-folders')
    const post = await ensurePostFolder(library, postId, '2026-05-03 Ring')
    folderWith(join(post, 'Instagram'), { 'caption.txt': 'neu' })
    folderWith(join(post, '.Instagram.0123456789ab.old'), { 'caption.txt': 'alt' })
    await tidyLeftovers(post, 'Instagram')
    expect(readdirSync(post).sort()).toEqual(['.werkschau-post.json', 'Instagram'])
    expect(readFileSync(join(post, 'Instagram', 'caption.txt'), 'utf8')).toBe('neu')
  })

  it('replaces a bundle whole, and finds the post folder by its marker, not its name', async () => {
    const library = tempDir('bundle-folders')
    const post = await ensurePostFolder(library, postId, '2026-05-03 Ring')
    folderWith(join(post, 'Instagram'), { 'caption.txt': 'alt', '03-weg.jpg': 'x' })
    folderWith(join(post, '.Instagram.0123456789ab.partial'), { 'caption.txt': 'neu' })
    await moveIntoPlace(
      join(post, '.Instagram.0123456789ab.partial'),
      join(post, 'Instagram'),
      'Instagram',
    )
    expect(readdirSync(join(post, 'Instagram'))).toEqual(['caption.txt'])
    expect(readdirSync(post).sort()).toEqual(['.werkschau-post.json', 'Instagram'])

    expect(await findPostFolder(library, postId)).toBe(post)
    expect(await findPostFolder(library, 'b'.repeat(32))).toBeUndefined()
    // Same name, other post: its own folder beside it.
    const other = await ensurePostFolder(library, 'b'.repeat(32), '2026-05-03 Ring')
    expect(other).toBe(`${post} 2`)
    expect(await ensurePostFolder(library, postId, 'Neuer Titel')).toBe(post)
  })
})
