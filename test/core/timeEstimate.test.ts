import { strict as assert } from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import { parseWithSettings } from '../../server/src/core/check/analysis';
import { anchorAt, errorBound, mediaTimestamps, prepareSteps, resolveAnchor, Timeline, type SyncPoint } from '../../server/src/core/services/timeEstimate';
import { clockTime, findMediaTimestamps, formatTimestamp, timestampStyleOf } from '../../server/src/core/services/timestamps';
import { corpusDir, corpusFiles, readCorpus } from '../helpers/corpus';
import { anyDocument, fuzzParameters } from '../helpers/fuzzInputs';
import { words } from '../helpers/inventedWords';

/** Invented: a header, 10 words, a timestamp, 20 words with an inaudible marker after 10 of them, 10 more. */
const TIMED = [
  'TOWN HALL ON ACCESS',
  '',
  `>> CHAIR:  ${words(10, 'a')}`,
  '[00:01:00]',
  `>> SPEAKER ONE:  ${words(10, 'b')} (inaudible) ${words(10, 'c')}`,
  '[00:02:00]',
  `>> CHAIR:  ${words(10, 'd')}`,
  '',
].join('\n');

const near = (actual: number, expected: number, tolerance = 1e-6) => assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} ≈ ${expected}`);

describe('time estimate (core/services/timeEstimate)', () => {
  it('interpolates by spoken words between two timestamps (labels, annotations and the timestamps themselves are not words)', () => {
    const transcript = parseWithSettings(TIMED);
    const timeline = new Timeline(transcript, { durationSeconds: 150, syncPoints: [] });
    assert.deepEqual(
      timeline.points.map((p) => [p.kind, p.seconds, p.words]),
      [
        ['start', 0, 0],
        ['timestamp', 60, 10],
        ['timestamp', 120, 30],
        ['end', 150, 40],
      ],
    );
    // The inaudible marker stands after 10 of the 20 words between 60 s and 120 s: 90 s.
    const marker = TIMED.indexOf('(inaudible)');
    const atMarker = timeline.estimateAt(marker);
    near(atMarker.seconds, 90);
    assert.equal(atMarker.before.kind, 'timestamp');
    assert.equal(atMarker.after?.seconds, 120);
    // Word c6 has 15 words between the timestamp and it: 60 + 15/20 * 60.
    near(timeline.estimateAt(TIMED.indexOf('c6 ')).seconds, 105);
    // Before the first timestamp: between the start (0 s, word 0) and it (60 s, word 10).
    near(timeline.estimateAt(TIMED.indexOf('a6 ')).seconds, 30);
    // The timestamp line itself is its time exactly.
    near(timeline.estimateAt(TIMED.indexOf('[00:01:00]')).seconds, 60);
    // Between the last timestamp and the end of the recording.
    near(timeline.estimateAt(TIMED.indexOf('d6')).seconds, 135);
  });

  it('bounds the error: small near a known point, largest midway, within the stretch between the points', () => {
    const transcript = parseWithSettings(TIMED);
    const timeline = new Timeline(transcript, { durationSeconds: 150, syncPoints: [] });
    const nearPoint = timeline.estimateAt(TIMED.indexOf('b1'));
    const midway = timeline.estimateAt(TIMED.indexOf('(inaudible)'));
    assert.ok(nearPoint.plusMinus <= 2, `next to a timestamp: ±${nearPoint.plusMinus}`);
    assert.ok(midway.plusMinus > nearPoint.plusMinus, 'grows away from the points');
    assert.ok(midway.plusMinus <= 30 + 1, 'never more than the stretch allows');
    assert.equal(errorBound(90, timeline.points[1], timeline.points[2]), Math.ceil(0.25 * 30 + 1));
  });

  it('a file with no timestamps and no sync points: interpolates between the start and end of the recording', () => {
    const text = `PANEL\n\n>> HOST:  ${words(30)}\n>> GUEST:  ${words(70, 'g')}\n`;
    const timeline = new Timeline(parseWithSettings(text), { durationSeconds: 200, syncPoints: [] });
    assert.deepEqual(
      timeline.points.map((p) => p.kind),
      ['start', 'end'],
    );
    near(timeline.estimateAt(text.indexOf('>> GUEST')).seconds, 60); // 30 of 100 words
    near(timeline.estimateAt(text.length).seconds, 200);
    assert.ok(timeline.estimateAt(text.indexOf('g20 ')).plusMinus >= 20, 'far from any known point, the bound says so');
  });

  it('a file with no known point at all and no duration yet: extrapolates at a typical speaking rate', () => {
    const text = `>> HOST:  ${words(300)}\n`;
    const timeline = new Timeline(parseWithSettings(text), { durationSeconds: null, syncPoints: [] });
    const estimate = timeline.estimateAt(text.indexOf('w151 '));
    near(estimate.seconds, 60); // 150 words at 150 words a minute
    assert.equal(estimate.after, null);
    assert.ok(estimate.plusMinus >= 15);
  });

  it('an empty file and a header-only file: no words, estimates within the recording, no throw', () => {
    for (const text of ['', 'JUST A HEADER\nwith no turns\n']) {
      const timeline = new Timeline(parseWithSettings(text), { durationSeconds: 10, syncPoints: [] });
      const estimate = timeline.estimateAt(0);
      assert.ok(estimate.seconds >= 0 && estimate.seconds <= 10);
      assert.equal(timeline.offsetAt(5).offset, 0);
    }
  });

  it('interpolates between a sync point and a timestamp', () => {
    const text = `>> HOST:  ${words(40)}\n[00:02:00]\n>> GUEST:  ${words(10, 'g')}\n`;
    const sync: SyncPoint = { seconds: 40, anchor: anchorAt(text, text.indexOf('w21')) };
    const timeline = new Timeline(parseWithSettings(text), { durationSeconds: 130, syncPoints: [sync] });
    assert.deepEqual(
      timeline.points.map((p) => [p.kind, p.seconds, p.words]),
      [
        ['start', 0, 0],
        ['sync', 40, 20],
        ['timestamp', 120, 40],
        ['end', 130, 50],
      ],
    );
    near(timeline.estimateAt(text.indexOf('w11 ')).seconds, 20); // 10 of 20 words to the sync point
    near(timeline.estimateAt(text.indexOf('w31 ')).seconds, 80); // halfway from 40 s to 120 s
    near(timeline.estimateAt(text.indexOf('w21')).seconds, 40);
  });

  it('a sync point that contradicts a timestamp wins; an end shorter than the timestamps is dropped', () => {
    const text = `>> HOST:  ${words(10)}\n[00:05:00]\n>> GUEST:  ${words(10, 'g')}\n`;
    const sync: SyncPoint = { seconds: 100, anchor: anchorAt(text, text.indexOf('g1')) };
    const timeline = new Timeline(parseWithSettings(text), { durationSeconds: 200, syncPoints: [sync] });
    assert.deepEqual(
      timeline.points.map((p) => [p.kind, p.seconds]),
      [
        ['start', 0],
        ['sync', 100],
        ['end', 200],
      ],
    );
    assert.deepEqual(
      timeline.contradicted.map((p) => p.kind),
      ['timestamp'],
    );
    const shortRecording = new Timeline(parseWithSettings(text), { durationSeconds: 120, syncPoints: [] });
    assert.deepEqual(
      shortRecording.points.map((p) => p.kind),
      ['start', 'timestamp'],
    );
  });

  it('sync points survive edits that move their text; a sync point whose text is deleted is lost, not misplaced', () => {
    const before = `>> HOST:  ${words(20)}\n>> GUEST:  ${words(20, 'g')}\n`;
    const sync: SyncPoint = { seconds: 50, anchor: anchorAt(before, before.indexOf('g1 ') + 1) }; // cursor inside the word
    assert.equal(sync.anchor.offset, before.indexOf('g1 '), 'anchored at the start of the word');
    // Two new turns typed above: the guest's turn moves down by their length.
    const inserted = `>> HOST:  ${words(20)}\n>> CHAIR:  One more point before we go on.\n>> HOST:  Go ahead.\n>> GUEST:  ${words(20, 'g')}\n`;
    assert.equal(resolveAnchor(inserted, sync.anchor), inserted.indexOf('g1 '));
    const timeline = new Timeline(parseWithSettings(inserted), { durationSeconds: 100, syncPoints: [sync] });
    const guest = timeline.estimateAt(inserted.indexOf('g1 '));
    near(guest.seconds, 50);
    assert.equal(guest.before.kind, 'sync');
    // Text deleted above: the anchor moves up.
    const deleted = before.replace(`${words(5)} `, '');
    assert.equal(resolveAnchor(deleted, sync.anchor), deleted.indexOf('g1 '));
    // The words right after the sync point edited: the first characters still find it.
    const edited = before.replace('g9 g10', 'g9 gg10');
    assert.equal(resolveAnchor(edited, sync.anchor), edited.indexOf('g1 '));
    // The turn deleted: the sync point is gone (the estimate falls back to the other points).
    const gone = `>> HOST:  ${words(20)}\n`;
    assert.equal(resolveAnchor(gone, sync.anchor), null);
    assert.deepEqual(
      new Timeline(parseWithSettings(gone), { durationSeconds: 100, syncPoints: [sync] }).points.map((p) => p.kind),
      ['start', 'end'],
    );
  });

  it('of two places with the same text, a moved anchor resolves to the one nearest where it was', () => {
    const text = `>> A:  Thank you very much indeed for all of this.\n>> B:  ok\n>> A:  Thank you very much indeed for all of this.\n`;
    const second = text.lastIndexOf('Thank');
    const anchor = anchorAt(text, second);
    const moved = `>> Z:  new\n${text}`;
    assert.equal(resolveAnchor(moved, anchor), moved.lastIndexOf('Thank'));
  });

  it('read in steps (as the server does on a large file), a transcript gives the same timestamps and estimates as read at once', () => {
    const turns: string[] = [];
    for (let i = 0; i < 12000; i++)
      turns.push(i % 50 === 0 ? `[${clockTime(i)}]\n>> SPEAKER ${i % 7}:  ${words(12, `t${i}x`)}` : `>> SPEAKER ${i % 7}:  ${words(12, `t${i}x`)} (inaudible) end.`);
    const text = turns.join('\n');
    assert.ok(text.length > 3 * 256 * 1024, 'several steps');
    const stepped = parseWithSettings(text);
    const steps = prepareSteps(stepped);
    let count = 0;
    while (!steps.next().done) count++;
    assert.ok(count > 3, `${count} steps`);
    assert.deepEqual(mediaTimestamps(stepped), findMediaTimestamps(text), 'no timestamp lost or doubled at a step boundary');
    const atOnce = new Timeline(parseWithSettings(text), { durationSeconds: 14000, syncPoints: [] });
    const sliced = new Timeline(stepped, { durationSeconds: 14000, syncPoints: [] });
    for (const offset of [0, 1000, text.length >> 2, text.length >> 1, text.length - 5]) assert.deepEqual(sliced.estimateAt(offset), atOnce.estimateAt(offset));
  });

  it('time to text: the word being said at a time, the inverse of the estimate', () => {
    const transcript = parseWithSettings(TIMED);
    const timeline = new Timeline(transcript, { durationSeconds: 150, syncPoints: [] });
    const { offset, estimate } = timeline.offsetAt(105);
    assert.equal(TIMED.slice(offset, offset + 2), 'c6');
    near(estimate.seconds, 105);
    assert.equal(TIMED.slice(timeline.offsetAt(0).offset, timeline.offsetAt(0).offset + 2), 'a1');
    assert.ok(timeline.offsetAt(10_000).offset >= TIMED.indexOf('d10'), 'past the end: the last word');
  });

  it('any text, timestamps and sync points (fuzzed): never throws; estimates go forward along the text, within the recording; time maps back inside the text', () => {
    const stamp = fc.integer({ min: 0, max: 200 }).map((seconds) => `\n[${clockTime(seconds)}]\n`);
    const document = fc
      .tuple(anyDocument, fc.array(fc.tuple(fc.nat(), stamp), { maxLength: 4 }))
      .map(([text, stamps]) => stamps.reduce((result, [at, written]) => result.slice(0, at % (result.length + 1)) + written + result.slice(at % (result.length + 1)), text));
    fc.assert(
      fc.property(
        document,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 200 })), { maxLength: 3 }),
        fc.option(fc.integer({ min: 1, max: 300 })),
        (text, syncs, duration) => {
          const syncPoints = syncs.map(([at, seconds]) => ({ seconds, anchor: anchorAt(text, at % (text.length + 1)) }));
          const timeline = new Timeline(parseWithSettings(text), { durationSeconds: duration, syncPoints });
          let last = 0;
          for (let offset = 0; offset <= text.length; offset += Math.max(1, text.length >> 4)) {
            const { seconds, plusMinus } = timeline.estimateAt(offset);
            assert.ok(Number.isFinite(seconds) && seconds >= last - 1e-9 && plusMinus >= 0, `${seconds} after ${last} at ${offset}`);
            if (duration !== null && timeline.points.some((p) => p.kind === 'end')) assert.ok(seconds <= duration + 1e-9);
            last = seconds;
          }
          for (const seconds of [0, 30, 250]) {
            const { offset } = timeline.offsetAt(seconds);
            assert.ok(offset >= 0 && offset <= text.length, `offset ${offset} of ${text.length}`);
          }
        },
      ),
      fuzzParameters(),
    );
  });

  it('every corpus file: estimates never go back in time along the text and stay within the recording', function () {
    if (!fs.existsSync(corpusDir)) this.skip(); // a clone without ../shared/corpus
    const files = corpusFiles();
    for (const name of files) {
      const text = readCorpus(name);
      const timeline = new Timeline(parseWithSettings(text), { durationSeconds: 3600, syncPoints: [] });
      let last = -1;
      for (let offset = 0; offset <= text.length; offset += Math.max(1, Math.floor(text.length / 200))) {
        const { seconds, plusMinus } = timeline.estimateAt(offset);
        assert.ok(seconds >= last - 1e-9 && seconds <= 3600 + 1e-9 && plusMinus >= 0, `${name} at ${offset}: ${seconds} after ${last}`);
        last = seconds;
      }
    }
  });
});

describe('media timestamps (core/services/timestamps)', () => {
  it('finds bracketed and cue timestamps, not clock times or speech', () => {
    const text = [
      '[00:12:34] [12:34] (00:12:34) [1:02:03.5]',
      '00:00:01,500 --> 00:00:04,000',
      'at 10:42 AM we met; (10:30) and 10:42 are speech; [99:99] is not a time; 123:45:67',
    ].join('\n');
    const found = findMediaTimestamps(text).map((t) => [text.slice(t.span.start, t.span.end), t.seconds]);
    assert.deepEqual(found, [
      ['[00:12:34]', 754],
      ['[12:34]', 754],
      ['(00:12:34)', 754],
      ['[1:02:03.5]', 3723.5],
      ['00:00:01,500', 1.5],
    ]);
  });

  it("writes a time in the file's own style, [00:12:34] by default", () => {
    assert.equal(formatTimestamp(754.9), '[00:12:34]');
    const mmss = '>> A: hi\n[12:30]\n';
    assert.equal(formatTimestamp(75, timestampStyleOf(mmss, findMediaTimestamps(mmss))), '[01:15]');
    assert.equal(formatTimestamp(3725, timestampStyleOf(mmss, findMediaTimestamps(mmss))), '[01:02:05]');
    const round = 'x (0:01:00) y';
    assert.equal(formatTimestamp(3725, timestampStyleOf(round, findMediaTimestamps(round))), '(1:02:05)');
    assert.equal(clockTime(2470), '00:41:10');
  });
});
