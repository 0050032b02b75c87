/** A private session bus, with or without a real Secret Service (gnome-keyring-daemon) on it. */
export interface PrivateKeyring {
  /** Give this to the process that loads keytar: it picks the bus when it first connects. */
  env: { DBUS_SESSION_BUS_ADDRESS: string }
  /** The temporary folder holding the bus socket and the keyring files. */
  dir: string
  /** Restarts the daemon on the same keyring files: locked (as after a reboot) or unlocked. */
  restart(options: { unlocked: boolean }): Promise<void>
  /** Unlocks the login keyring in place, as the user does (needs Debian's python3-dbus). */
  unlock(): Promise<void>
  /** Stops the daemon and leaves the bus: from now on there is no Secret Service. */
  stopSecretService(): Promise<void>
  stop(): Promise<void>
}

export function startPrivateKeyring(options?: {
  secretService?: boolean
  unlocked?: boolean
}): Promise<PrivateKeyring>
