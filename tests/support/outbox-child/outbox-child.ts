/**
 * The app's services with the outbox running, as a process of its own, for the fault-injection
 * tests (tests/integration/publishing/outbox-crash.test.ts builds this file and runs it).
 *
 * It reads its instructions from the environment, which only the tests set:
 *   WERKSCHAU_TEST_DATA_DIR   the user-data folder (library, outbox, accounts) to open
 *   WERKSCHAU_TEST_CRASH_AT   a step boundary (src-main/publishing/outbox/boundaries.ts): the
 *                             process dies there, the first time any job reaches it
 *   WERKSCHAU_TEST_CRASH_HOW  `kill` (SIGKILL, the default: nothing is flushed) or `exit` (exit 1)
 *   WERKSCHAU_TEST_X_API      the X spec server's origin (X's sign-in refresh, adapter and probe)
 * The crash goes in through the services config (`publishing.onBoundary`); the app's own code
 * reads none of these variables.
 *
 * Without a crash it runs until every job has finished (done, failed or cancelled), prints the
 * jobs as one JSON line and exits 0.
 */
import { photoWorkerScript } from '../../../src-main/app-root'
import { createMemoryLogger } from '../../../src-main/log'
import { forkNodeWorker } from '../../../src-main/photos/worker/worker-process'
import { createNetworkFlows } from '../../../src-main/accounts/networks'
import { createMastodonAdapter } from '../../../src-main/publishing/adapters/mastodon'
import { createXAdapter } from '../../../src-main/publishing/adapters/x'
import { tcpConnectivity } from '../../../src-main/publishing/outbox/connectivity'
import { createServices } from '../../../src-main/services'
import { openConfSettings } from '../../../src-main/settings/settings-file'

const dataDir = process.env.WERKSCHAU_TEST_DATA_DIR
const crashAt = process.env.WERKSCHAU_TEST_CRASH_AT
const crashHow = process.env.WERKSCHAU_TEST_CRASH_HOW === 'exit' ? 'exit' : 'kill'
const xApi = process.env.WERKSCHAU_TEST_X_API
if (!dataDir) throw new Error('WERKSCHAU_TEST_DATA_DIR is not set')
const xEndpoints = xApi && {
  authorizeUrl: `${xApi}/i/oauth2/authorize`,
  tokenUrl: `${xApi}/2/oauth2/token`,
  apiBase: xApi,
}

const log = createMemoryLogger()
const services = await createServices({
  host: 'browser',
  version: '0.0.0-test',
  dataDir,
  settingsBackend: await openConfSettings(dataDir, log),
  spawnPhotoWorker: forkNodeWorker(photoWorkerScript(process.cwd())),
  log,
  ...(xEndpoints
    ? { accounts: { networkFlows: createNetworkFlows({ x: { endpoints: xEndpoints } }) } }
    : {}),
  publishing: {
    adapters: {
      mastodon: createMastodonAdapter({
        polling: { firstDelayMs: 5, maxDelayMs: 20, giveUpAfterMs: 5_000 },
      }),
      ...(xEndpoints ? { x: createXAdapter({ endpoints: xEndpoints }) } : {}),
    },
    ...(xApi ? { connectivity: tcpConnectivity({ apiOrigins: { x: xApi } }) } : {}),
    retry: { baseMs: 100, capMs: 500, floorMs: 50, probeBaseMs: 100, probeCapMs: 300 },
    onBoundary: (boundary) => {
      if (boundary !== crashAt) return
      process.stdout.write(`${JSON.stringify({ crashedAt: boundary })}\n`)
      if (crashHow === 'exit') process.exit(1)
      process.kill(process.pid, 'SIGKILL')
    },
  },
})

const finished = new Set(['done', 'failed', 'cancelled'])
const deadline = Date.now() + 30_000
for (;;) {
  const jobs = services.outbox.list()
  if (jobs.every((job) => finished.has(job.state))) {
    await services.outbox.settled()
    process.stdout.write(`${JSON.stringify({ jobs, log: log.lines })}\n`)
    break
  }
  if (Date.now() > deadline) {
    process.stdout.write(`${JSON.stringify({ timedOut: true, jobs, log: log.lines })}\n`)
    process.exitCode = 2
    break
  }
  await new Promise((resolve) => setTimeout(resolve, 20))
}
await services.close()
process.exit()
