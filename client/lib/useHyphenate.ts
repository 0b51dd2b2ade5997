import { useSyncExternalStore } from 'react';
import {
  hyphenateText,
  hyphenationLoaded,
  loadHyphenation,
  SOFT_HYPHEN,
  stripSoftHyphens,
} from '../../shared/text/hyphenation.js';

/**
 * Card text with soft hyphens at Dutch break points, for display ([U20], docs/decisions/0033). The
 * patterns are a chunk of their own, fetched the first time any card text is shown: text renders
 * as it is until then, and every user of this hook renders again once they are in.
 */

const listeners = new Set<() => void>();
let asked = false;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!asked) {
    asked = true;
    document.addEventListener('copy', copyWithoutSoftHyphens);
    // Offline before the chunk was ever fetched: the text simply stays unhyphenated.
    loadHyphenation().then(
      () => {
        for (const l of listeners) l();
      },
      () => {},
    );
  }
  return () => listeners.delete(listener);
}

const asIs = (text: string) => text;

/** A function that adds soft hyphens to a text (the identity until the patterns are loaded). */
export function useHyphenate(): (text: string) => string {
  const ready = useSyncExternalStore(subscribe, hyphenationLoaded, hyphenationLoaded);
  return ready ? hyphenateText : asIs;
}

/**
 * What is copied from the page is the text as typed, without the soft hyphens the display added
 * (some programs show them as "-"). One listener on the document covers every hyphenated text.
 */
function copyWithoutSoftHyphens(event: ClipboardEvent): void {
  const selected = window.getSelection()?.toString() ?? '';
  if (!selected.includes(SOFT_HYPHEN) || !event.clipboardData) return;
  event.preventDefault();
  event.clipboardData.setData('text/plain', stripSoftHyphens(selected));
}
