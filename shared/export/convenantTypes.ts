import type { Lang } from '../columns.js';

/**
 * The convenant input as a small document model, independent of any file format: Markdown and
 * DOCX are two renderings of the same value, so they always say the same.
 */
export type ConvenantSectionId =
  | 'parties'
  | 'ambition'
  | 'principles'
  | 'roles'
  | 'resources'
  | 'actionPlan'
  | 'openPoints'
  | 'signoff'
  | 'scores'
  | 'annex'
  /** The "stand van zaken" export [J8] uses the same model. */
  | 'progressByValue'
  | 'progressByAction';

export interface ConvenantItem {
  /** The statement; may hold line breaks (a card with several lines). */
  text: string;
  /** Short remarks shown under the item: status, arguments, where else it was said. */
  notes?: string[];
}

export type ConvenantBlock =
  | { kind: 'paragraph'; text: string; strong?: boolean }
  | { kind: 'subheading'; text: string }
  | { kind: 'list'; ordered: boolean; items: ConvenantItem[] }
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface ConvenantSection {
  id: ConvenantSectionId;
  heading: string;
  blocks: ConvenantBlock[];
}

export interface Convenant {
  lang: Lang;
  /** Document heading. */
  heading: string;
  /** Workshop title. */
  title: string;
  /** Date, map and who filled it, one line each. */
  meta: string[];
  /** Says plainly that this is input, not the signed agreement. */
  note: string;
  /** How to read the document. */
  intro: string[];
  sections: ConvenantSection[];
}
