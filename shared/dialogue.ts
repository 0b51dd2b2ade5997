import type { Lang } from './columns.js';

type Localized = Record<Lang, string>;

/** The five dialogue rules (vijf geboden van de dialoog), in plain words. */
export interface DialogueRule {
  id: 1 | 2 | 3 | 4 | 5;
  text: Localized;
  /** How the tool turns the rule into something that happens, shown to the facilitator. */
  mechanism: Localized;
}

export const DIALOGUE_RULES: readonly DialogueRule[] = [
  {
    id: 1,
    text: { nl: 'Iedereen die het aangaat, is welkom.', en: 'Everyone it concerns is welcome to take part.' },
    mechanism: {
      nl: 'Meedoen met een link, QR-code of code, zonder account. U ziet de partner en rol van iedereen.',
      en: 'Join by link, QR code or code, without an account. You see the partner and role of everyone.',
    },
  },
  {
    id: 2,
    text: { nl: 'Erbij zijn is niet genoeg: doe actief mee.', en: 'Being present is not enough: take an active part.' },
    mechanism: {
      nl: 'U ziet per persoon en per partner wie al iets heeft bijgedragen. Met een rondje krijgt ieder om de beurt het woord.',
      en: 'You see per person and per partner who has contributed. A round gives everyone the turn in order.',
    },
  },
  {
    id: 3,
    text: {
      nl: 'Breng uw eigen ideeën in, en help anderen om dat ook te doen.',
      en: 'Bring in your own ideas, and help others bring in theirs.',
    },
    mechanism: {
      nl: 'Een kaart schrijven voor iemand anders, verder bouwen op een kaart, en steun geven (+1).',
      en: 'Write a card for someone else, build on a card, and give support (+1).',
    },
  },
  {
    id: 4,
    text: { nl: 'Anderen kunnen betere argumenten hebben.', en: 'Others may have better arguments.' },
    mechanism: {
      nl: 'Argumenten voor en tegen op een kaart. Steun kan worden ingetrokken. De geschiedenis laat zien hoe een tekst veranderde.',
      en: 'Arguments for and against on a card. Support can be withdrawn. The history shows how a text changed.',
    },
  },
  {
    id: 5,
    text: {
      nl: 'Zoek samen naar overeenstemming waarmee u echt aan de slag kunt.',
      en: 'Strive for agreement that grounds practical action.',
    },
    mechanism: {
      nl: 'Elke kaart is open, eens of geparkeerd. Een stap is klaar als alle kaarten eens of geparkeerd zijn. Een actie heeft wie, wat en wanneer nodig.',
      en: 'Every card is open, agreed or parked. A step is closed when all its cards are agreed or parked. A step card needs who, what and when.',
    },
  },
];

/** The facilitator's questions from the basic attitude, to put on the projector with one click. */
export interface FacilitatorPrompt {
  id: string;
  text: Localized;
}

export const FACILITATOR_PROMPTS: readonly FacilitatorPrompt[] = [
  { id: 'why-important', text: { nl: 'Waarom is dat belangrijk voor u?', en: 'Why is that important to you?' } },
  { id: 'when-success', text: { nl: 'Wanneer noemt u dit geslaagd?', en: 'When would you call this a success?' } },
  { id: 'who-when', text: { nl: 'Wie doet dit, en wanneer?', en: 'Who will do this, and when?' } },
  { id: 'what-mean', text: { nl: 'Wat bedoelt u precies? Kunt u een voorbeeld geven?', en: 'What exactly do you mean? Can you give an example?' } },
  { id: 'more-concrete', text: { nl: 'Kan het nog concreter?', en: 'Can it be more concrete?' } },
  { id: 'not-heard', text: { nl: 'Wie hebben we nog niet gehoord?', en: 'Whom have we not heard yet?' } },
  { id: 'win-win', text: { nl: 'Wat zou voor ieder van ons winst zijn?', en: 'What would be a gain for each of us?' } },
  { id: 'listen', text: { nl: 'Eerst luisteren: wat hoort u de ander zeggen?', en: 'Listen first: what do you hear the other person say?' } },
];

export function getPrompt(id: string): FacilitatorPrompt | undefined {
  return FACILITATOR_PROMPTS.find((p) => p.id === id);
}

export function getRule(id: number): DialogueRule | undefined {
  return DIALOGUE_RULES.find((r) => r.id === id);
}
