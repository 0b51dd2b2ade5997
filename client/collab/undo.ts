import * as Y from 'yjs';
import { getCards } from '../../shared/cardSchema.js';
import { LOCAL_USER } from '../../shared/origins.js';

/**
 * One undo manager per map, scoped to the cards map and to LOCAL_USER only: undo never touches what
 * others did, nor text typed in the editor (the editor has its own undo for text).
 * captureTimeout 0 keeps every create, move and delete a separate step, so "undo" after a delete
 * restores exactly that card.
 */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager(getCards(doc), { trackedOrigins: new Set([LOCAL_USER]), captureTimeout: 0 });
}

export interface UndoView {
  canUndo: boolean;
  canRedo: boolean;
  /** The step "undo" would revert now; lets a toast offer undo only for its own change. */
  top: unknown;
}

const EVENTS = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;

export class UndoState {
  private readonly listeners = new Set<() => void>();
  private view: UndoView;

  constructor(private readonly manager: Y.UndoManager) {
    this.view = this.read();
    for (const e of EVENTS) manager.on(e, this.onChange);
  }

  private read(): UndoView {
    const stack = this.manager.undoStack;
    return { canUndo: this.manager.canUndo(), canRedo: this.manager.canRedo(), top: stack[stack.length - 1] ?? null };
  }

  private onChange = () => {
    const next = this.read();
    const v = this.view;
    if (next.canUndo === v.canUndo && next.canRedo === v.canRedo && next.top === v.top) return;
    this.view = next;
    for (const l of this.listeners) l();
  };

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.view;

  destroy(): void {
    for (const e of EVENTS) this.manager.off(e, this.onChange);
    this.listeners.clear();
  }
}
