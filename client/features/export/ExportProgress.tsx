import { useTranslation } from 'react-i18next';
import type { ExportJob } from './useExportJob.js';

/**
 * The state of the export being made: a progress bar while it runs, then what happened. The status
 * line is always in the page, so a screen reader hears the result when it changes.
 */
export function ExportProgress({ job }: { job: ExportJob }) {
  const { t } = useTranslation();
  const percent = job.status === 'running' ? Math.round(job.progress * 100) : 0;
  return (
    <div className="export-progress">
      {job.status === 'running' && (
        <div className="export-bar-line">
          <div
            className="export-bar"
            role="progressbar"
            aria-label={t(`export.making.${job.kind}`)}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            data-testid="export.progress"
          >
            <div className="export-bar-fill" style={{ width: `${percent}%` }} />
          </div>
          <span className="export-percent" aria-hidden="true">
            {percent}%
          </span>
        </div>
      )}
      <p className="export-status" role="status" data-testid="export.status">
        {job.status === 'running'
          ? t(`export.making.${job.kind}`)
          : job.status === 'done'
            ? t('export.done', { file: job.fileName })
            : ''}
      </p>
      {job.status === 'failed' && (
        <p className="form-error" role="alert" data-testid="export.error">
          {t(`export.errors.${job.error.key}`, job.error.values)}
        </p>
      )}
    </div>
  );
}
