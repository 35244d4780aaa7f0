// Answering a label doubt over the protocol: the quick fix's command records the answer (in a
// `.verbatimrc.json`, or through the client in the user settings) and the server reads the open
// transcripts again.
import { strict as assert } from 'assert';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { CONFIG_FILE_NAME } from '../../server/src/core/config/config';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/config/settings';
import { listenedStore } from '../helpers/storeConnection';
import { AnalysedDocuments } from '../../server/src/documents';
import type { StatisticsResult } from '../../server/src/protocol';
import { startServer, type ServerSession } from '../helpers/lspClient';

const RECORD = 'verbatim.recordSpeakerAnswer';
// Invented: a chevron file with an agenda line and one colon turn without chevrons.
const TEXT = ['>> CHAIR:  Welcome, everyone.', 'Session 1: Opening remarks', '>> CHAIR:  Over to you, Amanda.', 'Amanda: Thank you!', '>> CHAIR:  Thank you.', ''].join('\n');

describe('answering a label doubt', function () {
  let server: ServerSession | undefined;
  let folder: string;

  beforeEach(() => {
    folder = realpathSync(mkdtempSync(path.join(tmpdir(), 'verbatim-answers-')));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    rmSync(folder, { recursive: true, force: true });
  });

  async function openInFolder(file: string, text = TEXT): Promise<{ server: ServerSession; uri: string }> {
    server = recordingMessages(
      await startServer(
        {},
        { foldingRange: { refreshSupport: true } },
        // As Verbatim's VS Code client asks: told when the open transcripts read differently without an edit.
        { initializeParams: { workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'hearings' }] }, initializationOptions: { readingChangedNotification: true } },
      ),
    );
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const first = server.nextDiagnostics(uri);
    server.open(uri, text);
    await first;
    return { server, uri };
  }

  function answer(session: ServerSession, uri: string, name: string, isSpeaker: boolean): Promise<unknown> {
    return session.connection.sendRequest('workspace/executeCommand', { command: RECORD, arguments: [{ uri, name, isSpeaker }] });
  }

  it('writes a new .verbatimrc.json at the root of the workspace folder, and reads the open transcripts again', async () => {
    const { server, uri } = await openInFolder(path.join(folder, 'june', 'hearing.transcript'));
    const republished = server.nextDiagnostics(uri);
    // The outline and folding of an unedited document are asked for again only when the client is told.
    const toldReadingChanged = new Promise<void>((resolve) => server.connection.onNotification('verbatim/readingChanged', () => resolve()));
    const foldingRefreshed = new Promise<void>((resolve) => server.connection.onRequest('workspace/foldingRange/refresh', () => (resolve(), null)));
    await answer(server, uri, 'Session 1', false);
    await Promise.all([republished, toldReadingChanged, foldingRefreshed]);
    const file = path.join(folder, CONFIG_FILE_NAME);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { notSpeakers: ['Session 1'] });
    assert.ok(
      server.messages.some((message) => message.message.includes('"Session 1" is not a speaker') && message.message.includes(file)),
      'the user is told where the answer is kept',
    );
  });

  it('adds the answer to the nearest .verbatimrc.json above the transcript, keeping its other keys', async () => {
    const rc = path.join(folder, 'june', CONFIG_FILE_NAME);
    mkdirSync(path.dirname(rc), { recursive: true });
    writeFileSync(rc, '{\n  "rules": { "lost-dash": "off" },\n  "notSpeakers": ["Amanda"]\n}\n');
    chmodSync(rc, 0o640);
    const { server, uri } = await openInFolder(path.join(folder, 'june', 'day2', 'hearing.transcript'));
    const republished = server.nextDiagnostics(uri);
    await answer(server, uri, 'AMANDA', true);
    await republished;
    assert.deepEqual(JSON.parse(readFileSync(rc, 'utf8')), { rules: { 'lost-dash': 'off' }, notSpeakers: [], speakers: ['AMANDA'] });
    assert.equal(statSync(rc).mode & 0o777, 0o640, 'the file keeps its mode');
    assert.throws(() => readFileSync(path.join(folder, CONFIG_FILE_NAME)), 'no second file at the folder root');
  });

  it('leaves a broken .verbatimrc.json alone and says why', async () => {
    const rc = path.join(folder, CONFIG_FILE_NAME);
    writeFileSync(rc, '{ "rules": ');
    const { server, uri } = await openInFolder(path.join(folder, 'hearing.transcript'));
    await answer(server, uri, 'Session 1', false);
    assert.equal(readFileSync(rc, 'utf8'), '{ "rules": ');
    assert.ok(
      server.messages.some((message) => /could not remember that "Session 1" is not a speaker: .*not valid JSON/.test(message.message)),
      server.messages.map((message) => message.message).join('\n'),
    );
  });

  it('asks the client to keep an answer about an untitled transcript in the user settings, and reads again when they change', async () => {
    server = recordingMessages(await startServer());
    const session = server;
    const uri = 'untitled:Untitled-1';
    const first = session.nextDiagnostics(uri);
    session.open(uri, TEXT);
    await first;
    const asked: unknown[] = [];
    session.connection.onRequest('verbatim/recordAnswerInSettings', (params: unknown) => {
      asked.push(params);
      // As the VS Code client does: the user settings change, and the server hears of it.
      session.settings.notSpeakers = ['Session 1'];
      void session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      return null;
    });
    const republished = session.nextDiagnostics(uri);
    await answer(session, uri, 'Session 1', false);
    await republished;
    assert.deepEqual(asked, [{ name: 'Session 1', isSpeaker: false }]);
  });

  it('tells the user which setting to change when the client cannot keep the answer', async () => {
    server = recordingMessages(await startServer());
    const session = server;
    await answer(session, 'untitled:Untitled-2', 'Amanda', true);
    assert.ok(
      session.messages.some((message) => /add "Amanda" to the verbatim\.speakers setting/.test(message.message)),
      session.messages.map((message) => message.message).join('\n'),
    );
  });

  it('ignores malformed command arguments and keeps serving', async () => {
    const { server, uri } = await openInFolder(path.join(folder, 'hearing.transcript'));
    for (const args of [undefined, [], [null], [{ uri, name: 'X' }], [{ uri, name: '  ', isSpeaker: true }], [{ uri: 42, name: 'X', isSpeaker: false }]]) {
      assert.equal(await server.connection.sendRequest('workspace/executeCommand', { command: RECORD, arguments: args }), null);
    }
    assert.throws(() => readFileSync(path.join(folder, CONFIG_FILE_NAME)), 'nothing was written');
    const statistics = (await server.connection.sendRequest('verbatim/statistics', { textDocument: { uri } })) as StatisticsResult;
    assert.equal(statistics.uri, uri);
  });

  // UNFINISHED until the rebuilt reader lands: it is what reads the answers.
  it('makes the outline, the diagnostics and the statistics follow the answers', async function () {
    const { server, uri } = await openInFolder(path.join(folder, 'hearing.transcript'));
    const before = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 1, character: 0 }, end: { line: 3, character: 0 } },
      context: { diagnostics: await currentDiagnostics(server, uri) },
    })) as CodeAction[];
    // Where the reader doubts a line, the answers are offered as commands that record them.
    for (const action of before.filter((candidate) => candidate.command?.command === RECORD))
      assert.match(action.title, /^"(Session 1|Amanda)" is (not )?a speaker \(remember in a new \.verbatimrc\.json\)$/);

    const afterFirst = server.nextDiagnostics(uri);
    await answer(server, uri, 'Session 1', false);
    await afterFirst;
    const afterSecond = server.nextDiagnostics(uri);
    await answer(server, uri, 'Amanda', true);
    let diagnostics = await afterSecond;
    const doubtsOnAnsweredLines = () =>
      diagnostics.filter((diagnostic) => diagnostic.code === 'label-doubt' && (diagnostic.range.start.line === 1 || diagnostic.range.start.line === 3));
    // A publish already scheduled by the first answer may come first: the reading after both is the one that counts.
    for (let publish = 0; publish < 3 && doubtsOnAnsweredLines().length > 0; publish++) diagnostics = await server.nextDiagnostics(uri);
    assert.deepEqual(doubtsOnAnsweredLines(), [], 'both lines are answered: no more doubt on them');
    const names = symbolNames((await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[]);
    assert.ok(!names.includes('Session 1'), `"Session 1" is no speaker in the outline: ${names.join(', ')}`);
    assert.ok(names.includes('Amanda'), `Amanda's turn is in the outline: ${names.join(', ')}`);
    const statistics = (await server.connection.sendRequest('verbatim/statistics', { textDocument: { uri } })) as StatisticsResult;
    assert.deepEqual(statistics.speakers.map((speaker) => speaker.name).sort(), ['Amanda', 'CHAIR']);
  });
});

describe('the settings each open document is read with', () => {
  it('are its own, asked for when it opens and when settings or answers change, never per edit', async () => {
    // Stands in for the .verbatimrc.json of each document's folder: here, which rules are off.
    const answered: Record<string, Settings> = { 'file:///a/x.transcript': DEFAULT_SETTINGS, 'file:///b/x.transcript': { ...DEFAULT_SETTINGS, rules: { 'repeated-word': 'off' } } };
    const asked: string[] = [];
    const documents = new AnalysedDocuments((uri) => {
      asked.push(uri);
      return answered[uri];
    });
    const { open: onOpen, change: onChange } = listenedStore(documents);
    const text = '>> CHAIR:  The the plan is ready.\n';
    for (const uri of Object.keys(answered)) onOpen({ textDocument: { uri, languageId: 'caption-transcript', version: 1, text } });
    const codes = async (uri: string) => (await documents.analysis(uri))!.findings.map((finding) => finding.code);
    assert.ok((await codes('file:///a/x.transcript')).includes('repeated-word'));
    assert.ok(!(await codes('file:///b/x.transcript')).includes('repeated-word'), "b's folder turned the rule off");

    onChange({
      textDocument: { uri: 'file:///a/x.transcript', version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 11 } }, text: 'So ' }],
    });
    await codes('file:///a/x.transcript');
    assert.deepEqual(asked, ['file:///a/x.transcript', 'file:///b/x.transcript'], 'an edit reads no settings');

    answered['file:///a/x.transcript'] = { ...DEFAULT_SETTINGS, rules: { 'repeated-word': 'off' } };
    documents.invalidateAll();
    assert.ok(!(await codes('file:///a/x.transcript')).includes('repeated-word'), 'read again with the changed settings');
    assert.equal(asked.length, 4);
  });
});

/** The session, also recording window/showMessageRequest (what `showInformationMessage` and the like send) in `messages`. */
function recordingMessages(session: ServerSession): ServerSession {
  session.connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
    session.messages.push({ type: params.type, message: params.message });
    return null;
  });
  return session;
}

/** The diagnostics the server publishes next for the document (after an edit that changes nothing, so they are current). */
async function currentDiagnostics(server: ServerSession, uri: string): Promise<Diagnostic[]> {
  const next = server.nextDiagnostics(uri);
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  return next;
}

function symbolNames(symbols: DocumentSymbol[]): string[] {
  return symbols.flatMap((symbol) => [symbol.name, ...symbolNames(symbol.children ?? [])]);
}
