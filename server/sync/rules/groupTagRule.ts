import type * as Y from 'yjs';
import { GROUPS_KEY, getGroupsMap } from '../../../shared/compare/groupTags.js';
import type { Notice } from '../../../shared/notices.js';
import type { Principal } from '../../../shared/permissions.js';
import type { ChangeRule, ChangeWatch } from './changeRule.js';

const confirmed = (entry: unknown) =>
  typeof entry === 'object' && entry !== null && (entry as { confirmed?: unknown }).confirmed === true;

/**
 * Group tags in the comparison (partners first) [K5]: anyone proposes, the facilitator confirms.
 * A participant may set an unconfirmed tag on a group whose tag is not confirmed yet, nothing else:
 * writing a confirmed tag, changing a confirmed one or clearing one is reverted.
 */
const watchGroupTags = (doc: Y.Doc, who: Principal): ChangeWatch => {
  const groups = getGroupsMap(doc);
  /** Group keys the change wrote, with their value before. */
  const before = new Map<string, unknown>();
  return {
    observe(root, events) {
      if (root !== GROUPS_KEY) return;
      for (const event of events) {
        if (event.target !== groups) continue;
        for (const [key, change] of event.changes.keys) if (!before.has(key)) before.set(key, change.oldValue);
      }
    },
    check(): Notice | null {
      if (who.access === 'facilitator') return null;
      for (const [key, old] of before) {
        const now = groups.get(key);
        if (now === old) continue;
        if (now === undefined || confirmed(now) || confirmed(old)) return { code: 'tag-by-facilitator' };
      }
      return null;
    },
  };
};

/** Only the `groups` root matters to this rule: a card's text never does. */
export const groupTagRule: ChangeRule = Object.assign(watchGroupTags, { ignoresTextEdit: () => true });
