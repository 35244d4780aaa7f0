import { strict as assert } from 'assert';
import { parseWithSettings } from '../../server/src/core/check/analysis';
import { inaudibleAt, speakerAt, speakerGroups, transcriptStats } from '../../server/src/core/speakers/speakerStats';
import { labelStyleOf } from '../../server/src/core/speakers/labelStyle';
import { spokenWords } from '../../server/src/core/speech';
import { corpusFiles, readCorpus, itWithCorpus } from '../helpers/corpus';

// Invented: 3 speakers, one spelled two ways, an unlabelled turn and two inaudible markers (one in the header).
const TEXT = [
  'HEARING (inaudible)',
  '>> Ana Ruiz:  Good morning to all.',
  '>> CHAIR:  Welcome (inaudible) everyone.',
  '>> ANA RUIZ:  Thanks.',
  '>> ANA RUIZ:  One more.',
  '>> Who is speaking?',
].join('\n');

describe('speaker statistics (core)', () => {
  const transcript = parseWithSettings(TEXT);

  it('groups turns by speaker in order of first appearance, the most frequent spelling first', () => {
    assert.deepEqual(
      speakerGroups(transcript).map((group) => [group.key, group.labels, group.turns]),
      [
        ['ANA RUIZ', ['ANA RUIZ', 'Ana Ruiz'], [0, 2, 3]],
        ['CHAIR', ['CHAIR'], [1]],
      ],
    );
  });

  it('counts words, shares, the longest turn and inaudible markers per speaker, and the density per file', () => {
    const stats = transcriptStats(transcript);
    assert.equal(stats.totalWords, 12);
    const ana = stats.speakers[0];
    assert.deepEqual([ana.name, ana.words, ana.longestTurn.turn, ana.inaudible], ['ANA RUIZ', 7, 0, 0]);
    assert.equal(ana.share, 7 / 12);
    assert.deepEqual([stats.speakers[1].words, stats.speakers[1].inaudible], [2, 1]);
    assert.deepEqual(stats.unidentified, { turns: [4], words: 3, share: 3 / 12, inaudible: 0 });
    assert.equal(stats.inaudible, 2, 'the header marker counts for the file');
    assert.equal(stats.inaudiblePer1000Words, 2000 / 12);
  });

  it('finds the speaker at a label or a marker, not in speech', () => {
    assert.equal(speakerAt(transcript, TEXT.indexOf('CHAIR') + 2), 'CHAIR');
    assert.equal(speakerAt(transcript, TEXT.indexOf('>> CHAIR')), 'CHAIR');
    assert.equal(speakerAt(transcript, TEXT.indexOf('Welcome')), null);
    assert.equal(speakerAt(transcript, TEXT.indexOf('Who is')), null);
  });

  it("places an inaudible marker among the file's others", () => {
    const context = inaudibleAt(transcript, TEXT.lastIndexOf('(inaudible)') + 1);
    assert.ok(context);
    assert.deepEqual([context.ordinal, context.count, context.previous?.turn, context.next], [2, 2, -1, null]);
  });

  it('reads the label style of glued and spaced files', () => {
    assert.deepEqual(labelStyleOf(parseWithSettings('>>CHAIR: Hello.\n>> Hi.\n>>CLERK: Present.\n')), { marker: '>>', afterMarker: '', afterColon: ' ', allCaps: true });
    assert.deepEqual(labelStyleOf(parseWithSettings('Moderator:  Hello.\nJane Okafor:  Hi.\n')), { marker: '', afterMarker: '', afterColon: '  ', allCaps: false });
  });

  itWithCorpus('counts, on every corpus file, exactly the spoken words spread over the turns', () => {
    for (const file of corpusFiles()) {
      const parsed = parseWithSettings(readCorpus(file));
      const stats = transcriptStats(parsed);
      assert.equal(stats.totalWords, spokenWords(parsed).length, file);
      const shares = stats.speakers.reduce((sum, speaker) => sum + speaker.share, stats.unidentified?.share ?? 0);
      if (stats.totalWords > 0) assert.ok(Math.abs(shares - 1) < 1e-9, `${file}: shares add up to ${shares}`);
    }
  });
});
