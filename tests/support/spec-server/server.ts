import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import type { IndexedOperation } from './operations'
import type { SpecName } from './quirks'
import { parseBody, type UploadedFile } from './request-body'
import { checkBody, checkParameters, checkSecurity } from './request-check'
import { checkResponse } from './response-check'
import { loadSpec, type LoadedSpec } from './specs'

/** What a handler gets: the request, parsed and (for spec routes) already validated. */
export interface SpecRequest {
  method: string
  url: URL
  /** The matched operation's `METHOD /template`, or the page's `METHOD /path`. */
  operation: string
  pathParams: Record<string, string>
  /** Declared query parameters, coerced to their schema types (arrays, numbers…). */
  query: Record<string, unknown>
  headers: IncomingHttpHeaders
  /** JSON, or form/multipart fields as an object (coerced); undefined without a body. */
  body: unknown
  files: UploadedFile[]
  rawBody: Buffer
}

export interface SpecResponse {
  status: number
  /** Sent as application/json and checked against the documented response schema. */
  json?: unknown
  /** Sent as is (HTML pages, empty bodies); not checked. */
  text?: string
  headers?: Record<string, string>
  /**
   * Cut the connection instead of answering, after the request was fully received (and
   * recorded): what a client sees when the wifi drops mid-request, outcome unknown.
   */
  drop?: boolean
}

export type SpecHandler = (request: SpecRequest) => SpecResponse | Promise<SpecResponse>

export interface RecordedRequest {
  method: string
  path: string
  query: string
  operation: string | undefined
  headers: IncomingHttpHeaders
  body: unknown
  files: UploadedFile[]
  status: number
}

export interface Violation {
  /** `POST /api/v1/apps?…` as the client sent it. */
  request: string
  kind: 'route' | 'request' | 'response' | 'handler'
  problems: string[]
}

/**
 * A local stand-in for a network's API on 127.0.0.1 (random port) that checks every request
 * against the network's OpenAPI document: the operation (method + path template), path, query and
 * header parameters, credentials, and the body (JSON, form-urlencoded, multipart). A request that
 * does not conform is recorded as a violation with a readable explanation and answered 400
 * (404/405 for unknown routes); `assertNoViolations()` (run by `useSpecServers` after each test)
 * fails the test. Handlers answer per operation; their JSON answers are checked against the
 * documented responses too. Browser pages that are not part of the API (X's and Pinterest's
 * authorize pages) are added with `page()` and are not checked.
 */
export class SpecServer {
  readonly requests: RecordedRequest[] = []
  readonly violations: Violation[] = []
  private readonly handlers = new Map<string, SpecHandler>()
  private readonly pages = new Map<string, SpecHandler>()

  private constructor(
    readonly spec: LoadedSpec,
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(name: SpecName): Promise<SpecServer> {
    const spec = loadSpec(name)
    const server = createServer()
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
    const { port } = server.address() as AddressInfo
    const instance = new SpecServer(spec, server, `http://127.0.0.1:${port}`)
    server.on('request', (request, response) => {
      void instance.answer(request).then(
        ({ status, headers, body, drop }) => {
          if (drop) {
            request.socket.destroy()
            return
          }
          response.writeHead(status, headers)
          response.end(body)
        },
        (error: unknown) => {
          response.writeHead(500, { 'content-type': 'text/plain' })
          response.end(String(error))
        },
      )
    })
    return instance
  }

  /** The API's base URL (origin plus the document's base path, e.g. `/v5` for Pinterest). */
  get baseUrl(): string {
    return `${this.origin}${this.spec.basePath}`
  }

  /** Answers an operation, named `POST /api/v1/apps` (template as in the document) or by operationId. */
  on(operation: string, handler: SpecHandler): this {
    const found = this.spec.operations.byKey.get(operation)
    if (!found) throw new Error(`${this.spec.name}: no operation "${operation}" in the document`)
    this.handlers.set(found.key, handler)
    return this
  }

  /** A route outside the API document (a browser page); requests to it are recorded, not checked. */
  page(method: string, path: string, handler: SpecHandler): this {
    this.pages.set(`${method.toUpperCase()} ${path}`, handler)
    return this
  }

  requestsTo(operation: string): RecordedRequest[] {
    const key = this.spec.operations.byKey.get(operation)?.key ?? operation
    return this.requests.filter((request) => request.operation === key)
  }

  assertNoViolations(): void {
    if (this.violations.length === 0) return
    const lines = this.violations.map(
      (v) => `${v.kind} violation in ${v.request}:\n    ${v.problems.join('\n    ')}`,
    )
    throw new Error(
      `${this.spec.name} spec server saw requests that break the spec:\n  ${lines.join('\n  ')}`,
    )
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private async answer(
    request: IncomingMessage,
  ): Promise<{ status: number; headers: Record<string, string>; body: string; drop: boolean }> {
    const rawBody = await readAll(request)
    const url = new URL(request.url ?? '/', this.origin)
    const method = request.method ?? 'GET'
    const label = `${method} ${url.pathname}${url.search}`
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: url.search,
      operation: undefined,
      headers: request.headers,
      body: undefined,
      files: [],
      status: 0,
    }
    this.requests.push(record)
    const finish = (response: SpecResponse) => {
      record.status = response.status
      const body =
        response.json !== undefined ? JSON.stringify(response.json) : (response.text ?? '')
      const type = response.json !== undefined ? 'application/json' : 'text/html; charset=utf-8'
      return {
        status: response.status,
        headers: { 'content-type': type, ...response.headers },
        body,
        drop: response.drop === true,
      }
    }
    const refuse = (kind: Violation['kind'], status: number, problems: string[]) => {
      this.violations.push({ request: label, kind, problems })
      return finish({ status, json: { error: `spec violation: ${problems.join('; ')}` } })
    }

    const page = this.pages.get(`${method} ${url.pathname}`)
    if (page) {
      record.operation = `${method} ${url.pathname}`
      const query = Object.fromEntries(url.searchParams)
      return finish(
        await page({
          method,
          url,
          operation: record.operation,
          pathParams: {},
          query,
          headers: request.headers,
          body: undefined,
          files: [],
          rawBody,
        }),
      )
    }

    const matched = this.spec.operations.match(method, url.pathname)
    if (!matched) {
      const known = this.spec.operations.hasPath(url.pathname)
      return refuse('route', known ? 405 : 404, [
        known
          ? `${method} is not documented for ${url.pathname}`
          : `no operation in the ${this.spec.name} document matches ${method} ${url.pathname}`,
      ])
    }
    const operation: IndexedOperation = matched.operation
    record.operation = operation.key
    const body = await parseBody(request.headers['content-type'], rawBody, this.spec.railsBrackets)
    record.body = body.data
    record.files = body.files
    const parameters = checkParameters(
      this.spec,
      operation,
      url,
      matched.pathParams,
      request.headers,
    )
    const problems = [
      ...checkSecurity(this.spec, operation, url, request.headers),
      ...parameters.problems,
      ...checkBody(this.spec, operation, body),
    ]
    if (problems.length > 0) return refuse('request', 400, problems)

    const handler = this.handlers.get(operation.key)
    if (!handler)
      return refuse('handler', 501, [`the test registered no handler for ${operation.key}`])
    let response: SpecResponse
    try {
      response = await handler({
        method,
        url,
        operation: operation.key,
        pathParams: matched.pathParams,
        query: parameters.query,
        headers: request.headers,
        body: body.data,
        files: body.files,
        rawBody,
      })
    } catch (error) {
      return refuse('handler', 500, [`the handler threw: ${String(error)}`])
    }
    if (response.drop) return finish(response)
    const responseProblems = checkResponse(this.spec, operation, response.status, response.json)
    if (responseProblems.length > 0)
      this.violations.push({ request: label, kind: 'response', problems: responseProblems })
    return finish(response)
  }
}

function readAll(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}
