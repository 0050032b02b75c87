import { readFile } from 'node:fs/promises'
import { AppErrorException } from '../../../src-shared/errors'
import type { PreparedImage } from '../adapter'

/**
 * The rendered file's bytes. A render-cache file can be gone (the user cleared the cache, a
 * crash mid-render): not_found, so the outbox renders it again instead of retrying the network.
 */
export async function readPreparedImage(image: PreparedImage): Promise<Buffer> {
  try {
    return await readFile(image.file)
  } catch (error) {
    throw new AppErrorException(
      'not_found',
      'A prepared photo for this post is missing. Werkschau will prepare it again.',
      { photoId: image.photoId, cause: (error as { code?: unknown }).code ?? 'unknown' },
    )
  }
}
