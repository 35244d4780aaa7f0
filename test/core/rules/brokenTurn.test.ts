import { strict as assert } from 'assert';
import { afterFix, covered, findingsOf } from './kit';

describe('rule broken-turn', () => {
  it('flags a turn cut mid-sentence by (Audio disconnect), on its own line or inline at the end', () => {
    const ownLine = '>> ANNA:  We need to agree on the\n(Audio disconnect)\nbudget for next year.\n>> BOB:  Yes.\n';
    const [cut] = findingsOf('broken-turn', ownLine);
    assert.equal(covered(ownLine, cut), 'to agree on the');
    assert.match(cut.message, /ANNA's turn is cut off by \(Audio disconnect\)/);
    const inline = '>> ANNA:  We need to agree on the (Audio disconnect)\n>> BOB:  Yes.\n';
    assert.equal(findingsOf('broken-turn', inline).length, 1);
  });

  it('accepts a turn that trails off with a dash or an ellipsis, or marks its lost words inline', () => {
    const text = [
      '>> ANNA:  So what I wanted to say --',
      '>> BOB:  Well, maybe\u2011\u2011',
      '>> CARL:  I was thinking...',
      '>> DANA:  And then \u2014',
      '>> ERIN:  The report says (inaudible).',
      '>> FRED:  Good.',
    ].join('\n');
    assert.deepEqual(findingsOf('broken-turn', text), []);
  });

  it('flags speech that ends in an inaudible marker with no full stop after it: the sentence was cut', () => {
    const [finding] = findingsOf('broken-turn', '>> ERIN:  The report says (inaudible)\n>> FRED:  Good.\n');
    assert.match(finding.message, /ERIN's turn is cut off by \(inaudible\): "…The report says"/);
  });

  it('says when the text ends inside a quotation, and accepts a quotation closed after the full stop', () => {
    const open = '>> ANNA:  The sign said "no entry for\n>> BOB:  Right.\n';
    assert.match(findingsOf('broken-turn', open)[0].message, /ends inside a quotation/);
    const closed = '>> ANNA:  The sign said \u201cno entry.\u201d\n>> BOB:  Right.\n';
    assert.deepEqual(findingsOf('broken-turn', closed), []);
  });

  it('accepts the last turn of a complete file, also before an end marker, and flags a truncated one', () => {
    assert.deepEqual(findingsOf('broken-turn', '>> ANNA:  Welcome.\n>> BOB:  The meeting is adjourned.\n\n(End of session)\n'), []);
    assert.deepEqual(findingsOf('broken-turn', '>> ANNA:  Welcome.\n>> BOB:  The meeting is adjourned.\n\n***\n'), []);
    const truncated = '>> ANNA:  Welcome.\n>> BOB:  The meeting is adjour';
    assert.equal(covered(truncated, findingsOf('broken-turn', truncated)[0]), 'The meeting is adjour');
  });

  it('ends the turn with the configured dash (replacing a dangling comma) or marks the rest inaudible', () => {
    const text = '>> ANNA:  If we could,\n>> BOB:  Yes.\n';
    const [finding] = findingsOf('broken-turn', text, { dashStyle: '\u2014', inaudiblePreferred: 'unintelligible', annotationBrackets: '[]' });
    const dashed = afterFix(text, finding, /End the turn/);
    assert.equal(dashed, '>> ANNA:  If we could \u2014\n>> BOB:  Yes.\n');
    const marked = afterFix(text, finding, /Mark the rest/);
    assert.equal(marked, '>> ANNA:  If we could, [unintelligible].\n>> BOB:  Yes.\n');
    // Either fix resolves the diagnostic; which one is right depends on the recording, so fix-all applies neither.
    assert.deepEqual(findingsOf('broken-turn', dashed, { dashStyle: '\u2014' }), []);
    assert.deepEqual(findingsOf('broken-turn', marked, { inaudiblePreferred: 'unintelligible', annotationBrackets: '[]' }), []);
    assert.ok(finding.fixes!.every((fix) => !fix.safe));
  });
});
