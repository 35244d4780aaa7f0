import { strict as assert } from 'assert';
import { decodeTranscriptFile } from '../../server/src/core/fileText';
import * as fc from 'fast-check';
import { BINARY_SAMPLE_LENGTH, CHEAP_RULES, documentLimit, limitAfterEdit, limitMessage, ruleRunsUnder } from '../../server/src/core/config/limits';
import { analyzeText } from '../../server/src/core/check/analysis';
import { outlineOf } from '../../server/src/core/services/outline';
import { DEFAULT_SETTINGS, RULE_CODES, resolveSettings } from '../../server/src/core/config/settings';

const MB = 1024 * 1024;

describe('limits: how much analysis a document gets', () => {
  it('analyses in full up to the limit and reduces above it', () => {
    assert.deepEqual(documentLimit('x'.repeat(MB), 1), { kind: 'full' });
    assert.deepEqual(documentLimit('x'.repeat(MB + 1), 1), { kind: 'reduced', sizeMB: (MB + 1) / MB, maxMB: 1 });
  });

  it('gives after an edit the limit of the edited text, without reading it', () => {
    // Texts around the binary opening and a 1 MB limit; edits that add or remove a NUL, or push one in or out of the opening.
    const text = fc
      .tuple(fc.nat({ max: BINARY_SAMPLE_LENGTH + 20 }), fc.boolean(), fc.nat({ max: 40 }))
      .map(([before, nul, after]) => 'x'.repeat(before) + (nul ? '\u0000' : '') + 'y'.repeat(after));
    const edit = (length: number) =>
      fc.record({ start: fc.nat({ max: length }), removed: fc.nat({ max: 30 }), newText: fc.constantFrom('', 'ab', '\u0000', 'z'.repeat(BINARY_SAMPLE_LENGTH), 'w'.repeat(MB)) });
    fc.assert(
      fc.property(
        text.chain((before) => edit(before.length).map((change) => ({ before, change }))),
        ({ before, change }) => {
          const span = { start: change.start, end: Math.min(before.length, change.start + change.removed) };
          const after = before.slice(0, span.start) + change.newText + before.slice(span.end);
          assert.deepEqual(limitAfterEdit(before, documentLimit(before, 1), span, change.newText, 1), documentLimit(after, 1));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('treats a NUL in the opening as binary, and one further on as text', () => {
    assert.deepEqual(documentLimit('>> CHAIR: hi\u0000', 20), { kind: 'binary' });
    assert.deepEqual(documentLimit(`${'>> CHAIR: hi\n'.repeat(BINARY_SAMPLE_LENGTH)}\u0000`, 20), { kind: 'full' });
  });

  it('keeps only the cheap rules above the limit, and every rule otherwise', () => {
    const reduced = documentLimit('x'.repeat(2 * MB), 1);
    assert.deepEqual(
      RULE_CODES.filter((code) => ruleRunsUnder(reduced, code)),
      RULE_CODES.filter((code) => CHEAP_RULES.has(code)),
    );
    assert.ok(RULE_CODES.every((code) => ruleRunsUnder({ kind: 'full' }, code)));
    assert.ok(!ruleRunsUnder(reduced, 'label-variant') && ruleRunsUnder(reduced, 'broken-turn'));
  });

  it('tells the user the size, the setting and what still runs', () => {
    const message = limitMessage(documentLimit('x'.repeat(3 * MB), 2), 'day-two.transcript')!;
    assert.match(message, /day-two\.transcript is 3\.0 MB, above verbatim\.maxFileSizeMB \(2 MB\)/);
    assert.match(message, /broken-turn/);
    assert.match(limitMessage({ kind: 'binary' }, 'logo.transcript')!, /logo\.transcript .*binary/);
    assert.equal(limitMessage({ kind: 'full' }, 'a.transcript'), null);
  });

  it('reads the size setting, and reports a broken one with the default applied', () => {
    assert.equal(resolveSettings({ maxFileSizeMB: 64 }).settings.maxFileSizeMB, 64);
    for (const broken of [0, -1, 'big', Number.NaN, null]) {
      const resolved = resolveSettings({ maxFileSizeMB: broken });
      assert.equal(resolved.settings.maxFileSizeMB, DEFAULT_SETTINGS.maxFileSizeMB, String(broken));
      assert.equal(resolved.problems.length, 1, String(broken));
    }
  });

  it('refuses a binary file in the CLI exactly as in the server', () => {
    const decoded = decodeTranscriptFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x3e, 0x3e]));
    assert.deepEqual(decoded, { ok: false, reason: 'binary file (it contains NUL bytes), not a transcript' });
    assert.deepEqual(decodeTranscriptFile(new TextEncoder().encode('\ufeff>> CHAIR: hi')), { ok: true, text: '>> CHAIR: hi' });
  });

  it('analyses and outlines 200,000 turns without overflowing the stack', function () {
    this.timeout(60000);
    const text = '>> CHAIR:  Good evening, we will begin.\n>> Thank you\n'.repeat(100_000);
    const { transcript, findings } = analyzeText(text);
    assert.equal(transcript.turns.length, 200_000);
    assert.equal(findings.filter((finding) => finding.code === 'broken-turn').length, 100_000);
    assert.equal(outlineOf(transcript).entries.length, 200_000);
  });
});
