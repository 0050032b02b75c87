import { describe, expect, it } from 'vitest'
import { mastodonScopes } from '../../../src-main/accounts/mastodon/app-registration'
import { pinterestScopes } from '../../../src-main/accounts/pinterest/endpoints'
import { xScopes } from '../../../src-main/accounts/x/endpoints'
import { loadSpec } from '../../support/spec-server/specs'
import type { SpecName } from '../../support/spec-server/quirks'

/*
 * The scopes each sign-in asks for must cover every operation Werkschau calls with the token:
 * sign-in and publishing (issue 6). Read from the documents' security requirements, so a scope
 * the network adds to an endpoint shows up here, not as a 403 in a user's outbox.
 */

function requiredScopes(spec: SpecName, operation: string, scheme: string): string[][] {
  const found = loadSpec(spec).operations.byKey.get(operation)
  if (!found) throw new Error(`${spec}: no ${operation}`)
  return (found.operation.security ?? [])
    .filter((requirement) => scheme in requirement)
    .map((requirement) => requirement[scheme] ?? [])
}

describe('requested scopes cover what Werkschau calls', () => {
  it('X: every scope of the OAuth2UserToken requirement', () => {
    const granted = xScopes.split(' ')
    for (const operation of [
      'GET /2/users/me',
      'POST /2/tweets',
      'POST /2/media/upload',
      'POST /2/media/metadata',
    ]) {
      const [needed] = requiredScopes('x', operation, 'OAuth2UserToken')
      expect(needed, operation).toBeDefined()
      expect(granted, operation).toEqual(expect.arrayContaining(needed ?? ['missing']))
    }
  })

  it('Pinterest: every scope of the pinterest_oauth2 requirement', () => {
    for (const operation of ['GET /user_account', 'GET /boards', 'POST /pins']) {
      const [needed] = requiredScopes('pinterest', operation, 'pinterest_oauth2')
      expect(needed, operation).toBeDefined()
      expect(pinterestScopes, operation).toEqual(expect.arrayContaining(needed ?? ['missing']))
    }
  })

  it('Mastodon: one of the listed scopes (Mastodon lists alternatives), or its parent', () => {
    const granted = mastodonScopes.split(' ')
    const covers = (scope: string) =>
      granted.includes(scope) || granted.includes(scope.split(':')[0] ?? scope)
    for (const operation of [
      'GET /api/v1/accounts/verify_credentials',
      'POST /api/v2/media',
      'GET /api/v1/media/{id}',
      'PUT /api/v1/media/{id}',
      'POST /api/v1/statuses',
    ]) {
      const [listed] = requiredScopes('mastodon', operation, 'OAuth2')
      expect(listed, operation).toBeDefined()
      expect((listed ?? []).some(covers), `${operation} needs one of ${String(listed)}`).toBe(true)
    }
  })
})
