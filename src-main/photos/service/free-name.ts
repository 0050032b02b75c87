import { constants } from 'node:fs'
import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Copies `source` into `folder` as `<base>.<ext>`, or `<base>-2.<ext>`, `-3` … when that name is
 * taken: two photos called IMG_0001.jpg from different folders never overwrite each other.
 * Returns the path written.
 */
export async function copyToFreeName(
  source: string,
  folder: string,
  base: string,
  ext: string,
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const destination = join(folder, attempt === 1 ? `${base}.${ext}` : `${base}-${attempt}.${ext}`)
    try {
      // Never overwrite; a copy-on-write clone where the filesystem has them (APFS, Btrfs, XFS).
      await copyFile(source, destination, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE)
      return destination
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
}
