import { DEFAULT_LANG, type Lang } from './i18n/languages.js';
import { inEveryLang, METHOD_CATALOGUES, type MethodCatalogue } from './i18n/methodCatalogues.js';

type Localized = Record<Lang, string>;

/** The five dialogue rules (vijf geboden van de dialoog), in plain words. */
export interface DialogueRule {
  id: 1 | 2 | 3 | 4 | 5;
  text: Localized;
  /** How the tool turns the rule into something that happens, shown to the facilitator. */
  mechanism: Localized;
}

const RULE_IDS = [1, 2, 3, 4, 5] as const;

// The texts are in the catalogues (`shared/i18n/*.method.json`), shared with the exports.
export const DIALOGUE_RULES: readonly DialogueRule[] = RULE_IDS.map((id) => ({
  id,
  text: inEveryLang((c) => c.method.rules[id].text),
  mechanism: inEveryLang((c) => c.method.rules[id].how),
}));

/** The facilitator's questions from the basic attitude, to put on the projector with one click. */
export interface FacilitatorPrompt {
  id: string;
  text: Localized;
}

/** The ids are stored in the session document (`prompt`); the catalogue's Dutch keys define them. */
export const FACILITATOR_PROMPTS: readonly FacilitatorPrompt[] = (
  Object.keys(
    METHOD_CATALOGUES[DEFAULT_LANG].method.facilitatorPrompts,
  ) as (keyof MethodCatalogue['method']['facilitatorPrompts'])[]
).map((id) => ({ id, text: inEveryLang((c) => c.method.facilitatorPrompts[id]) }));

export function getPrompt(id: string): FacilitatorPrompt | undefined {
  return FACILITATOR_PROMPTS.find((p) => p.id === id);
}

export function getRule(id: number): DialogueRule | undefined {
  return DIALOGUE_RULES.find((r) => r.id === id);
}
