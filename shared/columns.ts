/**
 * The five columns of the Partnerschapskaart (v2.0). The map is filled from right to left:
 * step 1 (values) is the rightmost column on paper and on screen.
 * Note the naming from the design: column 3 "handelen" has id `actions`, column 5 "acties" has id `steps`.
 */
export const COLUMN_IDS = ['values', 'relations', 'actions', 'conditions', 'steps'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];

type Localized = Record<Lang, string>;

export interface ColumnDef {
  id: ColumnId;
  step: 1 | 2 | 3 | 4 | 5;
  label: Localized;
  question: Localized;
  prompts: readonly Localized[];
}

export const COLUMNS: readonly ColumnDef[] = [
  {
    id: 'values',
    step: 1,
    label: { nl: 'Waarden', en: 'Values' },
    question: {
      nl: 'Wanneer is onze samenwerking geslaagd? Welk succes willen we samen?',
      en: 'When is our collaboration a success? Which success do we want together?',
    },
    prompts: [
      { nl: 'Ik vind deze samenwerking geslaagd als …', en: 'I find this collaboration successful if …' },
      { nl: 'Welk succes willen we samen bereiken?', en: 'Which success do we want to reach together?' },
    ],
  },
  {
    id: 'relations',
    step: 2,
    label: { nl: 'Relaties', en: 'Relations' },
    question: {
      nl: 'Hoe gaan we met elkaar om? Welke afspraken maken we over de samenwerking?',
      en: 'How do we work with each other? Which agreements do we make about the process?',
    },
    prompts: [
      { nl: 'Hoe delen we kennis?', en: 'How do we share knowledge?' },
      { nl: 'Hoe verdelen we de zeggenschap?', en: 'How do we share say and control?' },
      { nl: 'Hoe houdt iedereen zijn eigen kracht?', en: 'How does everyone keep their own strength?' },
      { nl: 'Hoe nemen we samen besluiten?', en: 'How do we make decisions together?' },
      { nl: 'Van wie zijn de resultaten?', en: 'Who owns the results?' },
      { nl: 'Hoe … ? (uw eigen vraag)', en: 'How … ? (your own question)' },
    ],
  },
  {
    id: 'actions',
    step: 3,
    label: { nl: 'Handelen', en: 'Actions' },
    question: {
      nl: 'Wat moeten we kunnen en vanuit welke rol? Hoe betrekken we anderen en hoe communiceren we?',
      en: 'What must we be able to do, and from which role? How do we involve others and communicate?',
    },
    prompts: [
      { nl: 'Wat moeten we kunnen, en vanuit welke rol?', en: 'What must we be able to do, and from which role?' },
      { nl: 'Hoe communiceren we met elkaar?', en: 'How do we communicate?' },
      {
        nl: 'Hoe betrekken we iedereen, ook wie hier niet is?',
        en: 'How do we involve everyone, also those who are not here?',
      },
      { nl: 'Hoe … ? (uw eigen vraag)', en: 'How … ? (your own question)' },
    ],
  },
  {
    id: 'conditions',
    step: 4,
    label: { nl: 'Condities', en: 'Conditions' },
    question: {
      nl: 'Wat is er nodig om zo te kunnen werken en de relaties goed te houden?',
      en: 'What is needed to act this way and to keep the relations good?',
    },
    prompts: [
      {
        nl: 'Wat vragen we van mensen? (waarden, samenwerken, kennis, nadenken over eigen werk)',
        en: 'What do we ask of people? (values, process skills, knowledge, reflection)',
      },
      {
        nl: 'Wat vragen we van de omgeving? (veiligheid, tijd, steun, contacten)',
        en: 'What do we ask of the environment? (safety, time, support, connections)',
      },
    ],
  },
  {
    id: 'steps',
    step: 5,
    label: { nl: 'Acties', en: 'Steps' },
    question: {
      nl: 'Wat zijn de eerste concrete stappen? Wie doet wat, en wanneer?',
      en: 'What are the first concrete steps? Who does what, and when?',
    },
    prompts: [
      { nl: 'Wat ga ik doen?', en: 'What will I do?' },
      { nl: 'Wat gaan wij samen doen?', en: 'What will we do together?' },
      { nl: 'Wat vragen we aan anderen?', en: 'What do we ask others to do?' },
      { nl: 'Zet bij elke stap wie het doet en wanneer.', en: 'Add who does it and when to every step.' },
    ],
  },
];

const BY_ID = new Map(COLUMNS.map((c) => [c.id, c]));

export function isColumnId(value: unknown): value is ColumnId {
  return typeof value === 'string' && BY_ID.has(value as ColumnId);
}

export function getColumn(id: ColumnId): ColumnDef {
  const col = BY_ID.get(id);
  if (!col) throw new Error(`unknown column ${id}`);
  return col;
}

/** Columns in the order of the method: step 1 first. */
export function columnsInStepOrder(): readonly ColumnDef[] {
  return COLUMNS;
}

/** The column one step further along (towards step 5), or null at the end. */
export function nextColumn(id: ColumnId): ColumnId | null {
  const i = COLUMN_IDS.indexOf(id);
  return i < COLUMN_IDS.length - 1 ? COLUMN_IDS[i + 1] : null;
}

/** The column one step back (towards step 1), or null at the start. */
export function previousColumn(id: ColumnId): ColumnId | null {
  const i = COLUMN_IDS.indexOf(id);
  return i > 0 ? COLUMN_IDS[i - 1] : null;
}
