// A private D-Bus session bus with a real GNOME Keyring (Secret Service) on it, for tests: keytar
// in a process whose DBUS_SESSION_BUS_ADDRESS points here stores into a throw-away keyring in a
// temporary folder, never into the keychain of whoever runs the tests. Plain JavaScript so that
// tests/run-suites.mjs can start one for the whole run; tests/support/keyring.ts wraps it for Vitest.
import { execFile, spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const keyringPassword = 'werkschau-test-keyring'

// Unlocks the login keyring in place, as a user does in the keyring's own dialog: GNOME Keyring's
// UnlockWithMasterPassword over a "plain" Secret Service session, which must be opened on the same
// D-Bus connection, hence one small python3-dbus program (Debian: python3-dbus) rather than
// separate dbus-send calls.
const unlockProgram = `
import sys, dbus
bus = dbus.SessionBus()
service = bus.get_object('org.freedesktop.secrets', '/org/freedesktop/secrets')
_, session = dbus.Interface(service, 'org.freedesktop.Secret.Service').OpenSession(
    'plain', dbus.String('', variant_level=1))
dbus.Interface(service, 'org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface').UnlockWithMasterPassword(
    dbus.ObjectPath('/org/freedesktop/secrets/collection/login'),
    dbus.Struct((session, dbus.ByteArray(b''), dbus.ByteArray(sys.argv[1].encode()), 'text/plain'),
                signature='oayays'))
`

// No <servicedir>: nothing is started on demand, so a bus without the daemon really has no
// Secret Service (the standard session config would start gnome-keyring by itself).
const busConfig = (
  socketDir,
) => `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${socketDir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

/**
 * Starts the bus, and unless `secretService` is false, gnome-keyring-daemon on it with an
 * unlocked login keyring (or a locked one with `unlocked: false`).
 *
 * @param {{ secretService?: boolean, unlocked?: boolean }} [options]
 * @returns {Promise<import('./private-keyring.d.mts').PrivateKeyring>}
 */
export async function startPrivateKeyring(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'werkschau-keyring-'))
  const socketDir = join(dir, 'run')
  const dataDir = join(dir, 'data')
  mkdirSync(socketDir, { mode: 0o700 })
  mkdirSync(dataDir)
  chmodSync(socketDir, 0o700)
  writeFileSync(join(dir, 'bus.conf'), busConfig(socketDir))

  const children = new Set()
  const killAll = () => {
    for (const child of children) child.kill('SIGTERM')
  }
  // A test runner that dies must not leave daemons behind.
  process.once('exit', killAll)

  const bus = spawn(
    'dbus-daemon',
    [`--config-file=${join(dir, 'bus.conf')}`, '--nofork', '--print-address=1'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  )
  children.add(bus)
  const address = await firstLine(bus, 'dbus-daemon')
  const env = { DBUS_SESSION_BUS_ADDRESS: address }
  // The daemon keeps its keyring files and control socket in the temporary folder.
  const daemonEnv = {
    ...process.env,
    ...env,
    HOME: dir,
    XDG_DATA_HOME: dataDir,
    XDG_RUNTIME_DIR: socketDir,
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_CACHE_HOME: join(dir, 'cache'),
  }
  delete daemonEnv.DISPLAY
  delete daemonEnv.WAYLAND_DISPLAY

  let daemon
  const startDaemon = async (unlocked) => {
    const args = ['--components=secrets', '--foreground', ...(unlocked ? ['--unlock'] : [])]
    daemon = spawn('gnome-keyring-daemon', args, {
      env: daemonEnv,
      stdio: ['pipe', 'ignore', 'ignore'],
    })
    children.add(daemon)
    // --unlock reads the login keyring's password from stdin (and creates the keyring with it).
    daemon.stdin.end(unlocked ? keyringPassword : '')
    await waitForName(env, 'org.freedesktop.secrets', daemon)
  }
  const stopDaemon = async () => {
    if (!daemon) return
    const exited = new Promise((resolve) => daemon.once('exit', resolve))
    if (daemon.exitCode === null) daemon.kill('SIGTERM')
    await exited
    children.delete(daemon)
    daemon = undefined
    await waitForName(env, 'org.freedesktop.secrets', undefined, false)
  }

  if (options.secretService !== false) await startDaemon(options.unlocked !== false)

  return {
    env,
    dir,
    /** Restarts the daemon on the same keyring files: locked, as after a reboot, or unlocked. */
    async restart({ unlocked }) {
      await stopDaemon()
      await startDaemon(unlocked)
    },
    /** Unlocks the running daemon's login keyring in place (the process keeps its connection). */
    unlock() {
      return new Promise((resolve, reject) => {
        // Debian's own python3, where python3-dbus lives (a python3 earlier in PATH may lack it).
        execFile(
          '/usr/bin/python3',
          ['-c', unlockProgram, keyringPassword],
          { env: { ...process.env, ...env } },
          (error, _stdout, stderr) =>
            error ? reject(new Error(`unlocking the test keyring failed: ${stderr}`)) : resolve(),
        )
      })
    },
    async stopSecretService() {
      await stopDaemon()
    },
    async stop() {
      await stopDaemon()
      const busExited = new Promise((resolve) => bus.once('exit', resolve))
      bus.kill('SIGTERM')
      await busExited
      children.delete(bus)
      process.removeListener('exit', killAll)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

function firstLine(child, name) {
  return new Promise((resolve, reject) => {
    let text = ''
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 10 s`)), 10_000)
    child.stdout.on('data', (chunk) => {
      text += chunk.toString('utf8')
      const newline = text.indexOf('\n')
      if (newline >= 0) {
        clearTimeout(timer)
        resolve(text.slice(0, newline).trim())
      }
    })
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`${name} could not be started (${error.message}); install the dbus package`))
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${name} exited with ${code} before it was ready`))
    })
  })
}

/** Polls the bus until `name` has (or, with `present` false, no longer has) an owner. */
async function waitForName(env, name, child, present = true) {
  const deadline = Date.now() + 10_000
  for (;;) {
    if (child && child.exitCode !== null) {
      throw new Error(`gnome-keyring-daemon exited with ${child.exitCode}; install gnome-keyring`)
    }
    if ((await hasOwner(env, name)) === present) return
    if (Date.now() > deadline) throw new Error(`${name} did not ${present ? 'appear' : 'go'}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function hasOwner(env, name) {
  return new Promise((resolve) => {
    execFile(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        `string:${name}`,
      ],
      { env: { ...process.env, ...env } },
      (error, stdout) => resolve(!error && /boolean true/.test(stdout)),
    )
  })
}
