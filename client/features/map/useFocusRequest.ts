import { useLayoutEffect, type RefObject } from 'react';
import { useMapUi, useMapUiApi, type FocusTarget } from './uiStore.js';

/**
 * Focus follows a card across re-renders and remounts (a move to another column remounts it):
 * an action records the target, and the element that renders it takes focus once it exists.
 */
export function useFocusRequest(target: FocusTarget, ref: RefObject<HTMLElement | null>): void {
  const wanted = useMapUi((s) => s.focusRequest === target);
  const api = useMapUiApi();
  useLayoutEffect(() => {
    if (!wanted || !ref.current) return;
    ref.current.focus();
    api.getState().focusDone(target);
  }, [wanted, target, ref, api]);
}
