import { describe, expect, test } from 'vitest'
import {
  classifyKeychainError,
  keychainAdvice,
  redactSecrets,
} from '../../../../src-main/accounts/keychain-errors'
import {
  assertNoSecretIn,
  secretFragments,
  withoutSecrets,
} from '../../../../src-main/accounts/secret-guard'
import { AppErrorException } from '../../../../src-shared/errors'

const secret = JSON.stringify({
  v: 1,
  instance: 'https://werk.social',
  clientId: 'client-abc',
  accessToken: 'access-token-0123456789',
  nested: { refreshJwt: 'eyJhbGciOi.refresh.jwt', scope: 'read write' },
})

describe('secret fragments', () => {
  test('are the serialised secret and the values of secret-named fields, not the facts', () => {
    expect(secretFragments(secret).sort()).toEqual(
      [secret, 'access-token-0123456789', 'eyJhbGciOi.refresh.jwt'].sort(),
    )
    expect(secretFragments('plain app password')).toEqual(['plain app password'])
  })
})

describe('assertNoSecretIn', () => {
  test('lets the account facts through', () => {
    expect(() =>
      assertNoSecretIn({ server: 'https://werk.social', note: 'client-abc' }, [secret]),
    ).not.toThrow()
  })

  test('refuses a token anywhere, also inside a JSON string', () => {
    expect(() => assertNoSecretIn({ details: { t: 'access-token-0123456789' } }, [secret])).toThrow(
      AppErrorException,
    )
    const quoted = 'pa"ss\\word-123'
    expect(() => assertNoSecretIn({ echo: `typed ${quoted}` }, [quoted])).toThrow(
      /could not store this account safely/,
    )
  })
})

describe('withoutSecrets', () => {
  test('keeps the code and removes the secret from message and details', () => {
    const error = new AppErrorException('auth_failed', 'refused access-token-0123456789', {
      sent: { token: 'access-token-0123456789' },
    })
    const clean = withoutSecrets(error, [secret], () => new AppErrorException('internal', 'x'))
    expect(clean.code).toBe('auth_failed')
    expect(JSON.stringify(clean.toAppError())).not.toContain('access-token-0123456789')
    expect(clean.message).toBe('refused [secret]')
  })

  test('anything that is not an AppErrorException becomes the fallback, message and all', () => {
    const clean = withoutSecrets(
      new TypeError('fetch failed for access-token-0123456789'),
      [secret],
      () => new AppErrorException('remote_error', 'The network had a problem answering.'),
    )
    expect(clean.toAppError()).toEqual({
      code: 'remote_error',
      message: 'The network had a problem answering.',
    })
  })
})

describe('keychain errors', () => {
  test.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no_service'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no_service'],
    ['Could not connect: No such file or directory', 'no_service'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['User canceled the operation.', 'locked'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'locked'],
    ['Something else entirely', 'failed'],
  ] as const)('"%s" is %s', (message, problem) => {
    expect(classifyKeychainError(message)).toBe(problem)
  })

  test('every platform and problem gets a sentence that says what to do', () => {
    for (const platform of ['linux', 'darwin', 'win32', 'freebsd']) {
      for (const problem of ['module_missing', 'no_service', 'locked', 'failed'] as const) {
        expect(keychainAdvice(problem, platform)).toMatch(
          /Install|install|Unlock|unlock|Reinstall|Sign in/,
        )
      }
    }
  })

  test('redaction removes every occurrence', () => {
    expect(redactSecrets('a s3cret and s3cret', ['s3cret'])).toBe('a [secret] and [secret]')
  })
})
