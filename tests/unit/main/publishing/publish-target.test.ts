import { describe, expect, it } from 'vitest'
import { publishTarget } from '../../../../src-main/publishing/outbox/publish-target'
import { networkTargets } from '../../../../src-shared/platforms/render-targets'

const imageOf = (network: string) => networkTargets.find((target) => target.id === network)!.image

describe('the render target a job publishes with', () => {
  it('is the network’s own spec for its default crop', () => {
    for (const network of ['bluesky', 'mastodon', 'pinterest', 'x'] as const) {
      const own = imageOf(network)
      expect(publishTarget(network, own.aspect).image).toEqual(own)
    }
  })

  it('follows the post’s crop choice, keeping formats and byte budgets', () => {
    const square = publishTarget('x', '1:1').image
    expect(square).toMatchObject({ aspect: '1:1', maxBytes: imageOf('x').maxBytes })
    expect(square.size!.width).toBe(square.size!.height)
    expect(publishTarget('mastodon', '4:5').image).toMatchObject({
      aspect: '4:5',
      maxPixels: imageOf('mastodon').maxPixels,
    })
    expect(publishTarget('pinterest', '1:1').image.formats).toEqual(['jpeg', 'png'])
  })

  it('honours a Mastodon instance’s lower image limits, never raises them', () => {
    const small = publishTarget('mastodon', 'original', {
      imageSizeLimit: 8 * 1024 * 1024,
      imageMatrixLimit: 8_294_400,
    }).image
    expect(small).toMatchObject({ maxBytes: 8 * 1024 * 1024, maxPixels: 8_294_400 })
    const generous = publishTarget('mastodon', 'original', {
      imageSizeLimit: 100 * 1024 * 1024,
    }).image
    expect(generous.maxBytes).toBe(imageOf('mastodon').maxBytes)
  })
})
