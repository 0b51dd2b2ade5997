import type { DragEvent } from 'react';
import type * as Y from 'yjs';
import type { CardId } from '../../../shared/ids.js';
import { placedInColumn } from '../../../shared/ops.js';
import type { DropTarget } from './uiStore.js';

/** A private type, so dragging text or files from elsewhere onto the map does nothing. */
export const CARD_MIME = 'application/x-pkl-card';

export function isCardDrag(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes(CARD_MIME);
}

/** The index for moveCard: counted in the target column without the dragged card. */
export function dropIndex(doc: Y.Doc, dragged: CardId, target: DropTarget): number {
  const others = placedInColumn(doc, target.column, dragged);
  if (target.beforeId === null) return others.length;
  const i = others.findIndex((p) => p.id === target.beforeId);
  return i < 0 ? others.length : i;
}
