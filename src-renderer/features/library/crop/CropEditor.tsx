import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NormalizedRect, PhotoRecord, Point } from '../../../../src-shared/photos/model'
import type { AspectPreset } from '../../../../src-shared/photos/presets'
import { describeError } from '../../../app/describe-error'
import { turn, withCrop, withFocalPoint, withStraighten, type EditState } from './edit-state'
import { EditStage } from './EditStage'
import { EditToolbar } from './EditToolbar'
import { PresetStrip } from './PresetStrip'
import { useAutoSave } from './useAutoSave'
import { useEditHistory } from './useEditHistory'
import { usePreviewImage } from './usePreviewImage'
import { useUndoShortcuts } from './useUndoShortcuts'
import './crop.css'

/**
 * Focal point, quarter turns, straightening and one crop per preset, with live previews drawn
 * the way the pipeline renders. Every change is saved shortly after it is made and can be undone
 * (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z or Ctrl+Y) for as long as the app runs.
 */
export function CropEditor({ record }: { record: PhotoRecord }) {
  const { t } = useTranslation()
  // What is saved when the photo is opened; later changes come from this editor itself.
  const [saved] = useState<EditState>(() => ({ edits: record.edits, crops: record.crops }))
  const history = useEditHistory(record.id, saved)
  const { state, change } = history
  const saveError = useAutoSave(record.id, state, saved)
  const preview = usePreviewImage(record.id)
  const [preset, setPreset] = useState<AspectPreset>()
  const probe = useMemo(
    () => ({ width: record.probe.width, height: record.probe.height }),
    [record.probe.width, record.probe.height],
  )
  useUndoShortcuts(history.undo, history.redo)

  const onFocalPoint = useCallback(
    (point: Point, key: string) => change((current) => withFocalPoint(current, point), key),
    [change],
  )
  const onCrop = useCallback(
    (target: AspectPreset, rect: NormalizedRect, key: string) =>
      change((current) => withCrop(current, target, rect), key),
    [change],
  )
  const onSelect = useCallback(
    (target: AspectPreset) => setPreset((current) => (current === target ? undefined : target)),
    [],
  )
  const onReset = useCallback(
    (target: AspectPreset) => change((current) => withCrop(current, target, undefined)),
    [change],
  )

  return (
    <section className="crop-editor" aria-label={t('library.crop.title')}>
      <EditToolbar
        straighten={state.edits.straighten}
        canUndo={history.canUndo}
        canRedo={history.canRedo}
        onTurn={(direction) => change((current) => turn(current, direction))}
        onStraighten={(degrees, key) => change((current) => withStraighten(current, degrees), key)}
        onUndo={history.undo}
        onRedo={history.redo}
      />
      {saveError !== undefined && (
        <p role="alert" className="alert-box">
          {t('library.crop.saveFailed', { reason: describeError(saveError, t) })}
        </p>
      )}
      <EditStage
        preview={preview}
        probe={probe}
        state={state}
        preset={preset}
        onFocalPoint={onFocalPoint}
        onCrop={onCrop}
      />
      <PresetStrip
        image={preview.status === 'ready' ? preview.image : undefined}
        probe={probe}
        state={state}
        selected={preset}
        onSelect={onSelect}
        onReset={onReset}
      />
    </section>
  )
}
