import { stat } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import type { WatermarkLogo, WatermarkLogoState } from '../../../src-shared/contract'
import type { EventHub } from '../../api/event-hub'
import type { StoredLogo, WatermarkLogoStore } from '../../library/watermark-logo'
import type { MediaFile } from './media'
import type { PhotoWorker } from './photo-tasks'

export interface WatermarkServiceDependencies {
  logos: WatermarkLogoStore
  worker: PhotoWorker
  events: EventHub
}

/** Long edge of the logo preview in the export dialog. */
const previewEdge = 256

/**
 * The watermark logo's use cases. A new logo goes through the photo worker like any import (the
 * same refusals: empty, not an image, damaged, too many pixels) before it replaces the old one;
 * each change is announced as `watermark.changed` so every open dialog shows the current logo.
 */
export class WatermarkService {
  readonly #logos: WatermarkLogoStore
  readonly #worker: PhotoWorker
  readonly #events: EventHub

  constructor(deps: WatermarkServiceDependencies) {
    this.#logos = deps.logos
    this.#worker = deps.worker
    this.#events = deps.events
  }

  async setLogo(body: Readable): Promise<WatermarkLogo> {
    const stored = await this.#logos.replace(body, async (file, digest) => {
      const probe = await this.#worker.run('probe', { file })
      // The probe reads the header only; making the preview decodes every pixel once, so a file
      // damaged further in is refused now rather than in the middle of an export.
      await this.#logos.thumbnail(digest, (out) =>
        this.#worker.run('thumbnail', { file, out, longEdge: previewEdge }),
      )
      return { format: probe.format, width: probe.width, height: probe.height }
    })
    const logo = describe(stored)
    this.#events.emit('watermark.changed', { present: true, ...logo })
    return logo
  }

  getLogo(): WatermarkLogoState {
    const current = this.#logos.current()
    return current ? { present: true, ...describe(current) } : { present: false }
  }

  async removeLogo(): Promise<{ removed: boolean }> {
    const removed = await this.#logos.remove()
    if (removed) this.#events.emit('watermark.changed', { present: false })
    return { removed }
  }

  /** The current logo's file, for the pipeline; undefined when no logo is set. */
  logoFile(): string | undefined {
    return this.#logos.current()?.file
  }

  /** The preview of the current logo; `version` must be the current one (else not found). */
  async media(version: string): Promise<MediaFile | undefined> {
    const logo = this.#logos.current()
    if (!logo || logo.digest !== version) return undefined
    try {
      const file = await this.#logos.thumbnail(logo.digest, (out) =>
        this.#worker.run('thumbnail', { file: logo.file, out, longEdge: previewEdge }),
      )
      return { file, contentType: 'image/webp', bytes: (await stat(file)).size }
    } catch (error) {
      if (this.#logos.current()?.digest !== version) return undefined // replaced meanwhile
      throw error
    }
  }
}

function describe(stored: StoredLogo): WatermarkLogo {
  const { digest, format, width, height } = stored
  return { width, height, format, version: digest }
}
