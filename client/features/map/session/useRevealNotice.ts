import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useMapUiApi } from '../uiStore.js';
import { useDrafts } from '../../../workshop/hooks.js';

/**
 * My drafts vanish from my drafts document when the facilitator reveals (the server moves them to the
 * map, keeping their ids). A change that removes cards and did not come from this browser is that
 * reveal: say so, so nobody wonders where their cards went.
 */
export function useRevealNotice(): void {
  const drafts = useDrafts();
  const ui = useMapUiApi();
  const { t } = useTranslation();
  useEffect(() => {
    if (!drafts) return;
    const { doc, readModel } = drafts;
    let count = readModel.getSnapshot().cardCount;
    // Observers (the read model) have run by the time afterTransaction fires.
    const onTransaction = (tr: Y.Transaction) => {
      const next = readModel.getSnapshot().cardCount;
      if (next < count && !tr.local) {
        const text = t('drafts.revealed');
        ui.getState().showToast({ text });
        ui.getState().announce(text);
      }
      count = next;
    };
    doc.on('afterTransaction', onTransaction);
    return () => doc.off('afterTransaction', onTransaction);
  }, [drafts, ui, t]);
}
