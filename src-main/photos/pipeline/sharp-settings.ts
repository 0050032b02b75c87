import sharp from 'sharp'

/**
 * sharp's process-wide settings for the photo worker (and the benchmark's references, so they
 * measure the same library setup).
 *
 * - No operation cache: every task opens a different photo, so libvips' cache of recent
 *   operations never hits; it only holds decoded pixels (up to 50 MB) and open file handles
 *   (up to 20), and a held handle keeps Windows from moving an original to the trash.
 * - One libvips thread per operation (sharp's default on glibc Linux, set everywhere here): the
 *   worker pool already runs one process per core, and more threads would only compete for them.
 */
export function configureSharp(): void {
  sharp.cache(false)
  sharp.concurrency(1)
}
