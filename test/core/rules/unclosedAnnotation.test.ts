import { strict as assert } from 'assert';
import { readCorpus, itWithCorpus } from '../../helpers/corpus';
import { afterFix, covered, findingsOf } from './kit';

describe('rule unclosed-annotation', () => {
  it('flags a bracket opened at the start of a line that never closes on it, as an error', () => {
    const text = '>> ANNA:  Let us begin.\n(Applause\n>> BOB:  Thank you.\n';
    const [finding] = findingsOf('unclosed-annotation', text);
    assert.equal(covered(text, finding), '(Applause');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /in ANNA's turn: \(Applause has no "\)"/);
  });

  it('leaves closed annotations, mid-line brackets and a parenthesis wrapped onto the next line alone', () => {
    const text = [
      '>> ANNA:  We met the ITU (and others',
      'besides) last week.  [ Applause ]',
      '(International Telecommunication',
      'Union) is here.',
      '(Laughter)',
      '>> BOB:  Fine.',
    ].join('\n');
    assert.deepEqual(findingsOf('unclosed-annotation', text), []);
  });

  it('closes a known term safely; closing unknown text, or after a leading term, is for the editor', () => {
    const known = '>> ANNA:  Fine.\n[ Laughter\n>> BOB:  Yes.\n';
    const [term] = findingsOf('unclosed-annotation', known);
    assert.equal(afterFix(known, term), '>> ANNA:  Fine.\n[ Laughter]\n>> BOB:  Yes.\n');
    assert.equal(term.fixes![0].safe, true);

    const leading = '>> ANNA:  Fine.\n(Applause and then we start\n>> BOB:  Yes.\n';
    const [mixed] = findingsOf('unclosed-annotation', leading);
    assert.equal(mixed.fixes![0].safe, false);
    assert.equal(afterFix(leading, mixed, /Close after "Applause"/), '>> ANNA:  Fine.\n(Applause) and then we start\n>> BOB:  Yes.\n');
  });

  itWithCorpus('reports the annotation cut by the end of the 019 excerpt', () => {
    const text = readCorpus('019-itu-dcad-call-roughly-edited-2011.txt');
    const found = findingsOf('unclosed-annotation', text);
    assert.deepEqual(
      found.map((finding) => covered(text, finding)),
      ['(Ba'],
    );
    assert.equal(found[0].fixes![0].safe, false);
  });
});
