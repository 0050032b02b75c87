import { randomBytes } from 'node:crypto'
import { mkdir, readdir, realpath, rename, rm } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { z } from 'zod'
import { AppErrorException } from '../../../src-shared/errors'
import { NetworkIdSchema, PostIdSchema, type PostId } from '../../../src-shared/posts/model'
import { BundleLanguageSchema } from '../../../src-shared/publishing/bundles-contract'
import {
  errorCode,
  fsyncDirectory,
  pathExists,
  readJsonFile,
  writeJsonAtomic,
} from '../../library/atomic-file'

/*
 * Where bundles live and how a folder gets there whole:
 *
 *   <library>/Exports/Posts/<date> <title>/.werkschau-post.json      which post this folder is for
 *   <library>/Exports/Posts/<date> <title>/<Network>/…               one finished bundle
 *   <library>/Exports/Posts/<date> <title>/<Network>/.werkschau-bundle.json   what it was made from
 *
 * A bundle is written into `.<Network>.<random>.partial` beside its final name and renamed into
 * place once complete, so the user (or a sync service) never sees half a folder. Remaking a
 * bundle moves the old one aside as `.<Network>.<random>.old` first; leftovers of a crash are
 * tidied before the next build of that network.
 */

export const manifestFileName = '.werkschau-bundle.json'
const postMarkerFileName = '.werkschau-post.json'

const PostMarkerSchema = z.object({ format: z.literal(1), postId: PostIdSchema })

export const BundleManifestSchema = z.object({
  format: z.literal(1),
  postId: PostIdSchema,
  network: NetworkIdSchema,
  createdAt: z.iso.datetime(),
  language: BundleLanguageSchema,
  /** planFingerprint of what the files were made from (bundle-plan.ts). */
  fingerprint: z.string(),
  /** The files, in the order the bundle lists them. */
  files: z.array(z.string()),
})
export type BundleManifest = z.infer<typeof BundleManifestSchema>

export function exportsFolder(libraryRoot: string): string {
  return join(resolve(libraryRoot), 'Exports')
}

export function postsFolder(libraryRoot: string): string {
  return join(exportsFolder(libraryRoot), 'Posts')
}

/** The folder of this post's bundles, if one was made. */
export async function findPostFolder(
  libraryRoot: string,
  postId: PostId,
): Promise<string | undefined> {
  const root = postsFolder(libraryRoot)
  const names = (await readdir(root).catch(() => [] as string[])).sort()
  for (const name of names) {
    if (name.startsWith('.')) continue
    const marker = await readJsonFile(join(root, name, postMarkerFileName), PostMarkerSchema)
    if (marker.ok && marker.value.postId === postId) return join(root, name)
  }
  return undefined
}

/** Every post folder with the post it belongs to (one pass, for lists of many posts). */
export async function listPostFolders(libraryRoot: string): Promise<Map<PostId, string>> {
  const root = postsFolder(libraryRoot)
  const names = (await readdir(root).catch(() => [] as string[])).sort()
  const folders = new Map<PostId, string>()
  for (const name of names) {
    if (name.startsWith('.')) continue
    const marker = await readJsonFile(join(root, name, postMarkerFileName), PostMarkerSchema)
    if (marker.ok && !folders.has(marker.value.postId))
      folders.set(marker.value.postId, join(root, name))
  }
  return folders
}

/**
 * The post's folder, made on first use under a name no other folder has (`… 2`, `… 3`). The
 * marker file, not the name, ties it to the post: the title may change, the folder stays.
 * Callers serialise per post (two networks of one post must not make two folders).
 */
export async function ensurePostFolder(
  libraryRoot: string,
  postId: PostId,
  name: string,
): Promise<string> {
  const found = await findPostFolder(libraryRoot, postId)
  if (found) return found
  const root = postsFolder(libraryRoot)
  await mkdir(root, { recursive: true })
  for (let attempt = 1; ; attempt++) {
    const folder = join(root, attempt === 1 ? name : `${name} ${attempt}`)
    try {
      await mkdir(folder)
    } catch (error) {
      if (errorCode(error) === 'EEXIST') continue
      throw error
    }
    await writeJsonAtomic(join(folder, postMarkerFileName), { format: 1, postId })
    return folder
  }
}

export function partialFolderName(folderName: string): string {
  return `.${folderName}.${randomBytes(6).toString('hex')}.partial`
}

/**
 * Puts a finished `partial` folder at `final`, replacing a bundle made before. The old one is
 * renamed aside first (a folder cannot be renamed over a full one) and removed last.
 */
export async function moveIntoPlace(partial: string, final: string, folderName: string) {
  const parent = join(final, '..')
  let aside: string | undefined
  if (await pathExists(final)) {
    aside = join(parent, `.${folderName}.${randomBytes(6).toString('hex')}.old`)
    await rename(final, aside)
  }
  try {
    await rename(partial, final)
  } catch (error) {
    if (aside) await rename(aside, final).catch(() => undefined)
    throw error
  }
  await fsyncDirectory(parent)
  if (aside) await rm(aside, { recursive: true, force: true })
}

/**
 * What a crash left of earlier builds of this network: partial folders are removed; an old
 * bundle moved aside comes back when the crash came before its replacement was in place.
 */
export async function tidyLeftovers(postFolder: string, folderName: string): Promise<void> {
  const names = await readdir(postFolder).catch(() => [] as string[])
  const prefix = `.${folderName}.`
  const final = join(postFolder, folderName)
  for (const name of names.filter((candidate) => candidate.startsWith(prefix))) {
    const rest = name.slice(prefix.length)
    if (!/^[0-9a-f]{12}\.(partial|old)$/.test(rest)) continue
    const path = join(postFolder, name)
    if (rest.endsWith('.old') && !(await pathExists(final))) await rename(path, final)
    else await rm(path, { recursive: true, force: true })
  }
}

export async function readManifest(folder: string): Promise<BundleManifest | undefined> {
  const read = await readJsonFile(join(folder, manifestFileName), BundleManifestSchema)
  return read.ok ? read.value : undefined
}

/**
 * Refuses a path that is not inside the library's Exports folder once links are followed: a
 * bundle folder replaced by a link to elsewhere is never written to or opened.
 * @throws {AppErrorException} `forbidden`
 */
export async function assertInsideExports(libraryRoot: string, path: string): Promise<void> {
  const root = await realpath(exportsFolder(libraryRoot)).catch(() => exportsFolder(libraryRoot))
  const real = await realpath(path).catch(() => resolve(path))
  const inside = relative(root, real)
  const outside = inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)
  if (inside === '' || outside) {
    throw new AppErrorException(
      'forbidden',
      'Werkschau only opens and writes folders inside the Exports folder of your library.',
    )
  }
}
