import { AppErrorException } from '../../src-shared/errors'

/** Why the keychain could not be used; kept in the error's details for developers and the UI. */
export type KeychainProblem =
  /** The keytar native module did not load (not installed, built for another Node or Electron). */
  | 'module_missing'
  /** No keychain service to talk to: no D-Bus session, or no Secret Service on it (Linux). */
  | 'no_service'
  /** The keychain is there but locked, and unlocking it was refused, dismissed or impossible. */
  | 'locked'
  /** Anything else the keychain answered with. */
  | 'failed'

export interface KeychainErrorDetails {
  problem: KeychainProblem
  platform: string
  /** The keychain's own words, with any secret that was being written removed. */
  cause?: string
}

/**
 * What the user can do, per platform and problem. Plain sentences: "install X", "unlock Y".
 * Never a stack trace, never a secret.
 */
export function keychainAdvice(problem: KeychainProblem, platform: string): string {
  if (problem === 'module_missing') {
    return (
      "Werkschau's keychain module (keytar) could not be loaded, so passwords cannot be stored " +
      'safely. Reinstall Werkschau. If you built it yourself, rebuild keytar for this Node or ' +
      'Electron version as the README explains under "Building keytar".' +
      (platform === 'linux' ? ' On Linux it also needs the libsecret-1-0 package.' : '')
    )
  }
  if (platform === 'darwin') {
    return (
      'Werkschau cannot use your macOS Keychain. Open Keychain Access, unlock the "login" ' +
      'keychain, then try again and choose "Allow" when macOS asks.'
    )
  }
  if (platform === 'win32') {
    return (
      'Werkschau cannot use Windows Credential Manager. Sign in to Windows with your own user ' +
      'account, open Credential Manager once to check it works, then try again.'
    )
  }
  if (problem === 'locked') {
    return (
      'Your keychain is locked. Unlock it (in GNOME: the "Passwords and Keys" app, or KeePassXC ' +
      'with its Secret Service turned on), then try again.'
    )
  }
  return (
    'Werkschau cannot find a keychain on this computer to keep passwords safe. Install GNOME ' +
    "Keyring (package gnome-keyring) or turn on KeePassXC's Secret Service integration, make " +
    'sure it is running and unlocked, then try again.'
  )
}

/** The one error every keychain failure becomes. There is no plaintext fallback. */
export function keychainUnavailable(
  problem: KeychainProblem,
  platform: string,
  cause?: string,
): AppErrorException {
  const details: KeychainErrorDetails =
    cause === undefined ? { problem, platform } : { problem, platform, cause }
  return new AppErrorException('keychain_unavailable', keychainAdvice(problem, platform), details)
}

/**
 * Sorts the keychain's own error text into a problem. The texts come from libsecret / GLib D-Bus
 * (Linux), Security.framework (macOS) and the Credential Manager API (Windows); unknown ones are
 * `failed`, which still gets the platform's advice.
 */
export function classifyKeychainError(message: string): KeychainProblem {
  if (
    /autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|not provided by any \.service files|ServiceUnknown|Could not connect|No such file or directory|Connection refused/i.test(
      message,
    )
  ) {
    return 'no_service'
  }
  if (
    /locked|cancel|dismiss|prompt|denied|not allowed|passphrase|interaction|Object does not exist at path/i.test(
      message,
    )
  ) {
    return 'locked'
  }
  return 'failed'
}

/** Removes every occurrence of the given secrets from a text before it goes anywhere. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text
  for (const secret of secrets) {
    if (secret.length > 0) redacted = redacted.split(secret).join('[secret]')
  }
  return redacted
}
