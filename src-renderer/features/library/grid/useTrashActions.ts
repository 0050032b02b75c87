import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/ApiContext'
import { describeError } from '../../../app/describe-error'
import { useToast } from '../../../components/Toast'

/** Moves photos to the trash with an Undo in the toast; restores them from it. */
export function useTrashActions() {
  const { t } = useTranslation()
  const api = useApi()
  const toast = useToast()

  const restore = useCallback(
    async (ids: string[]): Promise<void> => {
      try {
        const results = await api.call('photos.restore', { ids })
        const back = results.filter((result) => result.ok).length
        const failed = results.length - back
        toast({
          message: [
            t('library.trash.restored', { count: back }),
            failed > 0 ? t('library.trash.someFailed', { count: failed }) : '',
          ].join(' '),
        })
      } catch (error) {
        toast({ message: describeError(error, t) })
      }
    },
    [api, t, toast],
  )

  const moveToTrash = useCallback(
    async (ids: string[]): Promise<boolean> => {
      if (ids.length === 0) return false
      try {
        const results = await api.call('photos.trash', { ids })
        const moved = results.filter((result) => result.ok).map((result) => result.id)
        const failed = results.length - moved.length
        toast({
          message: [
            t('library.trash.moved', { count: moved.length }),
            failed > 0 ? t('library.trash.someFailed', { count: failed }) : '',
          ].join(' '),
          action:
            moved.length > 0
              ? { label: t('library.trash.undo'), run: () => void restore(moved) }
              : undefined,
        })
        return moved.length > 0
      } catch (error) {
        toast({ message: describeError(error, t) })
        return false
      }
    },
    [api, t, toast, restore],
  )

  return { moveToTrash, restore }
}
