#!/usr/bin/env node
import { appVersion } from './app-version'
import { parseCommand, usage, UsageError } from './cli/arguments'
import { exportFiles } from './cli/export'
import { serve } from './cli/serve'
import { start } from './cli/start'

/** `werkschau` on the command line. Runs under plain Node: nothing here may import electron. */
async function main(argv: readonly string[]): Promise<void> {
  const command = parseCommand(argv)
  switch (command.kind) {
    case 'help':
      console.log(usage)
      return
    case 'version':
      console.log(appVersion)
      return
    case 'serve':
      await serve(command)
      return
    case 'start':
      await start(command)
      return
    case 'export':
      process.exitCode = await exportFiles(command)
      return
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${usage}`)
  } else {
    console.error(
      `Werkschau could not start: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  process.exit(1)
})
