import type * as Y from 'yjs';
import type { Notice } from '../../../shared/notices.js';
import type { Principal } from '../../../shared/permissions.js';
import { MANDATES_KEY, SIGNOFFS_KEY } from '../../../shared/signoff.js';
import type { ChangeRule, ChangeWatch } from './changeRule.js';

/**
 * Mandate and sign-off per partner (SPEC N2, docs/decisions/0024). They belong to the joint map, the
 * map the convenant is made of: in a partner's own map nobody writes them. In the joint map a
 * participant writes only their own mandate (the entry under their own id) and only their own
 * partner's sign-off, in their own name (`by`); someone without a partner sets no sign-off. The
 * facilitator records any of them (a representative who phones in the achterban's akkoord).
 * The shape of every entry is the layout check's (docSchema.ts).
 */
export function signoffRule(map: string): ChangeRule {
  // Mandates and sign-offs are roots of their own: a card's text edit is none of this rule's business
  // (cheap guard path, ADR 0029).
  const watch = (doc: Y.Doc, who: Principal): ChangeWatch => {
    const touched = { [MANDATES_KEY]: new Set<string>(), [SIGNOFFS_KEY]: new Set<string>() };
    return {
      observe(root, events) {
        if (root !== MANDATES_KEY && root !== SIGNOFFS_KEY) return;
        for (const event of events) for (const key of event.changes.keys.keys()) touched[root].add(key);
      },
      check(): Notice | null {
        const any = touched[MANDATES_KEY].size + touched[SIGNOFFS_KEY].size > 0;
        if (!any) return null;
        if (map !== 'joint') return { code: 'signoff-own' };
        if (who.access === 'facilitator') return null;
        for (const key of touched[MANDATES_KEY]) if (key !== who.participantId) return { code: 'signoff-own' };
        const signoffs = doc.getMap<{ by?: unknown }>(SIGNOFFS_KEY);
        for (const key of touched[SIGNOFFS_KEY]) {
          if (!who.partner || key !== who.partner) return { code: 'signoff-own' };
          const now = signoffs.get(key);
          if (now !== undefined && now.by !== who.participantId) return { code: 'signoff-own' };
        }
        return null;
      },
    };
  };
  return Object.assign(watch, { ignoresTextEdit: () => true });
}
