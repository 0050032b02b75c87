import type { Plugin } from 'vite'
import { contentSecurityPolicy, developmentContentSecurityPolicy } from '../src-shared/csp.ts'

/** Writes the one CSP from src-shared/csp.ts into index.html's `%WERKSCHAU_CSP%` placeholder. */
export function contentSecurityPolicyPlugin(): Plugin {
  let policy = contentSecurityPolicy
  return {
    name: 'werkschau-csp',
    configResolved(config) {
      policy = config.command === 'serve' ? developmentContentSecurityPolicy : contentSecurityPolicy
    },
    transformIndexHtml: (html) => html.replace('%WERKSCHAU_CSP%', policy),
  }
}
