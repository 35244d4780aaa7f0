// Random inputs for property tests: documents assembled from transcript fragments (invented text,
// plus slices of the corpus read in place), arbitrary UTF-16 strings and random bytes.
import fc from 'fast-check';
import { corpusFiles, readCorpus } from './corpus';

/** How many cases each property runs: small in CI, large from `npm run fuzz -- N`. */
export const FUZZ_RUNS = Number(process.env.VERBATIM_FUZZ_RUNS) || 150;
/** A fixed seed reproduces a failure reported by `npm run fuzz` (it prints the seed). */
export const FUZZ_SEED = process.env.VERBATIM_FUZZ_SEED ? Number(process.env.VERBATIM_FUZZ_SEED) : undefined;

export function fuzzParameters<T>(): fc.Parameters<T> {
  return { numRuns: FUZZ_RUNS, seed: FUZZ_SEED };
}

const LINE_BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\u2028'];
const SPACES = [' ', '  ', '   ', '\t', '\u00a0', '\ufeff', ''];
const MARKERS = ['>>', '>>>', '>', '>>>>', 'Q.', 'A.', '>> ', '>>  '];
const LABELS = [
  'CHAIR:',
  'THE CLERK:',
  'MS. LEE:',
  'Moderator:',
  'H.E. AMBASSADOR LI:',
  "MARÍA-JOSÉ O'NEILL:",
  'SPEAKER 2:',
  'JOHN DOE (ACME):',
  'CHAIR',
  'Note:',
  'THE QUESTION IS:',
  'MODERATOR\u2011A:',
  ':',
];
const WORDS = [
  'Thank you',
  'the',
  'the the',
  'we will',
  'budget',
  'Chair.',
  'so --',
  'right?',
  'okay!',
  'point\u2026',
  '"quoted',
  'end."',
  "don't",
  'Ban Ki\u2011moon',
  '12',
  'and  then',
  'mid-sentence,',
];
const ANNOTATIONS = [
  '(inaudible)',
  '(Inaudible.)',
  '[inaudible]',
  '(Audio disconnect)',
  '[ Gavel ]',
  '(Applause)',
  "(Captioner's note: lag)",
  '(Speaking French)',
  '(',
  '[',
  ')',
  ']',
  '((',
  '(crosstalk',
  '[?]',
  '(signal lost)',
];
const HEADER_BITS = [
  'RAW FILE',
  'FINISHED FILE',
  '* * *',
  '********',
  'This text is being provided in a rough draft format.',
  'CITY COUNCIL',
  '[00:02:21]',
  '7:00 P.M.',
  '00:01:02,500 --> 00:01:04,000',
  'as follows:THE CLERK:',
];
// Characters that stress offsets and decoding: lone surrogates, a full pair, NUL, controls.
const AWKWARD = ['\ud83d', '\ude00', '\ud83d\ude00', '\0', '\u0007', '\u200b', 'e\u0301', '\uffff', '\u2014', '\u2011\u2011', '--'];

const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...LINE_BREAKS) },
  { weight: 3, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKERS) },
  { weight: 3, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...ANNOTATIONS) },
  { weight: 1, arbitrary: fc.constantFrom(...HEADER_BITS) },
  { weight: 1, arbitrary: fc.constantFrom(...AWKWARD) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

/** A document made of transcript fragments in random order. */
export const fragmentDocument: fc.Arbitrary<string> = fc.array(fragment, { maxLength: 120 }).map((parts) => parts.join(''));

let corpusTexts: string[] | undefined;
function corpus(): string[] {
  corpusTexts ??= corpusFiles().map((file) => readCorpus(file));
  return corpusTexts;
}

/** A real transcript's slice (none without the corpus), cut at arbitrary UTF-16 offsets (possibly inside a pair or a CRLF), with fragments spliced in. */
export const corpusSliceDocument: fc.Arbitrary<string> = fc
  .tuple(fc.nat(), fc.nat({ max: 4000 }), fc.nat({ max: 4000 }), fc.array(fc.tuple(fc.nat({ max: 4000 }), fragment), { maxLength: 6 }))
  .map(([which, from, length, insertions]) => {
    const texts = corpus();
    // Without the corpus (a fresh clone) the slice is empty and only the spliced fragments remain.
    const source = texts.length > 0 ? texts[which % texts.length] : '';
    const start = from % Math.max(1, source.length);
    let text = source.slice(start, start + length);
    for (const [at, piece] of insertions) {
      const offset = at % (text.length + 1);
      text = text.slice(0, offset) + piece + text.slice(offset);
    }
    return text;
  });

/** Any sequence of UTF-16 code units, lone surrogates included. */
export const anyCodeUnits: fc.Arbitrary<string> = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 300 });

/** Transcript-like and random text alike. */
export const anyDocument: fc.Arbitrary<string> = fc.oneof(fragmentDocument, corpusSliceDocument, anyCodeUnits);
