import * as Y from 'yjs';
import { CARD_FIELDS, matchesValue, type CardFieldDef, type CardFieldName, type CardValues } from './fields.js';

/**
 * Read one field of a card Y.Map through the card table: a value that does not match its row reads
 * as the row's default, a nested map keeps only its valid entries, a nested array only its valid
 * items. Readers never see a value the server would refuse.
 */
export function readCardField<K extends CardFieldName>(card: Y.Map<unknown>, name: K): CardValues[K] {
  const def = CARD_FIELDS[name] as CardFieldDef<unknown>;
  const raw = card.get(name);
  const storage = def.storage;
  switch (storage.kind) {
    case 'value':
      return (matchesValue(storage.value, raw) ? raw : def.default) as CardValues[K];
    case 'xmlFragment':
      return (raw instanceof Y.XmlFragment ? raw : undefined) as CardValues[K];
    case 'map': {
      const out: Record<string, unknown> = {};
      if (raw instanceof Y.Map) {
        raw.forEach((v, k) => {
          if (matchesValue(storage.key, k) && matchesValue(storage.value, v)) out[k] = v;
        });
      }
      return out as CardValues[K];
    }
    case 'array':
      return (
        raw instanceof Y.Array ? raw.toArray().filter((v) => matchesValue(storage.item, v)) : []
      ) as CardValues[K];
  }
}
