import sharp from 'sharp'
import type { SpecRequest, SpecResponse, SpecServer } from '../server'
import { Faults, finish } from './faults'
import type { FakePinterest } from './pinterest'

export interface FakePinterestPublishingOptions {
  /** Largest decoded image Pinterest takes in this fake (default 20 MB). */
  maxImageBytes?: number
}

export interface StoredPinImage {
  bytes: Buffer
  contentType: string
  format: string
  width: number
  height: number
  link: string | null
}

export interface StoredPin {
  id: string
  boardId: string
  title: string | null
  description: string | null
  link: string | null
  altText: string | null
  createdAt: string
  kind: 'image' | 'multiple_images'
  images: StoredPinImage[]
}

interface MediaItem {
  content_type: string
  data: string
  link?: string
}

/**
 * Pins on a spec server, as Pinterest's v5 API keeps them: `POST /v5/pins` decodes the base64
 * photos (real images, read with sharp; their declared type must match), checks the board is the
 * user's, makes a carousel only of photos of one size, and stores the pin; `GET /v5/boards/
 * {board_id}/pins` lists a board's pins newest first, 25 per page unless asked, with bookmarks.
 */
export function fakePinterestPublishing(
  server: SpecServer,
  pinterest: FakePinterest,
  options: FakePinterestPublishingOptions = {},
) {
  const pins: StoredPin[] = []
  const faults = new Faults()
  const maxBytes = options.maxImageBytes ?? 20_000_000
  let nextId = 1_125_899_906_842_624n
  const failure = (status: number, code: number, message: string): SpecResponse => ({
    status,
    json: { code, message },
  })
  const authorised = (request: SpecRequest) =>
    pinterest.grants.bearer(request.headers.authorization) !== undefined

  server.on('POST /pins', async (request) => {
    const fault = faults.take('POST /pins')
    if (fault && 'answer' in fault) return fault.answer
    if (!authorised(request)) return failure(401, 2, 'Authentication failed.')
    const body = request.body as {
      board_id: string
      title?: string | null
      description?: string | null
      link?: string | null
      alt_text?: string | null
      media_source: { source_type: string; items?: MediaItem[] } & Partial<MediaItem>
    }
    if (!pinterest.boards.some((board) => board.id === body.board_id))
      return failure(404, 404, 'Board not found.')
    const source = body.media_source
    const items: MediaItem[] =
      source.source_type === 'multiple_image_base64'
        ? (source.items ?? [])
        : [{ content_type: source.content_type ?? '', data: source.data ?? '' }]
    if (!['image_base64', 'multiple_image_base64'].includes(source.source_type))
      return failure(400, 1, `This fake only takes base64 images, not ${source.source_type}.`)
    const images: StoredPinImage[] = []
    for (const item of items) {
      const bytes = Buffer.from(item.data, 'base64')
      if (bytes.length > maxBytes) return failure(400, 1, 'Image file is too large.')
      const info = await sharp(bytes)
        .metadata()
        .catch(() => undefined)
      const declared = item.content_type === 'image/png' ? 'png' : 'jpeg'
      if (!info || info.format !== declared)
        return failure(400, 1, `Invalid image: not a ${item.content_type} file.`)
      images.push({
        bytes,
        contentType: item.content_type,
        format: info.format,
        width: info.width ?? 0,
        height: info.height ?? 0,
        link: item.link ?? null,
      })
    }
    const [first] = images
    if (images.some((image) => image.width !== first?.width || image.height !== first.height))
      return failure(400, 1, 'All images in a carousel must have the same dimensions.')
    const pin: StoredPin = {
      id: String((nextId += 1n)),
      boardId: body.board_id,
      title: body.title ?? null,
      description: body.description ?? null,
      link: body.link ?? null,
      altText: body.alt_text ?? null,
      createdAt: new Date().toISOString(),
      kind: source.source_type === 'multiple_image_base64' ? 'multiple_images' : 'image',
      images,
    }
    pins.push(pin)
    return finish(fault, { status: 201, json: pinJson(pin) })
  })

  server.on('GET /boards/{board_id}/pins', (request) => {
    const fault = faults.take('GET /boards/{board_id}/pins')
    if (fault && 'answer' in fault) return fault.answer
    if (!authorised(request)) return failure(401, 2, 'Authentication failed.')
    const boardId = request.pathParams.board_id
    if (!pinterest.boards.some((board) => board.id === boardId))
      return failure(404, 404, 'Board not found.')
    const size = Number(request.query.page_size ?? 25)
    const start = Number(request.query.bookmark ?? 0)
    const onBoard = pins.filter((pin) => pin.boardId === boardId).reverse()
    const items = onBoard.slice(start, start + size).map(pinJson)
    const next = start + size < onBoard.length ? String(start + size) : null
    return { status: 200, json: { items, bookmark: next } }
  })

  function pinJson(pin: StoredPin) {
    const sizes = (image: StoredPinImage, index: number) => ({
      '1200x': {
        width: image.width,
        height: image.height,
        url: `https://i.pinimg.com/1200x/${pin.id}-${index}.jpg`,
      },
    })
    return {
      id: pin.id,
      created_at: pin.createdAt,
      board_id: pin.boardId,
      board_owner: { username: 'keramikstudio' },
      title: pin.title,
      description: pin.description,
      link: pin.link,
      alt_text: pin.altText,
      is_owner: true,
      media:
        pin.kind === 'image'
          ? { media_type: 'image', images: sizes(pin.images[0]!, 0) }
          : {
              media_type: 'multiple_images',
              items: pin.images.map((image, index) => ({
                images: sizes(image, index),
                link: image.link,
              })),
            },
    }
  }

  return { pins, faults }
}
