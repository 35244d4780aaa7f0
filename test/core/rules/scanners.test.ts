import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { findLostDashGaps } from '../../../server/src/core/check/rules/lostDash';
import { findRepeatedWords } from '../../../server/src/core/check/rules/repeatedWord';

// The rules once used these patterns; the scans that replaced them (for speed) must find exactly the same.
const REPEATED_WORD_PATTERN =
  /(?<![\p{L}\p{M}\p{N}'\u2019\u2011-])(\p{L}[\p{L}\p{M}'\u2019]*)([ \t\u00a0]+|[ \t\u00a0]*\r?\n[ \t\u00a0]*)(\1)(?![\p{L}\p{M}\p{N}'\u2019\u2011-])/giu;
const LOST_DASH_PATTERN = /(?<=[\p{L}\p{M}\p{N}])[ \u00a0]{2,4}(?=[\p{L}\p{N}])/gu;

// Pieces that make words, repeats, gaps and the characters at their edges likely.
const PIECES = [
  'the',
  'The',
  'THE',
  'a',
  'on',
  "it's",
  'it\u2019s',
  'e\u0301t\u00e9',
  'x1',
  '1',
  '-',
  '\u2011',
  "'",
  ' ',
  '  ',
  '   ',
  '    ',
  '     ',
  '\u00a0',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '.',
  ',',
  '(',
  '\ud835\udc00',
  '\u00df',
  'SS',
];
const speech = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...PIECES), weight: 5 }, { arbitrary: fc.string({ maxLength: 3 }), weight: 1 }), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('word scans behind repeated-word and lost-dash', () => {
  it('find the same repeated words as a back-reference pattern', () => {
    fc.assert(
      fc.property(speech, (text) => {
        const expected = [...text.matchAll(REPEATED_WORD_PATTERN)]
          // Case folding of the `iu` flag and toLowerCase differ on a few letters (ß/SS, long s): outside this comparison.
          .map((match) => ({ index: match.index, first: match[1], gap: match[2], second: match[3] }))
          .filter((repeat) => repeat.first.length === repeat.second.length);
        assert.deepEqual(findRepeatedWords(text), expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('find the same space runs as a look-around pattern', () => {
    fc.assert(
      fc.property(speech, (text) => {
        const expected = [...text.matchAll(LOST_DASH_PATTERN)].map((match) => ({ index: match.index, length: match[0].length }));
        assert.deepEqual(findLostDashGaps(text), expected);
      }),
      { numRuns: 3000 },
    );
  });
});
