import { strict as assert } from 'assert';
import { afterFix, covered, findingsOf } from './kit';

describe('rule inaudible', () => {
  it('normalises a synonym to the configured spelling and brackets, safely', () => {
    const text = '>> ANNA:  The name was [ Indiscernible ] and (INAUDIBLE.) too.\n';
    const found = findingsOf('inaudible', text);
    assert.deepEqual(
      found.map((finding) => covered(text, finding)),
      ['[ Indiscernible ]', '(INAUDIBLE.)'],
    );
    assert.equal(afterFix(text, found[0]), '>> ANNA:  The name was (inaudible) and (INAUDIBLE.) too.\n');
    assert.ok(found.every((finding) => finding.fixes![0].safe));
    const square = findingsOf('inaudible', text, { annotationBrackets: '[]', inaudiblePreferred: 'unintelligible' });
    assert.equal(afterFix(text, square[1]), '>> ANNA:  The name was [ Indiscernible ] and [unintelligible] too.\n');
  });

  it('offers, but never applies on save, renaming a marker that says why words are missing', () => {
    const text = '>> ANNA:  We lost you (Crosstalk) there.\n';
    const [finding] = findingsOf('inaudible', text);
    assert.equal(finding.fixes![0].safe, false);
    assert.equal(afterFix(text, finding), '>> ANNA:  We lost you (inaudible) there.\n');
  });

  it('offers nothing for a marker already in the preferred spelling or one with its own explanation', () => {
    const text = '>> ANNA:  One (inaudible) two (inaudible: audio problems).\n';
    assert.deepEqual(
      findingsOf('inaudible', text).map((finding) => finding.fixes!.length),
      [0, 0],
    );
  });

  it('recognises the preferred spelling as a marker even when it is not in the built-in lexicon', () => {
    const text = '>> ANNA:  One (mush) two.\n';
    assert.deepEqual(findingsOf('inaudible', text), []);
    assert.equal(findingsOf('inaudible', text, { inaudiblePreferred: 'mush' }).length, 1);
  });
});
