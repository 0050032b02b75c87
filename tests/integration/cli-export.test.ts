import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'

const cli = join(process.cwd(), 'out', 'main', 'cli.js')
const fixtures = join(process.cwd(), 'tests', 'fixtures', 'photos')
const tempDir = useTempDirs()

interface ExportLine {
  input: string
  ok: boolean
  outputs?: {
    target: string
    path: string
    bytes: number
    width: number
    height: number
    format: string
  }[]
  error?: { code: string; message: string }
}

function exportCommand(args: string[]): {
  code: number | null
  lines: ExportLine[]
  stderr: string
} {
  if (!existsSync(cli))
    throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).')
  const result = spawnSync(process.execPath, [cli, 'export', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  })
  const lines = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as ExportLine)
  return { code: result.status, lines, stderr: result.stderr }
}

describe('werkschau export', () => {
  it('renders every input for every target and prints one JSON result per input', async () => {
    const out = tempDir()
    const inputs = ['werkbank-landscape.jpg', 'produkt-freigestellt.png'].map((name) =>
      join(fixtures, name),
    )
    const { code, lines } = exportCommand([
      ...inputs,
      '--for',
      'instagram,1:1',
      '--out',
      out,
      '--json',
    ])
    expect(code).toBe(0)
    expect(lines.map((line) => line.input).sort()).toEqual([...inputs].sort())
    for (const line of lines) {
      expect(line.ok).toBe(true)
      expect(line.outputs?.map((output) => output.target)).toEqual(['instagram', '1:1'])
      for (const output of line.outputs ?? []) {
        expect(statSync(output.path).size).toBe(output.bytes)
        const meta = await sharp(output.path).metadata()
        expect([meta.width, meta.height]).toEqual([output.width, output.height])
        if (output.target === 'instagram') {
          expect(meta.format).toBe('jpeg')
          // 4:5 at 1080×1350, except the 720 px cut-out, which is never enlarged.
          expect(output.width / output.height).toBeCloseTo(0.8, 2)
          expect(output.width).toBe(line.input.endsWith('.png') ? 576 : 1080)
        } else {
          expect(output.width).toBe(output.height)
        }
      }
    }
  })

  it('gives two inputs with the same file name two outputs, never overwriting one', () => {
    const [first, second] = [tempDir(), tempDir()]
    copyFileSync(join(fixtures, 'winzig.jpg'), join(first, 'IMG_0001.jpg'))
    copyFileSync(join(fixtures, 'ufer.webp'), join(second, 'IMG_0001.jpg'))
    const out = tempDir()
    const { code, lines } = exportCommand([first, second, '--for', 'x', '--out', out, '--json'])
    expect(code).toBe(0)
    const paths = lines.flatMap((line) => line.outputs?.map((output) => output.path) ?? [])
    expect(new Set(paths).size).toBe(2)
    for (const path of paths) expect(existsSync(path)).toBe(true)
  })

  it('exits with 2 when some inputs fail, naming each failure', () => {
    const broken = join(tempDir(), 'broken.jpg')
    writeFileSync(broken, 'not an image at all')
    const { code, lines } = exportCommand([
      join(fixtures, 'winzig.jpg'),
      broken,
      '--for',
      'bluesky',
      '--out',
      tempDir(),
      '--json',
    ])
    expect(code).toBe(2)
    expect(lines.find((line) => line.input === broken)).toMatchObject({
      ok: false,
      error: { code: 'unsupported_format' },
    })
    expect(lines.find((line) => line.input.endsWith('winzig.jpg'))).toMatchObject({ ok: true })
  })

  it('exits with 1 when nothing could be exported, or on wrong usage', () => {
    const empty = join(tempDir(), 'empty.jpg')
    writeFileSync(empty, '')
    expect(exportCommand([empty, '--for', 'x', '--out', tempDir(), '--json']).code).toBe(1)
    const unknown = exportCommand([
      join(fixtures, 'winzig.jpg'),
      '--for',
      'myspace',
      '--out',
      tempDir(),
    ])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('Unknown network or preset for --for: myspace')
    expect(exportCommand([join(fixtures, 'winzig.jpg'), '--out', tempDir()]).code).toBe(1)
  })
})
