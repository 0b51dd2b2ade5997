import type { CardStatus } from '../cardSchema.js';
import { EXPORT_CATALOGUES, type ExportCatalogue } from '../i18n/exportCatalogues.js';
import { DEFAULT_LANG, LANGS, type Lang } from '../i18n/languages.js';
import { interpolate, type Vars } from '../i18n/translate.js';

/**
 * Every text the exports print. The strings are in the catalogues (`shared/i18n/*.export.json`, plain
 * Dutch (B1) and English), column labels and questions in `*.method.json` (through columns.ts) and the
 * dialogue rules too (through dialogue.ts), so the exports say what the app says.
 */
export interface ExportTexts {
  // Map (PDF)
  jointMap: string;
  partnerMap: (partner: string) => string;
  filledBy: (name: string) => string;
  partnersLabel: string;
  direction: string;
  step: (n: number) => string;
  continued: string;
  continuedFrom: (page: number) => string;
  continuesOn: (page: number) => string;
  emptyColumn: string;
  emptyCard: string;
  by: (name: string) => string;
  support: (n: number) => string;
  who: string;
  what: string;
  when: string;
  notFilled: string;
  status: Record<CardStatus, string>;
  /** The status in words only, for documents. */
  statusWord: Record<CardStatus, string>;
  legend: string;
  /** Explains the coloured dots on the cards. */
  legendDots: string;
  formula: string;
  /** The banner of the paper invulkaart, word by word under its columns. */
  banner: { steps: string; conditions: string; collaboration: string; success: string; full: string };
  /** "versie ingevuld door <partner>" on a partner's own map. */
  versionBy: (partner: string) => string;
  /** Each column contributes to the one right of it. */
  contributes: string;
  page: (n: number, total: number) => string;
  madeWith: string;
  // Convenant input
  convenantTitle: string;
  dateLine: (date: string) => string;
  mapLine: string;
  mapWithFiller: (map: string, filledBy: string) => string;
  stepRef: (step: number, label: string) => string;
  stepFields: (who: string, what: string, when: string) => string;
  note: string;
  onlyAgreedNote: string;
  attachMap: string;
  fromStep: (step: number, label: string) => string;
  nothingAgreed: string;
  parties: string;
  partiesIntro: string;
  partyRole: (name: string) => string;
  /** [E7] A party as a convenant lists it: the partner, represented by the people who were there. */
  party: (name: string, representatives: readonly string[]) => string;
  roleAndMandate: string;
  noPartners: string;
  ambition: string;
  ambitionIntro: string;
  principles: string;
  principlesFromMap: string;
  dialogueRules: string;
  dialogueRulesIntro: string;
  roles: string;
  resources: string;
  actionPlan: string;
  actionPlanIntro: string;
  actionHeader: { nr: string; what: string; who: string; when: string; notes: string };
  noActions: string;
  openPoints: string;
  openPointsIntro: string;
  noOpenPoints: string;
  openPointMeta: (column: string, status: string) => string;
  argumentFor: string;
  argumentAgainst: string;
  annex: string;
  annexIntro: string;
  annexNoCards: string;
  onlyThisPartner: string;
  alsoAt: (names: string) => string;
}

/** "Ans, Bram en Cor". */
const listNames = (names: readonly string[], and: string) =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;

/** The export texts of one language, from its catalogue (`shared/i18n/*.export.json`). */
function textsFor(lang: Lang): ExportTexts {
  const x = EXPORT_CATALOGUES[lang].exportText;
  const t = (key: ExportKey, vars: Vars) => interpolate(x[key], vars);
  return {
    ...x,
    partnerMap: (partner) => t('partnerMap', { partner }),
    filledBy: (name) => t('filledBy', { name }),
    step: (n) => t('step', { n }),
    continuedFrom: (page) => t('continuedFrom', { page }),
    continuesOn: (page) => t('continuesOn', { page }),
    by: (name) => t('by', { name }),
    support: (n) => t('support', { n }),
    page: (n, total) => t('page', { n, total }),
    dateLine: (date) => t('dateLine', { date }),
    mapWithFiller: (map, filledBy) => t('mapWithFiller', { map, filledBy }),
    stepRef: (step, label) => t('stepRef', { step, label }),
    stepFields: (who, what, when) =>
      t('stepFields', { who: who || x.notFilled, what: what || x.notFilled, when: when || x.notFilled }),
    fromStep: (step, label) => t('fromStep', { step, label }),
    partyRole: (name) => t('partyRole', { name }),
    party: (name, representatives) =>
      representatives.length
        ? t('party', { name, names: listNames(representatives, x.listAnd) })
        : t('partyNoOne', { name }),
    versionBy: (partner) => t('versionBy', { partner }),
    openPointMeta: (column, status) => t('openPointMeta', { column, status }),
    alsoAt: (names) => t('alsoAt', { names }),
  };
}

type Texts = ExportCatalogue['exportText'];
/** The plain strings of the export catalogue (the nested tables, like `status`, are read whole). */
type ExportKey = { [K in keyof Texts]: Texts[K] extends string ? K : never }[keyof Texts];

export const EXPORT_TEXTS: Readonly<Record<Lang, ExportTexts>> = Object.fromEntries(
  LANGS.map((lang) => [lang, textsFor(lang)]),
) as Record<Lang, ExportTexts>;

export function exportTexts(lang: Lang): ExportTexts {
  return EXPORT_TEXTS[lang] ?? EXPORT_TEXTS[DEFAULT_LANG];
}
