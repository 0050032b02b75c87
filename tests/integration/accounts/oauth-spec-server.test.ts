import { describe, expect, it } from 'vitest'
import { SpecServer } from '../../support/spec-server/server'

/*
 * The spec-validating server itself (tests/support/spec-server): it must refuse what the real
 * networks would refuse, and tolerate exactly the documented quirks — nothing more. These tests
 * close their servers by hand because several of them provoke violations on purpose.
 */

async function withServer<T>(
  name: 'mastodon' | 'pinterest' | 'x',
  run: (server: SpecServer) => Promise<T>,
): Promise<T> {
  const server = await SpecServer.start(name)
  try {
    return await run(server)
  } finally {
    await server.close()
  }
}

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

describe('spec server', () => {
  it('listens on 127.0.0.1 and matches literal paths before templated ones', async () => {
    await withServer('mastodon', async (server) => {
      expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      server.on('GET /api/v1/accounts/verify_credentials', () => ({
        status: 401,
        json: { error: 'The access token is invalid' },
      }))
      const reply = await fetch(`${server.origin}/api/v1/accounts/verify_credentials`, {
        headers: { authorization: 'Bearer abc' },
      })
      expect(reply.status).toBe(401)
      expect(server.requestsTo('GET /api/v1/accounts/verify_credentials')).toHaveLength(1)
      server.assertNoViolations()
    })
  })

  it('refuses a body that breaks the schema with 400 and a readable violation', async () => {
    await withServer('mastodon', async (server) => {
      server.on('createApp', () => ({ status: 200, json: {} }))
      const reply = await fetch(`${server.origin}/api/v1/apps`, json({ client_name: 'Werkschau' }))
      expect(reply.status).toBe(400)
      expect(server.violations[0]?.problems.join('\n')).toContain(
        'body: is missing "redirect_uris"',
      )
      expect(() => server.assertNoViolations()).toThrow(/POST \/api\/v1\/apps/)
    })
  })

  it('refuses missing credentials, unknown query parameters and unknown routes', async () => {
    await withServer('mastodon', async (server) => {
      server.on('GET /api/v1/accounts/verify_credentials', () => ({ status: 200, json: {} }))
      expect((await fetch(`${server.origin}/api/v1/accounts/verify_credentials`)).status).toBe(400)
      const typo = await fetch(`${server.origin}/api/v2/instance?lang=de`)
      expect(typo.status).toBe(400)
      expect((await fetch(`${server.origin}/api/v9/nothing`)).status).toBe(404)
      const problems = server.violations.flatMap((v) => v.problems).join('\n')
      expect(problems).toContain('security: no credentials for OAuth2')
      expect(problems).toContain('query.lang: is not a parameter of GET /api/v2/instance')
      expect(problems).toContain(
        'no operation in the mastodon document matches GET /api/v9/nothing',
      )
    })
  })

  it('checks handler answers against the documented responses', async () => {
    await withServer('mastodon', async (server) => {
      server.on('GET /api/v2/instance', () => ({ status: 200, json: { domain: 'example.social' } }))
      await fetch(`${server.origin}/api/v2/instance`)
      expect(server.violations[0]?.kind).toBe('response')
      expect(server.violations[0]?.problems.join('\n')).toContain('is missing "configuration"')
    })
  })

  it('tolerates the Idempotency-Key header as a string but still checks the status body', async () => {
    await withServer('mastodon', async (server) => {
      server.on('POST /api/v1/statuses', () => ({
        status: 422,
        json: { error: 'Validation failed' },
      }))
      const reply = await fetch(`${server.origin}/api/v1/statuses`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer abc',
          'content-type': 'application/json',
          'idempotency-key': 'job-1',
        },
        body: JSON.stringify({ status: 'Hallo', visibility: 'shouting' }),
      })
      expect(reply.status).toBe(400)
      expect(server.violations.flatMap((v) => v.problems).join('\n')).toMatch(/body\.visibility/)
      expect(server.violations.flatMap((v) => v.problems).join('\n')).not.toMatch(/Idempotency/i)
    })
  })

  it('requires code and redirect_uri on /oauth/token only for the authorization_code grant', async () => {
    await withServer('mastodon', async (server) => {
      server.on('POST /oauth/token', () => ({ status: 400, json: { error: 'invalid_grant' } }))
      const base = { client_id: 'id', client_secret: 'secret' }
      await fetch(
        `${server.origin}/oauth/token`,
        json({ ...base, grant_type: 'client_credentials' }),
      )
      expect(server.violations).toEqual([])
      await fetch(
        `${server.origin}/oauth/token`,
        json({ ...base, grant_type: 'authorization_code' }),
      )
      expect(server.violations.flatMap((v) => v.problems).join('\n')).toContain('missing "code"')
    })
  })

  it('expands Rails brackets and checks multipart bodies (Mastodon media upload)', async () => {
    await withServer('mastodon', async (server) => {
      let seen: unknown
      server.on('POST /api/v2/media', (request) => {
        seen = { body: request.body, files: request.files.map((f) => [f.field, f.bytes.length]) }
        return { status: 422, json: { error: 'File type not supported' } }
      })
      const form = new FormData()
      form.append('file', new Blob([Buffer.from('fake jpeg')], { type: 'image/jpeg' }), 'a.jpg')
      form.append('description', 'Blue mug')
      form.append('focus', '0.1,-0.2')
      const reply = await fetch(`${server.origin}/api/v2/media`, {
        method: 'POST',
        headers: { authorization: 'Bearer abc' },
        body: form,
      })
      expect(reply.status).toBe(422)
      server.assertNoViolations()
      expect(seen).toEqual({
        body: { file: '<file a.jpg, 9 bytes>', description: 'Blue mug', focus: '0.1,-0.2' },
        files: [['file', 9]],
      })
    })
  })

  it('Pinterest: token requests need Basic auth and, for a code, code and redirect_uri', async () => {
    await withServer('pinterest', async (server) => {
      server.on('POST /oauth/token', () => ({ status: 400, json: { code: 1, message: 'no' } }))
      const basic = `Basic ${Buffer.from('app:secret').toString('base64')}`
      const form = (fields: Record<string, string>, authorization?: string) =>
        fetch(`${server.baseUrl}/oauth/token`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            ...(authorization ? { authorization } : {}),
          },
          body: new URLSearchParams(fields),
        })
      await form(
        {
          grant_type: 'authorization_code',
          code: 'c',
          redirect_uri: 'http://127.0.0.1:1/callback',
        },
        basic,
      )
      expect(server.violations).toEqual([])
      await form({ grant_type: 'authorization_code', code: 'c' }, basic)
      await form({ grant_type: 'refresh_token', refresh_token: 'r' })
      const problems = server.violations.flatMap((v) => v.problems).join('\n')
      expect(problems).toContain('missing "redirect_uri"')
      expect(problems).toContain('security: no credentials for basic')
    })
  })

  it('Pinterest: a pin needs board_id and media_source although PinCreate requires nothing', async () => {
    await withServer('pinterest', async (server) => {
      server.on('POST /pins', () => ({ status: 400, json: { code: 1, message: 'no' } }))
      await fetch(`${server.baseUrl}/pins`, {
        ...json({ title: 'Mug' }),
        headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      })
      const problems = server.violations.flatMap((v) => v.problems).join('\n')
      expect(problems).toContain('missing "board_id"')
      expect(problems).toContain('missing "media_source"')
    })
  })

  it('X: POST /2/tweets stays closed, and comma lists in queries are checked item by item', async () => {
    await withServer('x', async (server) => {
      server.on('POST /2/tweets', () => ({ status: 400, json: { code: 1, message: 'no' } }))
      server.on('GET /2/users/me', () => ({
        status: 200,
        json: { data: { id: '1', name: 'A', username: 'a' } },
      }))
      await fetch(`${server.origin}/2/tweets`, {
        ...json({ text: 'Hallo', alt_text: 'no such field' }),
        headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      })
      await fetch(`${server.origin}/2/users/me?user.fields=username,profile_image_url`, {
        headers: { authorization: 'Bearer t' },
      })
      await fetch(`${server.origin}/2/users/me?user.fields=username,avatar`, {
        headers: { authorization: 'Bearer t' },
      })
      const problems = server.violations.map((v) => `${v.request}: ${v.problems.join('; ')}`)
      expect(problems).toHaveLength(2)
      expect(problems[0]).toContain('"alt_text", which the spec does not allow')
      expect(problems[1]).toMatch(/user\.fields=username,avatar.*query\.user\.fields\.1/)
    })
  })

  it('can cut the connection after receiving a valid request (outcome unknown to the client)', async () => {
    await withServer('x', async (server) => {
      server.on('POST /2/tweets', () => ({ status: 201, drop: true }))
      const sent = fetch(`${server.origin}/2/tweets`, {
        ...json({ text: 'Hallo' }),
        headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      })
      await expect(sent).rejects.toThrow()
      expect(server.requestsTo('POST /2/tweets')).toMatchObject([{ body: { text: 'Hallo' } }])
      server.assertNoViolations()
    })
  })
})
