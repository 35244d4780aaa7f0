import { strict as assert } from 'assert';
import { readCorpus, itWithCorpus } from '../../helpers/corpus';
import { applyEdits } from '../../../server/src/core/check/fixes';
import { afterFix, covered, findingsOf } from './kit';

const turns = (...labels: string[]) => labels.map((label, i) => `>> ${label}:  Sentence number ${i}.`).join('\n') + '\n';

describe('rule label-variant', () => {
  it('flags case, spacing and punctuation variants of a more frequent label, with a safe fix', () => {
    const text = turns('MODERATOR', 'ANNA LEE', 'MODERATOR', 'Moderator', 'ANNA  LEE', 'MS. McCANN', 'MS McCANN', 'MS. McCANN');
    const found = findingsOf('label-variant', text, { labelCase: 'as-written' });
    assert.deepEqual(
      found.map((finding) => covered(text, finding)),
      ['Moderator', 'ANNA  LEE', 'MS McCANN'],
    );
    const moderator = found[0];
    assert.match(moderator.message, /"Moderator" differs only in case, spacing or punctuation from "MODERATOR" \(3 turns/);
    assert.equal(moderator.fixes![0].safe, true);
    assert.equal(afterFix(text, moderator), text.replace('>> Moderator:', '>> MODERATOR:'));
    // With upper-case labels (the default) the speaker's capitals are the target: `MS. McCANN` becomes `MS. MCCANN`.
    const upper = findingsOf('label-variant', text).filter((finding) => /McCANN/.test(covered(text, finding)));
    assert.equal(upper.length, 3);
    assert.match(upper[0].message, /"MS\. MCCANN"/);
  });

  it('flags a small typo against a more frequent label but not between short or numbered names', () => {
    const text = turns('MODERATOR', 'MODERATOR', 'MODERATR', 'JOHN', 'JOAN', 'SPEAKER 1', 'SPEAKER 2', 'SPEAKER 1', 'CHENGETAI MASANGO', 'CHENGETAI MASSANGO', 'CHENGETAI MASANGO');
    const found = findingsOf('label-variant', text);
    assert.deepEqual(
      found.map((finding) => covered(text, finding)),
      ['MODERATR', 'CHENGETAI MASSANGO'],
    );
    assert.match(found[0].message, /looks like a misspelling of "MODERATOR"/);
    // Two names one letter apart may be two people: never merged on save.
    assert.equal(found[0].fixes![0].safe, false);
  });

  it('unifies a role written two ways only when the file shows one speaker', () => {
    const named = turns('CHAIRMAN DESAI', 'KUMMER', 'CHAIRMAN DESAI', 'CHAIR DESAI');
    assert.deepEqual(
      findingsOf('label-variant', named).map((finding) => covered(named, finding)),
      ['CHAIR DESAI'],
    );
    const bare = turns('CHAIRMAN', 'ANNA', 'CHAIRMAN', 'BOB', 'CHAIR');
    assert.deepEqual(
      findingsOf('label-variant', bare).map((finding) => covered(bare, finding)),
      ['CHAIR'],
    );
    // A CHAIR answering a CHAIRMAN is two people (co-chairs), not a variant.
    const coChairs = turns('CHAIRMAN', 'CHAIR', 'CHAIRMAN');
    assert.deepEqual(findingsOf('label-variant', coChairs), []);
  });

  it('changes one label or all variants of the speaker, in the configured label case', () => {
    const text = turns('Anna Lee', 'Anna Lee', 'ANNA LEE', 'Anna  Lee', 'BOB');
    const found = findingsOf('label-variant', text, { labelCase: 'as-written' });
    assert.deepEqual(
      found.map((finding) => covered(text, finding)),
      ['ANNA LEE', 'Anna  Lee'],
    );
    const all = found[0].fixes!.find((fix) => /all 2/.test(fix.title))!;
    assert.equal(applyEdits(text, all.edits), turns('Anna Lee', 'Anna Lee', 'Anna Lee', 'Anna Lee', 'BOB'));
    const upper = findingsOf('label-variant', text);
    assert.deepEqual(
      upper.map((finding) => covered(text, finding)),
      ['Anna Lee', 'Anna Lee', 'Anna  Lee'],
    );
    assert.match(upper[0].message, /"ANNA LEE"/);
  });

  itWithCorpus('finds HUNANE BOUJEMI next to HANANE BOUJEMI in 046 and nothing else in that file', () => {
    const text = readCorpus('046-igf2020-main-session-dcs-covid.txt');
    const found = findingsOf('label-variant', text);
    assert.deepEqual(
      found.map((finding) => covered(text, finding)),
      ['HUNANE BOUJEMI'],
    );
  });
});
