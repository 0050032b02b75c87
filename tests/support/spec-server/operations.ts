import {
  httpMethods,
  isObject,
  pointerEscape,
  pointerGet,
  type HttpMethod,
  type OpenApiDocument,
  type Operation,
  type Parameter,
} from './openapi'

/** One operation of the document, with everything needed to check a request against it. */
export interface IndexedOperation {
  /** `POST /api/v1/apps`: the key handlers and quirks use. */
  key: string
  operationId: string | undefined
  method: HttpMethod
  template: string
  /** JSON pointer of the operation object, e.g. `#/paths/~1api~1v1~1apps/post`. */
  pointer: string
  operation: Operation
  parameters: { parameter: Parameter; pointer: string }[]
}

export interface MatchedOperation {
  operation: IndexedOperation
  pathParams: Record<string, string>
}

interface Route {
  operation: IndexedOperation
  pattern: RegExp
  names: string[]
  templated: number
}

/** Method + path template matching, literal segments before templated ones (as servers route). */
export class OperationIndex {
  private readonly routes: Route[] = []
  readonly byKey = new Map<string, IndexedOperation>()

  constructor(
    document: OpenApiDocument,
    private readonly basePath: string,
  ) {
    for (const [template, item] of Object.entries(document.paths)) {
      const itemPointer = `#/paths/${pointerEscape(template)}`
      const shared = collectParameters(document, item.parameters, `${itemPointer}/parameters`)
      for (const method of httpMethods) {
        const operation = item[method]
        if (!operation) continue
        const pointer = `${itemPointer}/${method}`
        const own = collectParameters(document, operation.parameters, `${pointer}/parameters`)
        const parameters = [
          ...shared.filter((p) => !own.some((o) => sameParameter(o.parameter, p.parameter))),
          ...own,
        ]
        const indexed: IndexedOperation = {
          key: `${method.toUpperCase()} ${template}`,
          operationId: operation.operationId,
          method,
          template,
          pointer,
          operation,
          parameters,
        }
        this.byKey.set(indexed.key, indexed)
        if (operation.operationId) this.byKey.set(operation.operationId, indexed)
        this.routes.push(route(indexed))
      }
    }
    this.routes.sort(
      (a, b) => a.templated - b.templated || b.pattern.source.length - a.pattern.source.length,
    )
  }

  match(method: string, pathname: string): MatchedOperation | undefined {
    if (!pathname.startsWith(this.basePath)) return undefined
    const relative = pathname.slice(this.basePath.length) || '/'
    for (const candidate of this.routes) {
      if (candidate.operation.method !== method.toLowerCase()) continue
      const found = candidate.pattern.exec(relative)
      if (!found) continue
      const pathParams: Record<string, string> = {}
      candidate.names.forEach((name, index) => {
        pathParams[name] = decodeURIComponent(found[index + 1] ?? '')
      })
      return { operation: candidate.operation, pathParams }
    }
    return undefined
  }

  /** Whether any method is documented at this path (405 rather than 404 for the others). */
  hasPath(pathname: string): boolean {
    const relative = pathname.slice(this.basePath.length)
    return this.routes.some((candidate) => candidate.pattern.test(relative))
  }
}

function route(operation: IndexedOperation): Route {
  const names: string[] = []
  const source = operation.template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1]
      if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      names.push(name)
      return '([^/]+)'
    })
    .join('')
  return { operation, pattern: new RegExp(`^${source}$`), names, templated: names.length }
}

function collectParameters(
  document: OpenApiDocument,
  list: unknown[] | undefined,
  pointer: string,
): { parameter: Parameter; pointer: string }[] {
  return (list ?? []).map((entry, index) => {
    let current = entry
    let at = `${pointer}/${index}`
    while (isObject(current) && typeof current.$ref === 'string') {
      at = current.$ref
      current = pointerGet(document, current.$ref)
    }
    return { parameter: current as Parameter, pointer: at }
  })
}

function sameParameter(a: Parameter, b: Parameter): boolean {
  return a.name === b.name && a.in === b.in
}
