import { detached } from '../detached';
import { LABEL_CANNOT_END_WITH, LABEL_CANNOT_START_WITH, LABEL_TRAPS } from '../lexicon';

/**
 * The identity of a speaker label: `Moderator`, `MODERATOR` and `MODERATOR ` are one speaker;
 * U+2011 and ASCII hyphens, curly and straight apostrophes are alike.
 */
export function speakerKey(label: string): string {
  return remembered(speakerKeys, label, foldSpeaker);
}

function foldSpeaker(label: string): string {
  return label
    .normalize('NFC')
    .replace(/[\u2010\u2011\u2012\u2013]/g, '-')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

// A file names a few dozen speakers thousands of times; the parser asks about each label on every
// keystroke, so answers are remembered (bounded, cleared when full).
const REMEMBERED_LIMIT = 4096;
const speakerKeys = new Map<string, string>();
const labelLikeAnswers = new Map<string, boolean>();

function remembered<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  const known = cache.get(key);
  if (known !== undefined) return known;
  if (cache.size >= REMEMBERED_LIMIT) cache.clear();
  // The key is often cut from a document: a detached copy (and an answer computed from it) does not
  // pin that whole text in the cache.
  const own = detached(key);
  const value = compute(own);
  cache.set(own, value);
  return value;
}

// A word of a name: starts with a letter; then letters, marks, digits, periods, apostrophes, hyphens.
const NAME_WORD = /^[\p{L}][\p{L}\p{M}\d.'\u2019\u2010\u2011-]*$/u;
const NUMBER_WORD = /^\d{1,3}$/;
// Lower-case particles inside Mixed Case names: `Ana de la Cruz`, `Ludwig van Beethoven`.
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'da',
  'das',
  'do',
  'dos',
  'di',
  'del',
  'della',
  'la',
  'le',
  'du',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'bin',
  'ibn',
  'al',
  'el',
  'y',
  'e',
  'and',
  'of',
]);
const TRAILING_AFFILIATION = /\s*\([^()]{1,40}\)$/;

export const MAX_LABEL_WORDS = 6;
export const MAX_LABEL_LENGTH = 60;

/**
 * Whether the text before a colon reads as a speaker label rather than speech:
 * at most six name-like words starting with a letter, ALL CAPS or Capitalised, an optional
 * trailing `(AFFILIATION)`, and not a header or speech lead-in such as `Note`.
 */
export function isLabelLike(candidate: string): boolean {
  return remembered(labelLikeAnswers, candidate, readsAsLabel);
}

function readsAsLabel(candidate: string): boolean {
  const text = candidate.trim();
  if (text.length === 0 || text.length > MAX_LABEL_LENGTH) return false;
  const name = text.replace(TRAILING_AFFILIATION, '');
  const words = name.split(/\s+/);
  if (words.length === 0 || words.length > MAX_LABEL_WORDS) return false;
  if (!NAME_WORD.test(words[0])) return false;
  let capitalised = 0;
  for (const [position, word] of words.entries()) {
    if (position < words.length - 1 && word.endsWith('.') && !isAbbreviation(word)) return false;
    if (NUMBER_WORD.test(word)) continue;
    if (!NAME_WORD.test(word)) return false;
    if (isCapitalised(word)) capitalised++;
    else if (!NAME_PARTICLES.has(word)) return false;
  }
  if (capitalised === 0 || !isCapitalised(words[0])) return false;
  if (LABEL_CANNOT_START_WITH.has(words[0].toUpperCase()) || LABEL_CANNOT_END_WITH.has(words[words.length - 1].toUpperCase())) return false;
  return !LABEL_TRAPS.has(speakerKey(name));
}

// Inside a label a period closes an initial or a title (`C.`, `H.E.`, `ST.`, `PROF.`); after a
// longer word or a speech word it ends a sentence: `>> Thanks. KAI:`, `>> Yes. KAI:`.
const MAX_ABBREVIATION_LETTERS = 4;

function isAbbreviation(word: string): boolean {
  const letters = word.replace(/\./g, '');
  return letters.length <= MAX_ABBREVIATION_LETTERS && !LABEL_TRAPS.has(letters.toUpperCase());
}

/** An upper-case first letter; in scripts without case (`葉寧`), any letter, as there are no capitals to tell a name by. */
function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return (first !== first.toLowerCase() && first === first.toUpperCase()) || UNCASED_LETTER.test(first);
}

const UNCASED_LETTER = /^\p{Lo}$/u;

/** True when the label has letters and none of them is lower case (`MS. McCANN` is not). */
export function isAllCaps(label: string): boolean {
  return /\p{L}/u.test(label) && label === label.toUpperCase();
}
