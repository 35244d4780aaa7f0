import { strict as assert } from 'assert';
import { corpusFiles, readCorpus, itWithCorpus } from '../../helpers/corpus';
import { afterFix, covered, findingsOf } from './kit';

describe('rule lost-dash', () => {
  it('flags two to four spaces between words inside a sentence, covering the words around the gap', () => {
    const text = '>> ANNA:  I want to say that    we will need the  budget today.\n';
    const found = findingsOf('lost-dash', text);
    assert.deepEqual(
      found.map((finding) => covered(text, finding)),
      ['that    we', 'the  budget'],
    );
    assert.equal(found[0].severity, 'hint');
    assert.match(found[0].message, /4 spaces between "that" and "we" in ANNA's turn/);
  });

  it('leaves two spaces after sentence punctuation, after a comma, five or more spaces, and the header alone', () => {
    const text = 'CITY COUNCIL  REGULAR MEETING\n\n>> ANNA:  Good morning.  Thank you!  Next?  Yes, Gentlemen,  I begin.  A table:     column.\n';
    assert.deepEqual(findingsOf('lost-dash', text), []);
  });

  it('inserts the configured dash, or collapses to one space, and neither is part of fix-all', () => {
    const text = '>> ANNA:  We need the  okay, fine.\n';
    const [finding] = findingsOf('lost-dash', text);
    assert.equal(afterFix(text, finding, /Insert/), '>> ANNA:  We need the -- okay, fine.\n');
    assert.equal(afterFix(text, finding, /single space/), '>> ANNA:  We need the okay, fine.\n');
    const [withEmDash] = findingsOf('lost-dash', text, { dashStyle: '\u2014' });
    assert.equal(afterFix(text, withEmDash, /Insert/), '>> ANNA:  We need the \u2014 okay, fine.\n');
    assert.ok(finding.fixes!.every((fix) => !fix.safe));
  });

  itWithCorpus('finds the lost dashes the corpus notes describe (four spaces in 014) and none in the sentence-spaced files', () => {
    const dcad = readCorpus('014-igf2010-vilnius-dcad.txt');
    const quotes = findingsOf('lost-dash', dcad).map((finding) => covered(dcad, finding));
    assert.ok(quotes.includes('that    shad'), quotes.join(' | '));
    // Most IGF files put two spaces after every sentence; none of those may be flagged.
    let total = 0;
    for (const file of corpusFiles()) {
      const text = readCorpus(file);
      for (const finding of findingsOf('lost-dash', text)) {
        total++;
        assert.doesNotMatch(text.slice(finding.span.start - 1, finding.span.start + 40), /[.?!] {2}/, `${file}: ${finding.message}`);
      }
    }
    assert.ok(total < 10, `lost-dash is a hint and must stay rare on the corpus, got ${total}`);
  });
});
