import type { EventPayload, ImportOutcome } from '../../../../src-shared/contract'
import type { AppError } from '../../../../src-shared/errors'

export interface ImportRow {
  key: string
  name: string
  /** 0..1 while sending; 1 once main has the file. */
  progress: number
  state: 'waiting' | 'sending' | 'done' | 'failed'
  outcome?: ImportOutcome['status']
  error?: AppError
}

/** Files handed to main by path: it reports them one by one, folders expanded. */
interface PathJob {
  total: number
  reported: number
  running: boolean
}

export interface ImportState {
  rows: ImportRow[]
  jobs: Record<string, PathJob>
}

export const emptyImport: ImportState = { rows: [], jobs: {} }

export type ImportAction =
  | { type: 'uploadsAdded'; rows: { key: string; name: string }[] }
  | { type: 'uploadProgress'; key: string; progress: number }
  | { type: 'uploadDone'; key: string; outcome: ImportOutcome['status'] }
  | { type: 'uploadFailed'; key: string; error: AppError }
  | { type: 'jobStarted'; key: string; total: number }
  | { type: 'jobProgress'; key: string; payload: EventPayload<'photos.importProgress'> }
  | { type: 'jobFailed'; key: string; names: string[]; error: AppError }
  | { type: 'dismissed' }

function updateRow(state: ImportState, key: string, change: Partial<ImportRow>): ImportState {
  return {
    ...state,
    rows: state.rows.map((row) => (row.key === key ? { ...row, ...change } : row)),
  }
}

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case 'uploadsAdded':
      return {
        ...state,
        rows: [
          ...state.rows,
          ...action.rows.map((row) => ({ ...row, progress: 0, state: 'waiting' as const })),
        ],
      }
    case 'uploadProgress':
      return updateRow(state, action.key, { state: 'sending', progress: action.progress })
    case 'uploadDone':
      return updateRow(state, action.key, { state: 'done', progress: 1, outcome: action.outcome })
    case 'uploadFailed':
      return updateRow(state, action.key, { state: 'failed', error: action.error })
    case 'jobStarted':
      return {
        ...state,
        jobs: { ...state.jobs, [action.key]: { total: action.total, reported: 0, running: true } },
      }
    case 'jobProgress':
      return jobProgress(state, action.key, action.payload)
    case 'jobFailed':
      return {
        rows: [
          ...state.rows,
          ...action.names.map((name, index) => ({
            key: `${action.key}-${index}`,
            name,
            progress: 0,
            state: 'failed' as const,
            error: action.error,
          })),
        ],
        jobs: { ...state.jobs, [action.key]: { total: 0, reported: 0, running: false } },
      }
    case 'dismissed':
      return emptyImport
  }
}

function jobProgress(
  state: ImportState,
  key: string,
  payload: EventPayload<'photos.importProgress'>,
): ImportState {
  const job = state.jobs[key] ?? { total: payload.total, reported: 0, running: true }
  const item = payload.item
  const rows = item
    ? [
        ...state.rows,
        {
          key: `${key}-${job.reported}`,
          name: item.name,
          progress: 1,
          state: item.ok ? ('done' as const) : ('failed' as const),
          outcome: item.ok ? item.outcome.status : undefined,
          error: item.ok ? undefined : item.error,
        },
      ]
    : state.rows
  const next: PathJob = {
    total: payload.total,
    reported: job.reported + (item ? 1 : 0),
    running: payload.state === 'running',
  }
  return { rows, jobs: { ...state.jobs, [key]: next } }
}

export interface ImportSummary {
  total: number
  finished: number
  imported: number
  duplicate: number
  restored: number
  failed: number
  running: boolean
}

export function summarize(state: ImportState): ImportSummary {
  const jobs = Object.values(state.jobs)
  const unreported = jobs.reduce(
    (sum, job) => sum + (job.running ? Math.max(0, job.total - job.reported) : 0),
    0,
  )
  const count = (test: (row: ImportRow) => boolean): number => state.rows.filter(test).length
  const finished = count((row) => row.state === 'done' || row.state === 'failed')
  return {
    total: state.rows.length + unreported,
    finished,
    imported: count((row) => row.outcome === 'imported'),
    duplicate: count((row) => row.outcome === 'duplicate'),
    restored: count((row) => row.outcome === 'restored'),
    failed: count((row) => row.state === 'failed'),
    running: finished < state.rows.length || jobs.some((job) => job.running),
  }
}
