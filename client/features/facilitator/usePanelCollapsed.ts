import { useCallback, useState } from 'react';

/** Per browser, not per workshop: how a facilitator likes the screen, kept across reloads. */
const PANEL_KEY = 'pkl.console.panelCollapsed';

function stored(): boolean {
  try {
    return globalThis.localStorage?.getItem(PANEL_KEY) === '1';
  } catch {
    // Storage can be blocked; the panel then simply starts open.
    return false;
  }
}

/** Whether the console's panel is folded away to a narrow rail beside the map; remembered locally. */
export function usePanelCollapsed(): [boolean, (collapsed: boolean) => void] {
  const [collapsed, setCollapsed] = useState(stored);
  const set = useCallback((value: boolean) => {
    setCollapsed(value);
    try {
      globalThis.localStorage?.setItem(PANEL_KEY, value ? '1' : '0');
    } catch {
      // Not remembering is acceptable; the choice still holds on this page.
    }
  }, []);
  return [collapsed, set];
}
