// Runs the Vitest suites (unit + integration) and then the Playwright end-to-end suite, both even
// when the first fails, and closes with one line that totals them: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { startPrivateKeyring } from './support/private-keyring.mjs'

const reports = { vitest: 'test-results/vitest.json', playwright: 'test-results/playwright.json' }
for (const file of Object.values(reports)) rmSync(file, { force: true })

// Every test process (and every host the e2e tests start) gets a private, throw-away GNOME Keyring
// on its own D-Bus: tests never touch the keychain of whoever runs them. Without one, a bus address
// that leads nowhere, so keychain calls fail ("keychain unavailable") instead of reaching it.
const keyring = await startPrivateKeyring().catch((error) => {
  console.warn(`No private keyring for this run: ${error.message}`)
  return undefined
})
const env = {
  ...process.env,
  DBUS_SESSION_BUS_ADDRESS: keyring?.env.DBUS_SESSION_BUS_ADDRESS ?? 'unix:path=/nonexistent/bus',
}

const bin = (name) => `node_modules/.bin/${name}`
const vitest = spawnSync(bin('vitest'), ['run'], { stdio: 'inherit', env })
const playwright = spawnSync(bin('playwright'), ['test'], { stdio: 'inherit', env })
await keyring?.stop()

const totals = { passed: 0, failed: 0, skipped: 0 }
if (existsSync(reports.vitest)) {
  const report = JSON.parse(readFileSync(reports.vitest, 'utf8'))
  totals.passed += report.numPassedTests
  totals.failed += report.numFailedTests
  totals.skipped += report.numPendingTests + report.numTodoTests
}
if (existsSync(reports.playwright)) {
  const { stats } = JSON.parse(readFileSync(reports.playwright, 'utf8'))
  totals.passed += stats.expected + stats.flaky
  totals.failed += stats.unexpected
  totals.skipped += stats.skipped
}
const crashed = [vitest, playwright].some((run) => run.status !== 0) && totals.failed === 0
if (crashed) totals.failed += 1 // a runner died before reporting: never let that read as green

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(vitest.status === 0 && playwright.status === 0 ? 0 : 1)
