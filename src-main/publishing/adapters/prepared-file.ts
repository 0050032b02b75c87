import { readFile } from 'node:fs/promises'
import { AppErrorException } from '../../../src-shared/errors'
import type { PreparedImage } from '../adapter'

/**
 * The rendered file's bytes. A render-cache file can be gone (the user cleared the cache, a
 * crash mid-render): not_found, not a network error, since asking the network again cannot help;
 * rendering again (a manual retry re-renders photos not yet uploaded) can.
 */
export async function readPreparedImage(image: PreparedImage): Promise<Buffer> {
  try {
    return await readFile(image.file)
  } catch (error) {
    throw new AppErrorException(
      'not_found',
      'A prepared photo for this post is missing. Retry to prepare it again.',
      { photoId: image.photoId, cause: (error as { code?: unknown }).code ?? 'unknown' },
    )
  }
}
