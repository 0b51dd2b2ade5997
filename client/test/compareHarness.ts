import type * as Y from 'yjs';
import type { WorkshopInfo } from '../../shared/api.js';
import type { ColumnId } from '../../shared/columns.js';
import type { WorkshopId } from '../../shared/ids.js';
import { createCard } from '../../shared/ops.js';
import { SEED } from '../../shared/origins.js';
import { testInfo } from './localWorkshop.js';

/** Test fixtures for the partners-first screens (with renderInWorkshop: plain Y.Docs, no server). */

export const WORKSHOP_ID = 'p'.repeat(26) as WorkshopId;

export const INFO: WorkshopInfo = testInfo({ id: WORKSHOP_ID, flow: 'partners-first' });

/** A card on a map as its author would write it (seeded, so it is not in anyone's undo history). */
export function addCard(doc: Y.Doc, partner: string, text: string, column: ColumnId = 'values', createdAt?: number) {
  return createCard(
    doc,
    {
      column,
      author: `a-${partner}` as never,
      authorName: `Iemand van ${partner}`,
      partner: partner as never,
      text,
      createdAt,
    },
    SEED,
  );
}
