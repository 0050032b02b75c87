import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RenderOutput } from '../../../../src-shared/contract'
import type { PhotoRecord } from '../../../../src-shared/photos/model'
import { findRenderTarget } from '../../../../src-shared/platforms/render-targets'

/** Main reports what it had to adapt as codes; unknown ones are shown as they are. */
function describeWarning(code: string, t: TFunction): string {
  switch (code) {
    case 'smaller-than-target':
      return t('library.export.warning.smallerThanTarget')
    case 'transparency-flattened':
      return t('library.export.warning.transparencyFlattened')
    case 'shrunk-to-fit':
      return t('library.export.warning.shrunkToFit')
    default:
      return code
  }
}

/** A long job lists its results a page at a time, so the dialog stays quick. */
const pageSize = 200

export function ExportResults({
  results,
  photos,
}: {
  results: readonly RenderOutput[]
  photos: readonly PhotoRecord[]
}) {
  const { t, i18n } = useTranslation()
  const [shown, setShown] = useState(pageSize)
  const names = new Map(photos.map((photo) => [photo.id, photo.originalName]))
  const kilobytes = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 })
  return (
    <>
      <div
        className="export-results"
        role="region"
        tabIndex={0}
        aria-label={t('library.export.resultsLabel')}
      >
        <table className="export-table">
          <thead>
            <tr>
              <th scope="col">{t('library.export.col.photo')}</th>
              <th scope="col">{t('library.export.col.target')}</th>
              <th scope="col">{t('library.export.col.size')}</th>
              <th scope="col">{t('library.export.col.format')}</th>
              <th scope="col">{t('library.export.col.kb')}</th>
              <th scope="col">{t('library.export.col.encodes')}</th>
              <th scope="col">{t('library.export.col.notes')}</th>
              <th scope="col">{t('library.export.col.file')}</th>
            </tr>
          </thead>
          <tbody>
            {results.slice(0, shown).map((result, index) => (
              <tr key={index} className={result.ok ? undefined : 'export-table__failed'}>
                <td>{names.get(result.photoId) ?? result.photoId.slice(0, 8)}</td>
                <td>{findRenderTarget(result.target)?.label ?? result.target}</td>
                <td className="export-table__number">
                  {result.width && result.height ? `${result.width}×${result.height}` : '–'}
                </td>
                <td>{result.format?.toUpperCase() ?? '–'}</td>
                <td className="export-table__number">
                  {result.bytes === undefined ? '–' : kilobytes.format(result.bytes / 1000)}
                </td>
                <td className="export-table__number">{result.encodes ?? '–'}</td>
                <td>
                  {result.error && (
                    <span className="export-table__error">{t(`errors.${result.error.code}`)}</span>
                  )}
                  {result.warnings.map((warning) => (
                    <span key={warning} className="export-table__warning">
                      {describeWarning(warning, t)}
                    </span>
                  ))}
                </td>
                <td className="export-table__file">{result.file ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {results.length > shown && (
        <button
          type="button"
          className="button button--small"
          onClick={() => setShown(shown + pageSize)}
        >
          {t('library.export.showMore', { count: results.length - shown })}
        </button>
      )}
    </>
  )
}
