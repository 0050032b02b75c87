/** "1 photo", "2 photos": the adapters' problem sentences count things. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
