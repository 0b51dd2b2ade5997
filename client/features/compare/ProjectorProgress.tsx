import { useMemo, useSyncExternalStore, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMNS } from '../../../shared/columns.js';
import type { Partner } from '../../../shared/partners.js';
import type { MapSnapshot } from '../../../shared/readModel.js';
import { NO_PEOPLE } from '../../collab/presence.js';
import { useLang } from '../../i18n/index.js';
import { useDoc } from '../../workshop/hooks.js';
import { listNames } from './CompareBody.js';
import { mapProgress, partnerMap } from './model.js';

const noopSubscribe = () => () => {};

/**
 * The projector while every partner fills in its own map ([C7]): per partner the cards per step and in
 * all, how many people have the map open and who is writing a card now. The joint map is still empty
 * then, so this is what the room can look at. Read-only; the projector's own presence is never shown.
 */
export function ProjectorProgress({
  partners,
  snapshots,
}: {
  partners: readonly Partner[];
  snapshots: ReadonlyMap<string, MapSnapshot>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = useMemo(
    () => partners.map((partner) => ({ partner, progress: mapProgress(snapshots.get(partner.id)) })),
    [partners, snapshots],
  );
  return (
    <div className="projector-progress" data-testid="projector.progress">
      <h2 className="projector-progress-heading">{t('compare.progress.heading')}</h2>
      <table className="projector-progress-table">
        <caption className="sr-only">{t('compare.progress.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.progress.partner')}</th>
            {COLUMNS.map((c) => (
              <th scope="col" key={c.id} className="projector-progress-step">
                <span className="projector-progress-n">{c.step}</span> {c.label[lang]}
              </th>
            ))}
            <th scope="col">{t('compare.progress.total')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ partner, progress }) => (
            <tr
              key={partner.id}
              data-testid={`projector.progress.${partner.id}`}
              style={{ '--partner': partner.color } as CSSProperties}
            >
              <th scope="row" className="projector-progress-partner">
                <span className="projector-progress-name">{partner.name}</span>
                <PartnerPresence partner={partner} />
              </th>
              {COLUMNS.map((c) => (
                <td key={c.id} data-testid={`projector.progress.${partner.id}.${c.id}`}>
                  {progress.perColumn[c.id]}
                </td>
              ))}
              <td className="projector-progress-total" data-testid={`projector.progress.${partner.id}.total`}>
                {progress.total}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Who has this partner's map open, and who is writing a card in it now (its awareness). */
function PartnerPresence({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  const presence = useDoc(partnerMap(partner.id))?.map?.presence ?? null;
  const people = useSyncExternalStore(presence?.subscribe ?? noopSubscribe, presence?.getSnapshot ?? (() => NO_PEOPLE));
  const others = people.filter((p) => !p.isSelf);
  const writing = [...new Set(others.filter((p) => p.editing).map((p) => p.name))];
  return (
    <span className="projector-progress-people" data-testid={`projector.progress.${partner.id}.people`}>
      {others.length === 0 ? t('compare.progress.nobody') : t('compare.progress.present', { count: others.length })}
      {writing.length > 0 && (
        <span className="projector-progress-writing" data-testid={`projector.progress.${partner.id}.writing`}>
          {' · '}
          {t('compare.progress.writing', { names: listNames(writing, t('compare.and')) })}
        </span>
      )}
    </span>
  );
}
