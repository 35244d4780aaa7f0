import { strict as assert } from 'assert';
import { readCorpus, itWithCorpus } from '../../helpers/corpus';
import { afterFix, covered, findingsOf } from './kit';

describe('rule repeated-word', () => {
  it('flags a word written twice in a row, in any case and across a line break', () => {
    const text = '>> ANNA:  We went to the the market and The\nthe vendors were there.\n';
    const found = findingsOf('repeated-word', text);
    assert.deepEqual(
      found.map((finding) => covered(text, finding)),
      ['the the', 'The\nthe'],
    );
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /"the the" in ANNA's turn/);
  });

  it('allows grammatical doubles and ignores repeats split by punctuation, numbers, labels or annotations', () => {
    const text = [
      '>> ANNA:  I said that that was fine, and we had had enough.  What it is is hard.  Very very good.  No, no.  Bye bye.',
      '>> BOB:  We were going on on the Internet in 2020 2020, page 1 1, okay (Applause) okay.',
      '>> CARL:  Fine.',
    ].join('\n');
    assert.deepEqual(findingsOf('repeated-word', text), []);
  });

  it('drops the second word, or keeps both as a false start with the configured dash; neither is in fix-all', () => {
    const text = '>> ANNA:  I I think so.\n';
    const [finding] = findingsOf('repeated-word', text, { dashStyle: '\u2011\u2011' });
    assert.equal(afterFix(text, finding, /Drop/), '>> ANNA:  I think so.\n');
    assert.equal(afterFix(text, finding, /false start/), '>> ANNA:  I \u2011\u2011 I think so.\n');
    assert.ok(finding.fixes!.every((fix) => !fix.safe));
  });

  itWithCorpus('finds the stenographic "team team" of the 2023 closing ceremony, not the phrasal "on on" of 051', () => {
    const kyoto = readCorpus('053-igf2023-kyoto-closing-ceremony-raw.txt');
    assert.ok(findingsOf('repeated-word', kyoto).some((finding) => covered(kyoto, finding) === 'team team'));
    assert.deepEqual(findingsOf('repeated-word', readCorpus('051-igf2022-addis-newcomers-raw.txt')), []);
  });
});
