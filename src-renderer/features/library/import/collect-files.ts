/** The extensions Werkschau imports; used to pick photos out of a dropped or chosen folder. */
export const imageExtensions = [
  'jpg',
  'jpeg',
  'png',
  'webp',
  'avif',
  'tif',
  'tiff',
  'gif',
  'heic',
  'heif',
]

/** For the file picker: every image type the browser knows, plus those it may not. */
export const acceptedTypes = 'image/*,.heic,.heif,.avif,.tif,.tiff'

export function isHidden(name: string): boolean {
  return name.startsWith('.')
}

export function looksLikeImage(name: string): boolean {
  const extension = /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase()
  return extension !== undefined && imageExtensions.includes(extension)
}

/** A file from inside a folder: taken when it is visible and named like an image. */
function wantedFromFolder(path: string): boolean {
  const parts = path.split('/').filter(Boolean)
  return !parts.some(isHidden) && looksLikeImage(parts.at(-1) ?? '')
}

/** Files picked with "Add a folder…" (`webkitdirectory`): everything below that folder. */
export function filesFromFolderInput(files: FileList | null): File[] {
  return [...(files ?? [])].filter((file) => wantedFromFolder(file.webkitRelativePath || file.name))
}

/**
 * The files of a drop in a browser, folders opened recursively. The entries must be taken while
 * the drop event runs (the browser empties the list afterwards), so call this synchronously.
 * Files dropped on their own are all kept: Werkschau then says why one cannot be imported.
 */
export function filesFromDrop(transfer: DataTransfer): Promise<File[]> {
  const entries: FileSystemEntry[] = []
  const loose: File[] = []
  for (const item of [...transfer.items]) {
    if (item.kind !== 'file') continue
    const entry = item.webkitGetAsEntry()
    const file = entry ? undefined : item.getAsFile()
    if (entry) entries.push(entry)
    else if (file) loose.push(file)
  }
  return Promise.all(entries.map((entry) => readEntry(entry, true))).then((lists) => [
    ...loose,
    ...lists.flat(),
  ])
}

async function readEntry(entry: FileSystemEntry, topLevel: boolean): Promise<File[]> {
  if (isFileEntry(entry)) {
    if (!topLevel && !wantedFromFolder(entry.name)) return []
    return [await new Promise<File>((resolve, reject) => entry.file(resolve, reject))]
  }
  if (!isDirectoryEntry(entry) || (!topLevel && isHidden(entry.name))) return []
  const children = await readAllEntries(entry.createReader())
  const lists = await Promise.all(children.map((child) => readEntry(child, false)))
  return lists.flat()
}

/** readEntries() answers in batches (about 100 at a time in Chromium) until it returns none. */
async function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = []
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    )
    if (batch.length === 0) return all
    all.push(...batch)
  }
}

function isFileEntry(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile
}

function isDirectoryEntry(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory
}

/** Pasted files, or a copied image (which arrives as a file without a useful name). */
export function filesFromClipboard(data: DataTransfer | null, pastedName: string): File[] {
  if (!data) return []
  const files = [...data.files].filter(
    (file) => file.type.startsWith('image/') || looksLikeImage(file.name),
  )
  if (files.length > 0) return files.map((file) => renameIfGeneric(file, pastedName))
  return [...data.items]
    .filter((item) => item.kind === 'file' && item.type.startsWith('image/'))
    .flatMap((item) => item.getAsFile() ?? [])
    .map((file) => renameIfGeneric(file, pastedName))
}

/** Browsers call every copied image "image.png"; a dated name tells them apart in the library. */
function renameIfGeneric(file: File, pastedName: string): File {
  if (!/^image\.(png|jpe?g|gif|webp)$/i.test(file.name)) return file
  const extension = file.name.split('.').pop() ?? 'png'
  return new File([file], `${pastedName}.${extension}`, { type: file.type })
}

/** "2026-03-14 09-05-33" in local time: sorts well and is allowed in every file system. */
export function timestamp(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0')
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
  return `${day} ${pad(date.getHours())}-${pad(date.getMinutes())}-${pad(date.getSeconds())}`
}
