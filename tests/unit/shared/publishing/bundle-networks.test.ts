import { describe, expect, it } from 'vitest'
import {
  bundleNetworks,
  exportOnlyNetworks,
} from '../../../../src-shared/publishing/bundle-networks'

describe('bundleNetworks', () => {
  it('always bundles the networks without uploads from a desktop', () => {
    expect(exportOnlyNetworks).toEqual(['instagram', 'threads', 'facebook', 'etsy'])
    expect(
      bundleNetworks(['instagram', 'etsy'], ['bluesky', 'mastodon', 'pinterest', 'x']),
    ).toEqual(['instagram', 'etsy'])
  })

  it('bundles a direct network only while it has no account, in the order of the targets', () => {
    expect(bundleNetworks(['bluesky', 'x', 'instagram', 'etsy'], ['bluesky'])).toEqual([
      'x',
      'instagram',
      'etsy',
    ])
    expect(bundleNetworks(['bluesky', 'mastodon'], [])).toEqual(['bluesky', 'mastodon'])
    expect(bundleNetworks([], [])).toEqual([])
  })
})
