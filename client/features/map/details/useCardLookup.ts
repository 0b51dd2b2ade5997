import { useCallback, useSyncExternalStore } from 'react';
import type { CardId } from '../../../../shared/ids.js';
import type { CardSnapshot } from '../../../../shared/readModel.js';
import { useMapEnv } from '../currentMap.js';
import type { MapEnv } from '../../../workshop/mapEnv.js';
import { useDrafts } from '../../../workshop/hooks.js';

const noop = () => () => {};

/**
 * A card wherever it lives now: on the map, or in my private drafts (a draft moves to the map when the
 * facilitator reveals; the id stays the same). Re-renders only when that card changes.
 */
export function useCardAnywhere(id: CardId | null | undefined): { card: CardSnapshot; env: MapEnv } | null {
  const env = useMapEnv();
  const drafts = useDrafts();
  const subscribe = useCallback(
    (listener: () => void) => {
      const a = env.readModel.subscribe(listener);
      const b = drafts?.readModel.subscribe(listener) ?? noop();
      return () => {
        a();
        b();
      };
    },
    [env, drafts],
  );
  const inMap = useSyncExternalStore(subscribe, () => (id ? env.readModel.getCard(id) : undefined));
  const inDrafts = useSyncExternalStore(subscribe, () => (id && drafts ? drafts.readModel.getCard(id) : undefined));
  if (inMap) return { card: inMap, env };
  if (inDrafts && drafts) return { card: inDrafts, env: drafts };
  return null;
}

/** The first words of a text, for "builds on: …". */
export function firstWords(text: string, count = 6): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
}
