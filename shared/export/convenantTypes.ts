import type { Lang } from '../columns.js';
import type { MeetingScores } from '../scoreLine.js';

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
  /** The stand van zaken's line of check-in and check-out scores over the meetings [Y8]. */
  | 'scoreLine'
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
  | { kind: 'table'; header: string[]; rows: string[][] /** Relative column widths for the PDF. */; weights?: number[] }
  /**
   * [Y8] The line of check-in and check-out scores over the meetings: drawn in the PDF, with `alt` as
   * its text alternative; Markdown and Word leave it out (the tables after it hold the same numbers).
   */
  | { kind: 'scoreChart'; line: MeetingScores[]; alt: string; labels: ScoreChartLabels };

/** The texts a drawn score line needs, in the export's language. */
export interface ScoreChartLabels {
  klik: string;
  taak: string;
  checkin: string;
  checkout: string;
  /** Under each meeting's band, in the line's order. */
  meetings: string[];
}

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
