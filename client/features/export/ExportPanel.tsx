import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { targetKey, type ExportTarget } from './exportTarget.js';
import { ExportProgress } from './ExportProgress.js';
import {
  FOLLOW_UP_EXPORT_KINDS,
  makeExport,
  MAP_EXPORT_KINDS,
  type ExportSource,
  type MapExportKind,
} from './makeExport.js';
import { useExportTools } from './tools.js';
import { useExportJob } from './useExportJob.js';
import './export.css';

const NOTE_KINDS = [...MAP_EXPORT_KINDS, 'backup'] as const;

/**
 * Take the map out of the session: an A3 PDF, a picture, the convenant input (Word and Markdown)
 * of the joint map and, in a partners-first workshop, of every partner's own map; and the full
 * backup. The server makes every file ([E9]); this browser only fetches it with the facilitator's
 * token (and draws the PNG from the SVG), so there is one implementation of each export.
 */
export function ExportPanel({ source }: { source: ExportSource }) {
  const { t } = useTranslation();
  const tools = useExportTools();
  const { job, run } = useExportJob();
  // Due dates are days on the facilitator's own calendar, as in the review: "te laat" is judged on
  // this device's day, not the server clock's ([J8], docs/decisions/0027).
  const onMyCalendar: ExportSource = { ...source, now: () => Date.now() };
  const id = useId();
  const busy = job.status === 'running';
  const targets: { target: ExportTarget; label: string }[] = [
    { target: { kind: 'joint' }, label: t('export.jointMap') },
    ...(source.info.flow === 'partners-first'
      ? source.info.partners.map((p) => ({
          target: { kind: 'partner', partnerId: p.id } as ExportTarget,
          label: t('export.partnerMap', { partner: p.name }),
        }))
      : []),
  ];
  const exportMap = (kind: MapExportKind, target: ExportTarget) =>
    void run(kind, (progress) => makeExport(source, tools, kind, target, progress));

  return (
    <div className="console-section-stack" data-testid="export">
      <section aria-labelledby={`${id}-h`} className="console-section">
        <h3 id={`${id}-h`}>{t('export.heading')}</h3>
        <p className="hint">{t('export.intro')}</p>
        {targets.map(({ target, label }) => (
          <div
            key={targetKey(target)}
            className="export-target"
            role="group"
            aria-labelledby={`${id}-${targetKey(target)}`}
          >
            <h4 id={`${id}-${targetKey(target)}`}>{label}</h4>
            <div className="button-row">
              {MAP_EXPORT_KINDS.map((kind) => (
                <button
                  key={kind}
                  type="button"
                  className="button"
                  data-testid={`export.${targetKey(target)}.${kind}`}
                  disabled={busy}
                  onClick={() => exportMap(kind, target)}
                >
                  {t(`export.kinds.${kind}`)}
                </button>
              ))}
            </div>
          </div>
        ))}
        <ExportProgress job={job} />
      </section>
      <section aria-labelledby={`${id}-stand`} className="console-section" data-testid="export.followUp">
        <h3 id={`${id}-stand`}>{t('trajectory.export.heading')}</h3>
        <p className="hint">{t('trajectory.export.intro')}</p>
        <div className="button-row">
          {FOLLOW_UP_EXPORT_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              className="button"
              data-testid={`export.${kind}`}
              disabled={busy}
              onClick={() =>
                void run(kind, (progress) => makeExport(onMyCalendar, tools, kind, { kind: 'joint' }, progress))
              }
            >
              {t(`trajectory.export.${kind}`)}
            </button>
          ))}
        </div>
      </section>
      <section aria-labelledby={`${id}-backup`} className="console-section">
        <h3 id={`${id}-backup`}>{t('export.backupHeading')}</h3>
        <p className="hint">{t('export.backupIntro')}</p>
        <button
          type="button"
          className="button"
          data-testid="export.backup"
          disabled={busy}
          onClick={() =>
            void run('backup', (progress) => makeExport(source, tools, 'backup', { kind: 'joint' }, progress))
          }
        >
          {t('export.kinds.backup')}
        </button>
      </section>
      <section aria-labelledby={`${id}-notes`} className="console-section">
        <h3 id={`${id}-notes`}>{t('export.notesHeading')}</h3>
        <dl className="export-notes">
          {NOTE_KINDS.map((kind) => (
            <div key={kind}>
              <dt>{t(`export.kinds.${kind}`)}</dt>
              <dd>{t(`export.notes.${kind}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
