import { useHyphenate } from '../lib/useHyphenate.js';

/** A card's text with soft hyphens in its long words ([U20]), for lists that show it as plain text. */
export function Hyphenated({ text }: { text: string }) {
  return <>{useHyphenate()(text)}</>;
}
