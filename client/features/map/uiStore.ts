import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { ColumnId } from '../../../shared/columns.js';
import type { CardId } from '../../../shared/ids.js';
import type { DocName } from '../../../shared/protocol.js';

/**
 * Session scope: local UI state of one map view. Card data never lives here; it is read from the
 * Y.Doc through the read model.
 */
export interface DropTarget {
  column: ColumnId;
  /** Insert before this card; null = at the end of the column. */
  beforeId: CardId | null;
}

export interface Toast {
  seq: number;
  text: string;
  /** The undo step this toast can revert (a Y.UndoManager stack item), if any. */
  undoItem?: unknown;
  /** Where focus goes after the toast's undo: the restored card. */
  cardId?: CardId;
  /** Which undo manager the undo item belongs to: the map (default) or my private drafts. */
  source?: 'map' | 'drafts';
}

/** Focus targets: a card id, or `add:<column>` for a column's add button. */
export type FocusTarget = CardId | `add:${ColumnId}`;

export interface MapUi {
  /** The map this view shows (held open by MapView). */
  map: DocName;
  editing: CardId | null;
  focusRequest: FocusTarget | null;
  dragging: CardId | null;
  dropTarget: DropTarget | null;
  toast: Toast | null;
  announcement: { text: string; seq: number } | null;
  /** The step shown on narrow screens, where only one column fits. */
  activeColumn: ColumnId;
  /** The card whose details (support, arguments, agreement, history) are open. */
  details: CardId | null;
  /** Columns this person sorts by support (a local view; the shared order stays). */
  sortedBySupport: readonly ColumnId[];
  startEditing(id: CardId): void;
  stopEditing(): void;
  requestFocus(target: FocusTarget): void;
  focusDone(target: FocusTarget): void;
  setDragging(id: CardId | null): void;
  setDropTarget(target: DropTarget | null): void;
  showToast(toast: Omit<Toast, 'seq'>): void;
  dismissToast(seq: number): void;
  announce(text: string): void;
  setActiveColumn(column: ColumnId): void;
  openDetails(id: CardId): void;
  closeDetails(): void;
  toggleSortBySupport(column: ColumnId): void;
}

let seq = 0;

/** `column`: the one column a phone shows first (the step now, see `columnOfStep`). */
export function createMapUiStore(map: DocName, column: ColumnId = 'values'): StoreApi<MapUi> {
  return createStore<MapUi>()((set) => ({
    map,
    editing: null,
    focusRequest: null,
    dragging: null,
    dropTarget: null,
    toast: null,
    announcement: null,
    activeColumn: column,
    details: null,
    sortedBySupport: [],
    startEditing: (id) => set({ editing: id }),
    stopEditing: () => set({ editing: null }),
    requestFocus: (target) => set({ focusRequest: target }),
    focusDone: (target) => set((s) => (s.focusRequest === target ? { focusRequest: null } : s)),
    setDragging: (id) => set(id ? { dragging: id } : { dragging: null, dropTarget: null }),
    setDropTarget: (target) =>
      set((s) =>
        s.dropTarget?.column === target?.column && s.dropTarget?.beforeId === target?.beforeId
          ? s
          : { dropTarget: target },
      ),
    showToast: (toast) => set({ toast: { ...toast, seq: ++seq } }),
    dismissToast: (n) => set((s) => (s.toast?.seq === n ? { toast: null } : s)),
    announce: (text) => set({ announcement: { text, seq: ++seq } }),
    setActiveColumn: (column) => set({ activeColumn: column }),
    openDetails: (id) => set({ details: id }),
    closeDetails: () => set({ details: null }),
    toggleSortBySupport: (c) =>
      set((s) => ({
        sortedBySupport: s.sortedBySupport.includes(c)
          ? s.sortedBySupport.filter((x) => x !== c)
          : [...s.sortedBySupport, c],
      })),
  }));
}

export const MapUiContext = createContext<StoreApi<MapUi> | null>(null);

function useUiStoreApi(): StoreApi<MapUi> {
  const store = useContext(MapUiContext);
  if (!store) throw new Error('useMapUi outside MapUiContext');
  return store;
}

export function useMapUi<T>(selector: (state: MapUi) => T): T {
  return useStore(useUiStoreApi(), selector);
}

/** For event handlers that need the current state without subscribing the component to it. */
export function useMapUiApi(): StoreApi<MapUi> {
  return useUiStoreApi();
}
