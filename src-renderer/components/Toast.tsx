import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import './toast.css'

export interface ToastMessage {
  message: string
  action?: { label: string; run: () => void }
}

type ShowToast = (toast: ToastMessage) => void

const ToastContext = createContext<ShowToast>(() => undefined)

/** Long enough to reach the Undo button; paused while the pointer or focus is on the toast. */
const visibleMs = 10_000

/**
 * One short message at a time at the bottom of the window, in a polite live region so screen
 * readers announce it too. Its action (Undo) stays reachable by keyboard until it goes away.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const [toast, setToast] = useState<(ToastMessage & { serial: number }) | undefined>()
  const [paused, setPaused] = useState(false)

  const show = useCallback<ShowToast>(
    (next) => setToast((previous) => ({ ...next, serial: (previous?.serial ?? 0) + 1 })),
    [],
  )

  useEffect(() => {
    if (!toast || paused) return
    const timer = setTimeout(() => setToast(undefined), visibleMs)
    return () => clearTimeout(timer)
  }, [toast, paused])

  return (
    <ToastContext value={show}>
      {children}
      <div
        className="toast-region"
        role="status"
        onMouseEnter={() => setPaused(true)}
        onMouseLeave={() => setPaused(false)}
        onFocus={() => setPaused(true)}
        onBlur={() => setPaused(false)}
      >
        {toast && (
          <div className="toast" key={toast.serial}>
            <span className="toast__message">{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                className="button button--small toast__action"
                onClick={() => {
                  toast.action?.run()
                  setToast(undefined)
                  setPaused(false)
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button
              type="button"
              className="toast__close"
              aria-label={t('toast.close')}
              onClick={() => {
                setToast(undefined)
                setPaused(false)
              }}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
        )}
      </div>
    </ToastContext>
  )
}

export function useToast(): ShowToast {
  return useContext(ToastContext)
}
