import { describe, expect, it } from 'vitest'
import { parseCommand, UsageError } from '../../../src-main/cli/arguments'

describe('parseCommand', () => {
  it('reads serve with every option', () => {
    expect(
      parseCommand(['serve', '--port', '8123', '--library', 'lib', '--no-open', '--data-dir', 'd']),
    ).toEqual({
      kind: 'serve',
      port: 8123,
      library: 'lib',
      dataDir: 'd',
      open: false,
      dev: false,
    })
  })

  it('defaults to a free port and opening the browser', () => {
    expect(parseCommand(['serve'])).toMatchObject({ kind: 'serve', port: 0, open: true })
  })

  it('treats no command as start', () => {
    expect(parseCommand([])).toEqual({ kind: 'start', dev: false, open: true, dataDir: undefined })
  })

  it('refuses bad ports, unknown commands and unknown options with a sentence', () => {
    expect(() => parseCommand(['serve', '--port=-3'])).toThrow(
      'Expected a port number between 0 and 65535 for --port but received -3',
    )
    expect(() => parseCommand(['serve', '--port', 'abc'])).toThrow(UsageError)
    expect(() => parseCommand(['publish'])).toThrow('Unknown command: publish')
    expect(() => parseCommand(['serve', '--colour'])).toThrow(UsageError)
  })
})
