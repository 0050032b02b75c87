/**
 * "Show in folder" for the browser host: the host runs on the user's own machine (loopback
 * only), so it opens the folder in the system's file manager with `open` (xdg-open, Finder,
 * Explorer). Electron passes `shell.showItemInFolder` instead, which also selects the folder.
 * Callers pass only folders they checked are inside the library's Exports folder.
 * @throws when no opener could be started (`open` rejects on a failed spawn)
 */
export async function openFolder(folder: string): Promise<void> {
  const { default: open } = await import('open')
  const child = await open(folder)
  // Started; what the opener does later (no file manager installed …) is not ours to report.
  child.on('error', () => undefined)
}
