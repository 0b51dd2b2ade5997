/**
 * Dutch-aware text normalisation for comparing short statements, written for this tool (no outside
 * service): lower case without diacritics, stop words removed, a light stemmer, and character
 * trigrams per word so that compounds match their parts ("dementiecafé" ~ "dementie").
 */

// Function words, plus words every card on the map uses ("geslaagd", "samenwerking"), which say
// nothing about what a card is about.
const STOP_WORDS = new Set(
  `de het een en of maar want dus van voor met in op te aan bij uit over door naar tot om als dan dat die dit deze
  er hier daar is zijn was waren wordt worden werd kan kunnen moet moeten mag mogen wil willen zal zullen gaan gaat
  komt komen kom krijgen krijgt maken maakt blijft blijven zit zitten staat staan laten laat geven geeft toe af
  heb hebt heeft hebben had doen doet niet geen wel ook nog al meer veel weinig zo zeer heel erg
  ik je jij u hij zij ze we wij jullie hun hen ons onze mijn jouw uw zijn haar hem me mij zich elkaar iemand iets
  wie wat waar wanneer hoe waarom welk welke
  vind vinden geslaagd succes samenwerking samenwerken samen mensen mens goed beter graag echt alle allemaal iedereen
  the a an and or of to in on for with is are we our`.split(/\s+/),
);

export function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A light Dutch stemmer (after the Snowball idea, much simplified): strips common plural, verb and
 * diminutive endings and undoubles a final consonant, so "verbinden"/"verbindt"/"verbinding" and
 * "mantelzorgers"/"mantelzorger" meet.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  const endings = [
    'heden',
    'ingen',
    'tjes',
    'jes',
    'ing',
    'end',
    'ende',
    'en',
    'er',
    'ers',
    'es',
    'je',
    'tje',
    'e',
    's',
    't',
  ];
  for (const end of endings.sort((a, b) => b.length - a.length)) {
    if (w.endsWith(end) && w.length - end.length >= 3) {
      w = w.slice(0, -end.length);
      break;
    }
  }
  if (w.length > 3 && /([bcdfghjklmnpqrstvwxz])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

export function contentWords(text: string): string[] {
  return normalize(text)
    .split(' ')
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w))
    .map(stem);
}

/**
 * How well two words match, 0..1: the share of the shorter word's letter trigrams that occur in the
 * longer one. Containment rather than a symmetric measure, so a compound matches its part
 * ("dementiecafe" contains "dementi").
 */
export function wordMatch(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 4) return 0;
  let hit = 0;
  const total = short.length - 2;
  for (let i = 0; i < total; i++) if (long.includes(short.slice(i, i + 3))) hit++;
  return hit / total;
}
