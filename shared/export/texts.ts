import type { CardStatus } from '../cardSchema.js';
import type { Lang } from '../columns.js';

/**
 * Every text the exports print, in plain Dutch (B1) and English. Column labels and questions come
 * from columns.ts and the dialogue rules from dialogue.ts, so the exports say what the app says.
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

const nl: ExportTexts = {
  jointMap: 'Gezamenlijke kaart',
  partnerMap: (p) => `Kaart van ${p}`,
  filledBy: (n) => `Ingevuld door: ${n}`,
  partnersLabel: 'Partners:',
  direction: '← Lees en vul van rechts naar links: stap 1 staat rechts',
  step: (n) => `Stap ${n}`,
  continued: '(vervolg)',
  continuedFrom: (p) => `Vervolg van blad ${p}`,
  continuesOn: (p) => `Verder op blad ${p}`,
  emptyColumn: 'Nog geen kaarten.',
  emptyCard: '(geen tekst)',
  by: (n) => `door ${n}`,
  support: (n) => `steun: ${n}`,
  who: 'Wie:',
  what: 'Wat:',
  when: 'Wanneer:',
  notFilled: '—',
  status: { open: '○ open', agreed: '✓ eens', parked: '‖ geparkeerd' },
  statusWord: { open: 'nog open', agreed: 'eens', parked: 'geparkeerd' },
  legend: 'Status van een kaart:',
  legendDots: 'gekleurde stip: van welke partner de kaart komt',
  banner: { steps: 'acties', conditions: 'voorwaarden', collaboration: 'samenwerking', success: 'succes', full: 'acties + voorwaarden + samenwerking = succes' },
  versionBy: (p) => `versie ingevuld door ${p}`,
  contributes: 'Elke stap draagt bij aan de stap rechts ervan →',
  formula: 'Succes = acties + voorwaarden + goed samenwerken',
  page: (n, t) => `Blad ${n} van ${t}`,
  madeWith: 'Gemaakt met Partnerschapskaart Live',
  convenantTitle: 'Bouwstenen voor de samenwerkingsovereenkomst',
  dateLine: (d) => `Datum: ${d}`,
  mapLine: 'Kaart:',
  mapWithFiller: (m, f) => `${m} (ingevuld door ${f})`,
  stepRef: (s, l) => `Stap ${s}: ${l}`,
  stepFields: (who, what, when) => `Wie: ${who || '—'} · Wat: ${what || '—'} · Wanneer: ${when || '—'}`,
  note:
    'Let op: dit is input voor de samenwerkingsovereenkomst (het convenant). Het is niet de getekende overeenkomst. ' +
    'De partners lezen de tekst, vullen hem aan en stellen hem samen vast.',
  onlyAgreedNote:
    'In de hoofdtekst staan alleen kaarten waarover de partners het eens zijn. ' +
    'Kaarten die nog open zijn of geparkeerd, staan bij Open punten.',
  attachMap: 'Voeg de ingevulde kaart (de A3-pdf) toe als bijlage.',
  fromStep: (s, l) => `Uit stap ${s}: ${l}.`,
  nothingAgreed: 'Hierover zijn nog geen afspraken gemaakt.',
  parties: '1. Partijen en hun rol',
  partiesIntro: 'Deze partners werken samen. Bij elke partner staat wie er namens haar was. Vul in welke rol zij heeft en wie namens haar mag beslissen (mandaat).',
  partyRole: (n) => `${n}: rol en mandaat: …`,
  party: (n, r) => (r.length ? `${n}, vertegenwoordigd door ${listNames(r, 'en')}` : `${n}, vertegenwoordigd door: …`),
  roleAndMandate: 'Rol en mandaat: …',
  noPartners: 'Er zijn nog geen partners ingevuld.',
  ambition: '2. Gedeelde ambitie en succescriteria',
  ambitionIntro:
    'Wat de partners samen willen bereiken, en waaraan zij zien dat de samenwerking lukt. ' +
    'Gebruik deze punten ook om de samenwerking later te evalueren.',
  principles: '3. Principes van samenwerking en besluitvorming',
  principlesFromMap: 'Afspraken over hoe de partners samenwerken en samen besluiten',
  dialogueRules: 'Vijf regels voor de dialoog',
  dialogueRulesIntro: 'In hun overleg houden de partners zich aan deze regels:',
  roles: '4. Rollen, taken en communicatie',
  resources: '5. Middelen en competenties',
  actionPlan: '6. Actieplan',
  actionPlanIntro: 'De eerste concrete acties: wie doet wat, en wanneer.',
  actionHeader: { nr: 'Nr.', what: 'Wat', who: 'Wie', when: 'Wanneer', notes: 'Toelichting' },
  noActions: 'Er zijn nog geen acties afgesproken.',
  openPoints: '7. Open punten',
  openPointsIntro:
    'Hierover zijn de partners het nog niet eens, of zij hebben het punt geparkeerd. ' +
    'Deze punten blijven staan tot de partners ze hebben besproken.',
  noOpenPoints: 'Er zijn geen open punten.',
  openPointMeta: (c, s) => `${c}, ${s}`,
  argumentFor: 'Argument voor:',
  argumentAgainst: 'Argument tegen:',
  annex: 'Bijlage: verschillen tussen de kaarten van de partners',
  annexIntro:
    'Eerst vulde elke partner een eigen kaart in. Hieronder staat per stap wat elke partner schreef. ' +
    '"Alleen bij deze partner" betekent: geen andere partner schreef hetzelfde.',
  annexNoCards: 'Geen kaarten in deze stap.',
  onlyThisPartner: 'alleen bij deze partner',
  alsoAt: (n) => `ook bij: ${n}`,
};

const en: ExportTexts = {
  jointMap: 'Joint map',
  partnerMap: (p) => `Map of ${p}`,
  filledBy: (n) => `Filled in by: ${n}`,
  partnersLabel: 'Partners:',
  direction: '← Read and fill from right to left: step 1 is on the right',
  step: (n) => `Step ${n}`,
  continued: '(continued)',
  continuedFrom: (p) => `Continued from page ${p}`,
  continuesOn: (p) => `Continues on page ${p}`,
  emptyColumn: 'No cards yet.',
  emptyCard: '(no text)',
  by: (n) => `by ${n}`,
  support: (n) => `support: ${n}`,
  who: 'Who:',
  what: 'What:',
  when: 'When:',
  notFilled: '—',
  status: { open: '○ open', agreed: '✓ agreed', parked: '‖ parked' },
  statusWord: { open: 'still open', agreed: 'agreed', parked: 'parked' },
  legend: 'Status of a card:',
  legendDots: 'coloured dot: the partner the card comes from',
  banner: { steps: 'steps', conditions: 'conditions', collaboration: 'collaboration', success: 'success', full: 'steps + conditions + collaboration = success' },
  versionBy: (p) => `version filled in by ${p}`,
  contributes: 'Each step contributes to the step to its right →',
  formula: 'Success = steps + conditions + working well together',
  page: (n, t) => `Page ${n} of ${t}`,
  madeWith: 'Made with Partnerschapskaart Live',
  convenantTitle: 'Building blocks for the partnership agreement',
  dateLine: (d) => `Date: ${d}`,
  mapLine: 'Map:',
  mapWithFiller: (m, f) => `${m} (filled in by ${f})`,
  stepRef: (s, l) => `Step ${s}: ${l}`,
  stepFields: (who, what, when) => `Who: ${who || '—'} · What: ${what || '—'} · When: ${when || '—'}`,
  note:
    'Please note: this is input for the partnership agreement (convenant). It is not the signed agreement. ' +
    'The partners read the text, complete it and adopt it together.',
  onlyAgreedNote:
    'The main text holds only cards the partners agreed on. Cards that are still open or parked are listed under Open points.',
  attachMap: 'Attach the filled map (the A3 PDF) as an annex.',
  fromStep: (s, l) => `From step ${s}: ${l}.`,
  nothingAgreed: 'Nothing has been agreed on this yet.',
  parties: '1. Parties and their roles',
  partiesIntro: 'These partners work together. Each partner is listed with the people who were there on its behalf. Fill in its role and who may decide on its behalf (mandate).',
  partyRole: (n) => `${n}: role and mandate: …`,
  party: (n, r) => (r.length ? `${n}, represented by ${listNames(r, 'and')}` : `${n}, represented by: …`),
  roleAndMandate: 'Role and mandate: …',
  noPartners: 'No partners have been entered yet.',
  ambition: '2. Shared ambition and success criteria',
  ambitionIntro:
    'What the partners want to reach together, and how they will see that the collaboration works. ' +
    'Use these points later to evaluate the collaboration as well.',
  principles: '3. Principles of collaboration and decision making',
  principlesFromMap: 'Agreements on how the partners work together and decide together',
  dialogueRules: 'Five rules for the dialogue',
  dialogueRulesIntro: 'In their meetings the partners keep to these rules:',
  roles: '4. Roles, tasks and communication',
  resources: '5. Resources and competences',
  actionPlan: '6. Action plan',
  actionPlanIntro: 'The first concrete steps: who does what, and when.',
  actionHeader: { nr: 'No.', what: 'What', who: 'Who', when: 'When', notes: 'Notes' },
  noActions: 'No steps have been agreed yet.',
  openPoints: '7. Open points',
  openPointsIntro:
    'The partners do not agree on these yet, or they parked them. These points stay listed until the partners have discussed them.',
  noOpenPoints: 'There are no open points.',
  openPointMeta: (c, s) => `${c}, ${s}`,
  argumentFor: 'Argument for:',
  argumentAgainst: 'Argument against:',
  annex: "Annex: differences between the partners' maps",
  annexIntro:
    'First each partner filled in a map of its own. Below, per step, is what each partner wrote. ' +
    '"Only this partner" means: no other partner wrote the same.',
  annexNoCards: 'No cards in this step.',
  onlyThisPartner: 'only this partner',
  alsoAt: (n) => `also: ${n}`,
};

export const EXPORT_TEXTS: Readonly<Record<Lang, ExportTexts>> = { nl, en };

export function exportTexts(lang: Lang): ExportTexts {
  return EXPORT_TEXTS[lang] ?? nl;
}
