import { strict as assert } from 'assert';
import type { CodeAction, Diagnostic, DocumentLink, Hover } from 'vscode-languageserver-protocol';
import type { EstimateTimeResult, PositionAtTimeResult, SyncPointsResult } from '../../server/src/recordingProtocol';
import { startServer, type ServerSession } from '../helpers/lspClient';
import { words } from '../helpers/inventedWords';

// Invented: 10 words, a timestamp at one minute, 10 words, an inaudible marker, 10 words, 10 more.
const LINES = ['COMMUNITY FORUM', '', `>> HOST:  ${words(10, 'a')}`, '[00:01:00]', `>> GUEST:  ${words(10, 'b')} (inaudible) ${words(10, 'c')}`, `>> HOST:  ${words(10, 'd')}`, ''];
const TEXT = LINES.join('\n');
const URI = 'file:///forum.transcript';

describe('recording requests over stdio (verbatim/estimateTime and friends)', function () {
  let server: ServerSession;
  afterEach(async () => server?.close());

  async function openForum(): Promise<Diagnostic[]> {
    server = await startServer();
    const diagnostics = server.nextDiagnostics(URI);
    server.open(URI, TEXT);
    return diagnostics;
  }
  const estimate = (line: number, character: number) =>
    server.connection.sendRequest('verbatim/estimateTime', { textDocument: { uri: URI }, positions: [{ line, character }] }) as Promise<EstimateTimeResult>;

  it('estimates times from the timestamps, then from the recording once it is attached, with what they rest on', async () => {
    await openForum();
    const marker = { line: 4, character: LINES[4].indexOf('(inaudible)') };
    const unattached = await estimate(marker.line, marker.character);
    assert.equal(unattached.estimates[0].before.kind, 'timestamp');
    assert.equal(unattached.estimates[0].after, null, 'no recording yet: past the timestamp the time is extrapolated');
    const attached = (await server.connection.sendRequest('verbatim/setRecording', {
      textDocument: { uri: URI },
      recording: { durationSeconds: 150, syncPoints: [] },
    })) as SyncPointsResult;
    assert.deepEqual(attached, { syncPoints: [], lost: 0 });
    const [atMarker] = (await estimate(marker.line, marker.character)).estimates;
    // 10 of the 30 words between 60 s (the timestamp) and 150 s (the end): 90 s.
    assert.ok(Math.abs(atMarker.seconds - 90) < 1e-6, String(atMarker.seconds));
    assert.equal(atMarker.clock, '00:01:30');
    assert.deepEqual([atMarker.before.kind, atMarker.before.line, atMarker.after?.kind, atMarker.after?.seconds], ['timestamp', 3, 'end', 150]);
    assert.ok(atMarker.plusMinus > 0);
  });

  it('a sync point moves the estimates, is handed back for keeping, and follows its text when lines are inserted above', async () => {
    await openForum();
    await server.connection.sendRequest('verbatim/setRecording', { textDocument: { uri: URI }, recording: { durationSeconds: 150, syncPoints: [] } });
    const d1 = { line: 5, character: LINES[5].indexOf('d1') };
    const added = (await server.connection.sendRequest('verbatim/addSyncPoint', { textDocument: { uri: URI }, position: d1, seconds: 140 })) as SyncPointsResult;
    assert.equal(added.syncPoints.length, 1);
    assert.equal(added.syncPoints[0].anchor.quote.slice(0, 5), 'd1 d2');
    assert.ok(Math.abs((await estimate(d1.line, d1.character)).estimates[0].seconds - 140) < 1e-6);
    // Two lines typed above the timestamp: the sync point's text moves down two lines.
    const changed = server.nextDiagnostics(URI, 2);
    void server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '>> HOST:  one more thing\n>> GUEST:  sure\n' }],
    });
    await changed;
    const [moved] = (await estimate(d1.line + 2, d1.character)).estimates;
    assert.ok(Math.abs(moved.seconds - 140) < 1e-6, `the sync point followed its words: ${moved.seconds}`);
    assert.deepEqual([moved.before.kind, moved.before.line], ['sync', 7]);
    // Re-attaching with the kept sync points (a new session) finds them again.
    const again = (await server.connection.sendRequest('verbatim/setRecording', {
      textDocument: { uri: URI },
      recording: { durationSeconds: 150, syncPoints: added.syncPoints },
    })) as SyncPointsResult;
    assert.equal(again.lost, 0);
    assert.equal(again.syncPoints[0].anchor.offset, added.syncPoints[0].anchor.offset + '>> HOST:  one more thing\n>> GUEST:  sure\n'.length);
  });

  it('offers "Play the recording here (≈ time)" on the inaudible finding once a recording is attached, and a hover link', async () => {
    const diagnostics = await openForum();
    const inaudible = diagnostics.find((d) => d.code === 'inaudible')!;
    assert.ok(inaudible, JSON.stringify(diagnostics));
    const request = () =>
      server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: inaudible.range, context: { diagnostics: [inaudible] } }) as Promise<
        CodeAction[]
      >;
    assert.ok(!(await request()).some((a) => a.title.startsWith('Play the recording')), 'no recording, no action');
    await server.connection.sendRequest('verbatim/setRecording', { textDocument: { uri: URI }, recording: { durationSeconds: 150, syncPoints: [] } });
    const play = (await request()).find((a) => a.title.startsWith('Play the recording'))!;
    assert.equal(play.title, 'Play the recording here (≈ 00:01:30)');
    assert.deepEqual(play.command?.command, 'verbatim.playRecordingAt');
    assert.deepEqual(play.command?.arguments, [{ uri: URI, seconds: 90, preRoll: true }]);
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: inaudible.range.start })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.ok(value.startsWith('Inaudible marker 1 of 1'), 'the inaudible hover stays first');
    assert.ok(value.includes('[Play the recording here (≈ 00:01:30)](command:verbatim.playRecordingAt?'), value);
    assert.ok(/± \d+ s, by words between the timestamp 00:01:00 on line 4 and the end of the recording/.test(value), value);
  });

  it("timestamps are links that play from their time; the time is written in the file's style; time maps back to the turn", async () => {
    await openForum();
    const links = (await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: URI } })) as DocumentLink[];
    assert.equal(links.length, 1);
    assert.deepEqual(links[0].range, { start: { line: 3, character: 0 }, end: { line: 3, character: 10 } });
    assert.equal(decodeURIComponent(links[0].target!), `command:verbatim.playRecordingAt?[{"uri":"${URI}","seconds":60,"preRoll":false}]`);
    assert.equal(await server.connection.sendRequest('verbatim/formatTimestamp', { textDocument: { uri: URI }, seconds: 3723.7 }), '[01:02:03]');
    await server.connection.sendRequest('verbatim/setRecording', { textDocument: { uri: URI }, recording: { durationSeconds: 150, syncPoints: [] } });
    const at = (await server.connection.sendRequest('verbatim/positionAtTime', { textDocument: { uri: URI }, seconds: 95 })) as PositionAtTimeResult;
    assert.equal(at.turn?.speaker, 'GUEST');
    assert.equal(at.turn?.range.start.line, 4);
    assert.equal(LINES[4].slice(at.position.character, at.position.character + 2), 'c2');
  });

  it('bad params get null, never a crash', async () => {
    await openForum();
    for (const [method, params] of [
      ['verbatim/estimateTime', { textDocument: { uri: URI }, positions: 'nope' }],
      ['verbatim/estimateTime', { textDocument: { uri: 'file:///unknown' }, positions: [] }],
      ['verbatim/addSyncPoint', { textDocument: { uri: URI }, position: { line: 0, character: 0 }, seconds: -1 }],
      ['verbatim/positionAtTime', { textDocument: { uri: URI }, seconds: 'soon' }],
      ['verbatim/setRecording', { textDocument: { uri: URI }, recording: 'x' }],
      ['verbatim/formatTimestamp', { textDocument: { uri: URI } }],
    ] as const) {
      assert.equal(await server.connection.sendRequest(method, params), null, method);
    }
    const kept = (await server.connection.sendRequest('verbatim/setRecording', {
      textDocument: { uri: URI },
      recording: { durationSeconds: 'long', syncPoints: [{ seconds: 5 }, { seconds: 1, anchor: { offset: 0, quote: 'not in the text' } }] },
    })) as SyncPointsResult;
    assert.deepEqual(kept, { syncPoints: [], lost: 2 });
    assert.equal((await estimate(2, 0)).estimates.length, 1);
  });
});
