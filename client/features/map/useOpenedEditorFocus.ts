import type { Editor } from '@tiptap/react';
import { useEffect } from 'react';

/** How long after opening the editor still claims a focus that went nowhere. */
const CLAIM_MS = [150, 600];

/**
 * An editor that was just opened has the focus, so typing goes into the card. Tiptap's autofocus
 * runs one timer and one animation frame after the editor mounts; when the editor's DOM is moved
 * or re-attached in that window (the card re-rendering as the server's echo or the lazy editor code
 * arrives), the focus falls back to the page or stays on the button that opened it, and the first
 * letters typed are lost. Shortly after opening, such a stray focus is put in the editor again. A
 * focus the person moved on purpose (another field, another card) is left alone.
 */
export function useOpenedEditorFocus(editor: Editor | null): void {
  useEffect(() => {
    if (!editor) return;
    const opener = document.activeElement;
    const timers = CLAIM_MS.map((ms) =>
      setTimeout(() => {
        if (editor.isDestroyed || editor.isFocused) return;
        const active = document.activeElement;
        const stray = active === null || active === document.body || active === opener;
        if (stray) editor.commands.focus('end');
      }, ms),
    );
    return () => {
      for (const timer of timers) clearTimeout(timer);
    };
  }, [editor]);
}
