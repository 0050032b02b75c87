import { parseArgs } from 'node:util'

export const usage = `Usage: werkschau <command> [options]

Commands:
  start                 open the Werkschau window (or the browser host where Electron is missing)
  serve                 run the browser host on 127.0.0.1 and open it in your browser
  export <files or folders…> --for <network or preset,…> --out DIR [--json]
                        prepare photos for networks with the app's pipeline
                        (networks: bluesky mastodon pinterest x instagram threads facebook etsy;
                         presets: 4:5 1:1 2:3 1.91:1 16:9 original)

Options:
  --port N              serve: listen on port N (default: a free port)
  --library DIR         serve: use DIR as the photo library for this launch
  --data-dir DIR        keep settings in DIR instead of the usual app data folder
  --no-open             serve: do not open the system browser
  --dev                 hot reload of the renderer (development)

  -h, --help            show this help
  -v, --version         print the version`

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'serve'
      port: number
      library?: string | undefined
      dataDir?: string | undefined
      open: boolean
      dev: boolean
    }
  | { kind: 'start'; dev: boolean; open: boolean; dataDir?: string | undefined }
  | { kind: 'export'; inputs: string[]; targets: string[]; out: string; json: boolean }

export class UsageError extends Error {}

/** Parses the command line; throws UsageError with a sentence for people on anything unknown. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        library: { type: 'string' },
        'data-dir': { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        dev: { type: 'boolean', default: false },
        for: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  if (values.help) return { kind: 'help' }
  if (values.version) return { kind: 'version' }
  const [name, ...rest] = positionals
  if (name === 'export') {
    if (rest.length === 0) throw new UsageError('Name at least one file or folder to export.')
    if (!values.for)
      throw new UsageError('Say which networks or presets with --for, e.g. --for instagram,1:1')
    if (!values.out) throw new UsageError('Say where the files go with --out DIR')
    const targets = values.for
      .split(',')
      .map((target) => target.trim())
      .filter(Boolean)
    return { kind: 'export', inputs: rest, targets, out: values.out, json: values.json }
  }
  if (rest.length > 0) throw new UsageError(`Unexpected argument: ${rest.join(' ')}`)
  switch (name) {
    case 'serve':
      return {
        kind: 'serve',
        port: parsePort(values.port),
        library: values.library,
        dataDir: values['data-dir'],
        open: !values['no-open'],
        dev: values.dev,
      }
    case 'start':
    case undefined:
      return {
        kind: 'start',
        dev: values.dev,
        open: !values['no-open'],
        dataDir: values['data-dir'],
      }
    default:
      throw new UsageError(`Unknown command: ${name}`)
  }
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 0
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(
      `Expected a port number between 0 and 65535 for --port but received ${raw}`,
    )
  }
  return port
}
