import { useTranslation } from 'react-i18next'
import type { RenderTarget } from '../../../../src-shared/platforms/image-spec'
import { networkTargets, presetTargets } from '../../../../src-shared/platforms/render-targets'

interface TargetChoicesProps {
  chosen: ReadonlySet<string>
  onToggle: (id: string) => void
}

/** Networks by brand name; sizes by ratio and the pixels they come out at. */
export function TargetChoices({ chosen, onToggle }: TargetChoicesProps) {
  const { t } = useTranslation()
  const presetLabel = (target: RenderTarget): string => {
    const size = target.image.size
    if (!size) return t('library.export.originalSize')
    return t('library.export.presetLabel', {
      ratio: target.label,
      width: size.width,
      height: size.height,
    })
  }
  const group = (
    legend: string,
    targets: readonly RenderTarget[],
    label: (target: RenderTarget) => string,
  ) => (
    <fieldset className="export-field">
      <legend className="export-field__label">{legend}</legend>
      <div className="export-choices">
        {targets.map((target) => (
          <label key={target.id} className="export-choice">
            <input
              type="checkbox"
              checked={chosen.has(target.id)}
              onChange={() => onToggle(target.id)}
            />
            {label(target)}
          </label>
        ))}
      </div>
    </fieldset>
  )
  return (
    <div className="export-targets">
      {group(t('library.export.networks'), networkTargets, (target) => target.label)}
      {group(t('library.export.sizes'), presetTargets, presetLabel)}
    </div>
  )
}
