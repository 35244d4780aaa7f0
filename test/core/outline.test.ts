import { strict as assert } from 'assert';
import { outlineOf, type OutlineEntry } from '../../server/src/core/services/outline';
import { parseTranscript } from '../../server/src/core/parse';

const names = (entries: OutlineEntry[]): unknown[] => entries.map((entry) => (entry.children.length > 0 ? [entry.name, names(entry.children)] : entry.name));

describe('outline', () => {
  it('lists the header, then turns in order, gathering consecutive turns of one speaker', () => {
    const transcript = parseTranscript('BOARD MEETING\n\n>> CHAIR:  Welcome.\n(Applause)\n>> CHAIR:  Please sit.\n>> ANA:  Thanks.\n>> Hello?\n>> Hi.\n>> CHAIR:  Done.\n');
    const { entries, omitted } = outlineOf(transcript);
    assert.deepEqual(names(entries), ['BOARD MEETING', ['CHAIR', ['CHAIR', 'CHAIR']], 'ANA', '(unidentified)', '(unidentified)', 'CHAIR']);
    assert.equal(entries[1].detail, '2 turns');
    assert.equal(omitted, 0);
  });

  it('nests the turns after a >>> marker or a bracketed timestamp under that section', () => {
    const transcript = parseTranscript('>> ANA:  Intro.\n>>> Budget\n>> BEN:  Numbers.\n[00:10:00]\n>> ANA:  Later.\n');
    assert.deepEqual(names(outlineOf(transcript).entries), ['ANA', ['Budget', ['(unidentified)', 'BEN']], ['[00:10:00]', ['ANA']]]);
  });

  it('stops at the item limit and counts what it left out', () => {
    const text = Array.from({ length: 50 }, (_, i) => `>> SPEAKER ${i % 2 === 0 ? 'A' : 'B'}:  Line ${i}.`).join('\n');
    const { entries, omitted } = outlineOf(parseTranscript(text), 10);
    assert.equal(entries.length, 10);
    assert.equal(omitted, 40);
    assert.deepEqual(
      entries.map((entry) => entry.detail.replace(/\D/g, '')),
      ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    );
  });
});
