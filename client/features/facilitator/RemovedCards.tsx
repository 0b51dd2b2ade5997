import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getCards } from '../../../shared/cardSchema.js';
import { createCard } from '../../../shared/ops.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import { JOINT_MAP } from '../../../shared/protocol.js';
import type { CardSnapshot, MapSnapshot } from '../../../shared/readModel.js';
import { api } from '../../lib/api.js';
import { useMap, useMapSnapshot } from '../../workshop/hooks.js';
import { useConsoleEnv } from './consoleEnv.js';

/** How many of the latest saved versions are searched for removed cards. */
const VERSIONS_SEARCHED = 5;

/** Cards of the saved versions (newest first) that are not on the map now, each once. */
function removedCards(versions: readonly MapSnapshot[], live: MapSnapshot): CardSnapshot[] {
  const here = new Set(Object.values(live.columns).flatMap((col) => col.map((c) => c.id as string)));
  const found = new Map<string, CardSnapshot>();
  for (const v of versions)
    for (const card of Object.values(v.columns).flat()) {
      if (!here.has(card.id) && !found.has(card.id)) found.set(card.id, card);
    }
  return [...found.values()];
}

/**
 * [H3] Put a removed card back: the cards in the latest saved versions (a removal through a proposal
 * saves one first) that are not on the map now. It comes back under its own id, author and text, as
 * an open card (agreeing again is the facilitator's decision).
 */
export function RemovedCards({ refresh }: { refresh: number }) {
  const { t } = useTranslation();
  const id = useId();
  const { workshopId, token } = useConsoleEnv();
  const joint = useMap(JOINT_MAP);
  const live = useMapSnapshot(JOINT_MAP);
  const [versions, setVersions] = useState<MapSnapshot[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` asks again after a removal
  useEffect(() => {
    let current = true;
    void (async () => {
      const list = await api.listVersions(workshopId, token);
      if (list.kind !== 'ok') return;
      const latest = [...list.value.versions].sort((a, b) => b.createdAt - a.createdAt).slice(0, VERSIONS_SEARCHED);
      const maps: MapSnapshot[] = [];
      for (const v of latest) {
        const got = await api.getVersion(workshopId, token, v.id);
        if (got.kind === 'ok') maps.push(got.value.map);
      }
      if (current) setVersions(maps);
    })();
    return () => {
      current = false;
    };
  }, [workshopId, token, refresh]);
  const gone = removedCards(versions, live);
  const restore = (card: CardSnapshot) => {
    const doc = joint?.doc;
    if (!doc || getCards(doc).has(card.id)) return;
    createCard(
      doc,
      {
        id: card.id,
        column: card.column,
        author: card.author,
        authorName: card.authorName,
        partner: card.partner,
        createdAt: card.createdAt,
        status: card.status === 'parked' ? 'parked' : 'open',
        text: card.plainText,
        writtenBy: card.writtenBy || undefined,
        writtenByName: card.writtenByName,
      },
      LOCAL_USER,
    );
  };
  return (
    <section aria-labelledby={`${id}-h`} className="console-section" data-testid="console.removed">
      <h3 id={`${id}-h`}>{t('authorship.removed.heading')}</h3>
      <p className="hint">{t('authorship.removed.intro')}</p>
      {gone.length === 0 ? (
        <p className="hint">{t('authorship.removed.none')}</p>
      ) : (
        <ul className="plain-list">
          {gone.map((card) => (
            <li key={card.id} data-testid="console.removedCard">
              {card.plainText || t('card.emptyText')} · {card.authorName || '?'}{' '}
              <button
                type="button"
                className="text-button"
                data-testid="console.removedCard.restore"
                onClick={() => restore(card)}
              >
                {t('authorship.removed.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
