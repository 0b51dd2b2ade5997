import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionInfo } from '../../../shared/api.js';
import { isColumnId } from '../../../shared/columns.js';
import type { MapSnapshot } from '../../../shared/readModel.js';
import { api } from '../../lib/api.js';
import { useSession } from '../../workshop/hooks.js';
import { useLang } from '../../i18n/index.js';
import { usePartners } from '../../workshop/hooks.js';
import { SnapshotBoard } from '../../ui/SnapshotBoard.js';
import { Confirm } from '../../ui/Confirm.js';
import { useConsoleEnv } from './consoleEnv.js';
import { stepsLabel } from '../../ui/sessionText.js';

type ListState = { status: 'loading' } | { status: 'ok'; versions: VersionInfo[] } | { status: 'error' };

/**
 * Saved versions of the joint map: one at every step change (by the server), by hand, and one just
 * before every restore. A restore changes the live map for everyone, so it asks first, and says how to
 * undo it: restore the version saved just before.
 */
export function VersionsPanel({ visible }: { visible: boolean }) {
  const { t } = useTranslation();
  const { workshopId, token } = useConsoleEnv();
  const session = useSession();
  const id = useId();
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [label, setLabel] = useState('');
  const [message, setMessage] = useState<{ kind: 'saved' | 'restored' | 'failed'; backup?: VersionInfo } | null>(null);
  const [viewing, setViewing] = useState<VersionInfo | null>(null);
  const [confirmRestore, setConfirmRestore] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const messageBox = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  // A cancelled question gives focus back to its "Terugzetten" button.
  const lastAsked = useRef<number | null>(null);
  useEffect(() => {
    if (confirmRestore !== null) {
      lastAsked.current = confirmRestore;
      return;
    }
    const id = lastAsked.current;
    lastAsked.current = null;
    if (id === null || (document.activeElement && document.activeElement !== document.body)) return;
    listRef.current
      ?.querySelector<HTMLElement>(`[data-version-id="${id}"] [data-testid="console.version.restore"]`)
      ?.focus();
  }, [confirmRestore]);
  const activeKey = session.active.join(',');

  const load = useCallback(async () => {
    const r = await api.listVersions(workshopId, token);
    setList(
      r.kind === 'ok' && Array.isArray(r.value?.versions)
        ? { status: 'ok', versions: r.value.versions }
        : { status: 'error' },
    );
  }, [workshopId, token]);

  // Load when the tab shows, and again after a step change (the server saves a version then).
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload the list when the step changes (a step change saves a version)
  useEffect(() => {
    if (visible) void load();
  }, [visible, load, activeKey]);

  const save = async () => {
    setBusy(true);
    const r = await api.saveVersion(workshopId, token, label.trim());
    setBusy(false);
    if (r.kind === 'ok') {
      setLabel('');
      setMessage({ kind: 'saved' });
      void load();
    } else setMessage({ kind: 'failed' });
  };

  const restore = async (versionId: number) => {
    setBusy(true);
    const r = await api.restoreVersion(workshopId, token, versionId);
    setBusy(false);
    setConfirmRestore(null);
    if (r.kind === 'ok' && r.value?.backup) {
      setMessage({ kind: 'restored', backup: r.value.backup });
      setViewing(null);
    } else setMessage({ kind: 'failed' });
    // The question that had focus is gone: the outcome takes it.
    messageBox.current?.focus();
    void load();
  };

  return (
    <div className="console-section-stack" data-testid="console.versions">
      <section aria-labelledby={`${id}-h`} className="console-section">
        <h3 id={`${id}-h`}>{t('versions.heading')}</h3>
        <p className="hint">{t('versions.intro')}</p>
        <form
          className="version-save"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label htmlFor={`${id}-label`}>{t('versions.labelField')}</label>
          <input
            id={`${id}-label`}
            data-testid="console.version.label"
            value={label}
            maxLength={80}
            onChange={(e) => setLabel(e.target.value)}
          />
          <button type="submit" className="button" data-testid="console.version.save" disabled={busy}>
            {t('versions.save')}
          </button>
        </form>
        <div
          ref={messageBox}
          tabIndex={-1}
          role="status"
          className="console-state"
          data-testid="console.version.message"
        >
          {message?.kind === 'saved' && <p>{t('versions.saved')}</p>}
          {message?.kind === 'failed' && <p className="form-error">{t('versions.failed')}</p>}
          {message?.kind === 'restored' && message.backup && (
            <div className="notice">
              <p>{t('versions.restored')}</p>
              <p>{t('versions.undoHint', { time: formatTime(message.backup.createdAt) })}</p>
              <button
                type="button"
                className="button"
                data-testid="console.version.undoRestore"
                disabled={busy}
                onClick={() => void restore(message.backup!.id)}
              >
                {t('versions.undo')}
              </button>
            </div>
          )}
        </div>
        <p className="hint">{t('versions.undoGeneral')}</p>
        <div className="button-row">
          <button
            type="button"
            className="text-button"
            data-testid="console.version.refresh"
            onClick={() => void load()}
          >
            {t('versions.refresh')}
          </button>
        </div>
        {list.status === 'loading' && <p className="hint">{t('app.loading')}</p>}
        {list.status === 'error' && (
          <p className="form-error" role="alert">
            {t('versions.loadFailed')}
          </p>
        )}
        {list.status === 'ok' &&
          (list.versions.length === 0 ? (
            <p className="hint" data-testid="console.version.none">
              {t('versions.none')}
            </p>
          ) : (
            <ol className="version-list" ref={listRef}>
              {list.versions.map((v) => (
                <li key={v.id} className="version" data-testid="console.version" data-version-id={v.id}>
                  <p className="version-title">
                    <VersionTitle version={v} />
                  </p>
                  <p className="hint">
                    {formatTime(v.createdAt)} · {t('console.columns.cards', { count: v.cardCount })}
                  </p>
                  {confirmRestore === v.id ? (
                    <Confirm
                      testId="console.version.restore"
                      busy={busy}
                      message={t('versions.restoreQuestion')}
                      confirmLabel={t('versions.restoreConfirm')}
                      cancelLabel={t('console.cancel')}
                      onConfirm={() => void restore(v.id)}
                      onCancel={() => setConfirmRestore(null)}
                    />
                  ) : (
                    <div className="button-row">
                      <button
                        type="button"
                        className="text-button"
                        data-testid="console.version.view"
                        onClick={() => setViewing(v)}
                      >
                        {t('versions.view')}
                      </button>
                      <button
                        type="button"
                        className="text-button"
                        data-testid="console.version.restore"
                        onClick={() => setConfirmRestore(v.id)}
                      >
                        {t('versions.restore')}
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ol>
          ))}
      </section>
      {viewing && (
        <VersionDialog
          version={viewing}
          onClose={() => setViewing(null)}
          onRestore={() => {
            setConfirmRestore(viewing.id);
            setViewing(null);
          }}
        />
      )}
    </div>
  );
}

function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(document.documentElement.lang || 'nl', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function VersionTitle({ version }: { version: VersionInfo }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (version.kind === 'step') {
    const columns = version.label.split(',').filter(isColumnId);
    return <>{t('versions.kind.step', { step: stepsLabel(t, lang, columns) })}</>;
  }
  if (version.kind === 'before-restore') return <>{t('versions.kind.beforeRestore')}</>;
  if (version.kind === 'meeting') return <>{t('trajectory.version', { label: version.label })}</>;
  return <>{version.label ? t('versions.kind.manualNamed', { label: version.label }) : t('versions.kind.manual')}</>;
}

/** A saved version, read-only, as a simple five-column picture; a modal dialog with Escape to close. */
function VersionDialog({
  version,
  onClose,
  onRestore,
}: {
  version: VersionInfo;
  onClose: () => void;
  onRestore: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const partners = usePartners();
  const { workshopId, token } = useConsoleEnv();
  const [map, setMap] = useState<MapSnapshot | null | 'error'>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  useEffect(() => {
    let live = true;
    void api.getVersion(workshopId, token, version.id).then((r) => {
      if (live) setMap(r.kind === 'ok' && r.value?.map ? r.value.map : 'error');
    });
    return () => {
      live = false;
    };
  }, [workshopId, token, version.id]);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    heading.current?.focus();
    return () => before?.focus?.();
  }, []);
  // Keep Tab inside the dialog while it is open.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const focusable = [
      ...dialog.current.querySelectorAll<HTMLElement>('button, [href], input, select, [tabindex]:not([tabindex="-1"])'),
    ];
    if (!focusable.length) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (e.shiftKey && (document.activeElement === first || document.activeElement === heading.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  return (
    <div className="dialog-backdrop">
      <div
        ref={dialog}
        className="dialog version-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        data-testid="console.version.preview"
        onKeyDown={onKeyDown}
      >
        <div className="dialog-head">
          <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
            <VersionTitle version={version} /> · {formatTime(version.createdAt)}
          </h2>
          <div className="button-row">
            <button type="button" className="button" data-testid="console.version.preview.restore" onClick={onRestore}>
              {t('versions.restore')}
            </button>
            <button
              type="button"
              className="button button-primary"
              data-testid="console.version.preview.close"
              onClick={onClose}
            >
              {t('versions.close')}
            </button>
          </div>
        </div>
        <p className="hint">{t('versions.readOnly')}</p>
        {map === null && <p className="hint">{t('app.loading')}</p>}
        {map === 'error' && <p className="form-error">{t('versions.loadFailed')}</p>}
        {map && map !== 'error' && (
          <SnapshotBoard
            map={map}
            partners={partners}
            lang={lang}
            active={null}
            headingLevel={3}
            testIdPrefix="version"
          />
        )}
      </div>
    </div>
  );
}
