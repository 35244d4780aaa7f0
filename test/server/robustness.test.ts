// Protocol robustness: whatever a client sends, the server answers with an error or nothing, says
// what it could not do once, and keeps serving the next request.
import { strict as assert } from 'assert';
import { once } from 'events';
import { CancellationTokenSource, DiagnosticSeverity, MessageType, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-protocol';
import { CHEAP_RULES } from '../../server/src/core/config/limits';
import { OFF_THREAD_BYTES } from '../../server/src/transport';
import { startStdioServer as startServer, type StdioServerSession as ServerSession } from '../helpers/lspClient';

const MEETING = '>> CHAIR:  Good evening.  We will begin with the budget\n>> Thank you, Chair.\n>> CLERK:  The the roll call is complete.\n';

/** The server still works: it answers a real request about a real document. */
async function assertStillServing(server: ServerSession): Promise<void> {
  const uri = `file:///still-serving-${Math.random().toString(36).slice(2)}.transcript`;
  server.open(uri, MEETING);
  const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
  assert.deepEqual(
    symbols.map((symbol) => symbol.name),
    ['CHAIR', '(unidentified)', 'CLERK'],
  );
  assert.equal(server.process.exitCode, null, 'the server process exited');
}

/** Starts a server; the messages it shows the user (window/showMessage notifications) land in `messages`. */
async function startRecordingServer(settings: Record<string, unknown> = {}): Promise<ServerSession> {
  return startServer(settings);
}

/** Waits until the condition holds: for what the server does after a configuration round trip. */
async function eventually(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 20000) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Writes raw bytes to the server's input, as a broken client would. */
function sendRaw(server: ServerSession, body: string): void {
  server.process.stdin!.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
}

describe('language server robustness', function () {
  this.timeout(60000);
  let server: ServerSession;

  afterEach(async () => {
    if (server.process.exitCode === null) await server.close();
  });

  describe('malformed and unexpected messages', () => {
    beforeEach(async () => {
      server = await startRecordingServer();
    });

    it('survives a message that is not JSON, and one that is JSON but not a message', async () => {
      sendRaw(server, '{"jsonrpc": "2.0", "id": 99, "method": ');
      sendRaw(server, '[1, 2, 3]');
      sendRaw(server, '{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": 42}');
      await assertStillServing(server);
    });

    it('answers an unknown request with MethodNotFound and ignores an unknown notification', async () => {
      await server.connection.sendNotification('verbatim/noSuchNotification', { anything: true });
      await assert.rejects(server.connection.sendRequest('verbatim/noSuchRequest', {}), (error: { code?: number }) => error.code === -32601);
      await assertStillServing(server);
    });

    it('answers requests about documents it was never given with nothing', async () => {
      const textDocument = { uri: 'file:///never-opened.transcript' };
      assert.equal(await server.connection.sendRequest('textDocument/documentSymbol', { textDocument }), null);
      assert.equal(await server.connection.sendRequest('textDocument/foldingRange', { textDocument }), null);
      assert.equal(await server.connection.sendRequest('textDocument/hover', { textDocument, position: { line: 0, character: 0 } }), null);
      await assertStillServing(server);
    });

    it('answers requests with missing or wrongly typed parameters with an error or nothing', async () => {
      for (const [method, params] of [
        ['textDocument/documentSymbol', {}],
        ['textDocument/documentSymbol', { textDocument: { uri: 42 } }],
        ['textDocument/hover', { textDocument: { uri: 'file:///x.transcript' } }],
        ['verbatim/looksLikeTranscript', { text: 12 }],
        ['verbatim/looksLikeTranscript', null],
      ] as const) {
        // Either an answer or an error response: what matters is that one comes and the server stays.
        await server.connection.sendRequest(method, params).catch((error: { code?: number }) => assert.equal(typeof error.code, 'number', `${method}: ${String(error)}`));
      }
      await assertStillServing(server);
    });

    it('ignores a change to a document that was never opened', async () => {
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: 'file:///not-open.transcript', version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '>> ' }],
      });
      assert.equal(await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///not-open.transcript' } }), null);
      await assertStillServing(server);
    });

    it('clamps an edit whose positions lie past the end of the document and analyses the result', async () => {
      const uri = 'file:///past-the-end.transcript';
      const opened = server.nextDiagnostics(uri, 1);
      server.open(uri, '>> ANA:  One.\n');
      await opened;
      const changed = server.nextDiagnostics(uri, 2);
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 40, character: 9 }, end: { line: 99, character: 0 } }, text: '>> BEN:  Two.\n' }],
      });
      assert.deepEqual(await changed, []);
      const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
      assert.deepEqual(
        symbols.map((symbol) => symbol.name),
        ['ANA', 'BEN'],
      );
    });

    it('answers a cancelled request with its result or RequestCancelled, and keeps serving', async () => {
      const uri = 'file:///cancelled.transcript';
      server.open(uri, MEETING.repeat(2000));
      for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeAction']) {
        const params =
          method === 'textDocument/codeAction'
            ? { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 5000, character: 0 } }, context: { diagnostics: [] } }
            : { textDocument: { uri } };
        const source = new CancellationTokenSource();
        const answer = server.connection.sendRequest(method, params, source.token);
        source.cancel();
        await answer.then(
          (result) => assert.ok(result !== undefined),
          (error: { code?: number }) => assert.equal(error.code, -32800, `${method} failed with ${String(error)}`),
        );
      }
      await assertStillServing(server);
    });
  });

  describe('input it cannot analyse', () => {
    it('gives a binary document no features and says so once', async () => {
      server = await startRecordingServer();
      const uri = 'file:///image.transcript';
      const binary = `\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR>> CHAIR: not a turn\u0000\u0001`;
      const published = server.nextDiagnostics(uri, 1);
      server.open(uri, binary);
      assert.deepEqual(await published, []);
      assert.deepEqual(await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), []);
      assert.deepEqual(await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } }), []);
      // Typing into it does not repeat the message.
      const changed = server.nextDiagnostics(uri, 2);
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${binary}x` }] });
      assert.deepEqual(await changed, []);
      const told = server.messages.filter((message) => message.message.includes('image.transcript'));
      assert.equal(told.length, 1, JSON.stringify(server.messages));
      assert.match(told[0].message, /binary/);
      await assertStillServing(server);
    });

    it('keeps the outline and the cheap diagnostics of a document over the size limit, and says so once', async () => {
      // A limit of 0.01 MB (about 10,000 characters) makes an ordinary document "huge".
      server = await startRecordingServer({ maxFileSizeMB: 0.01 });
      const uri = 'file:///long-meeting.transcript';
      const text = `${MEETING}>> Yes.  And  then we will vote\n`.repeat(120);
      server.open(uri, text);
      const told = () => server.messages.filter((message) => message.message.includes('long-meeting.transcript'));
      // The limit comes with the settings the server pulls after starting; from then on it applies.
      await eventually(() => told().length > 0, 'the message about the size limit');
      const changed = server.nextDiagnostics(uri, 2);
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '>> BEN:  Hi.\n' }],
      });
      const codes = new Set((await changed).map((diagnostic) => String(diagnostic.code)));
      assert.ok(codes.has('broken-turn'), 'a cheap rule still reports');
      for (const code of codes) assert.ok(CHEAP_RULES.has(code as never), `${code} is expensive and should be skipped`);
      const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
      assert.equal(symbols.length, 1 + 120 * 4, 'the outline lists every turn');
      const folding = (await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
      assert.ok(Array.isArray(folding));
      assert.equal(told().length, 1, JSON.stringify(server.messages));
      assert.match(told()[0].message, /above verbatim\.maxFileSizeMB/);
      await assertStillServing(server);
    });

    it('publishes at most maxItemsComputed diagnostics, the most severe first and in document order, and says so once while the document is open', async () => {
      server = await startRecordingServer({ maxItemsComputed: 50 });
      const uri = 'file:///long-meeting.transcript';
      // 120 cut-off turns (warnings) and as many hints for the unlabelled ones.
      const text = `${MEETING}>> Yes.  And  then we will vote\n`.repeat(120);
      server.open(uri, text);
      const told = () => server.messages.filter((message) => message.message.includes('left out'));
      await eventually(() => told().length > 0, 'the message about diagnostics left out');
      const changed = server.nextDiagnostics(uri, 2);
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '>> BEN:  Hi.\n' }],
      });
      const published = await changed;
      assert.equal(published.length, 50);
      assert.ok(
        published.every((diagnostic) => diagnostic.severity === DiagnosticSeverity.Warning),
        JSON.stringify(published.map((diagnostic) => diagnostic.code)),
      );
      const lines = published.map((diagnostic) => diagnostic.range.start.line);
      assert.deepEqual(
        lines,
        [...lines].sort((a, b) => a - b),
      );
      assert.equal(told().length, 1, JSON.stringify(server.messages));
      assert.match(told()[0].message, /50 problems are shown.*more are left out/);
      // Closed and opened again, the document is a new one to the user: told again.
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      server.open(uri, text, 3);
      await eventually(() => told().length === 2, 'the message again after reopening');
    });

    it('analyses the same document in full under the default limit', async () => {
      server = await startRecordingServer();
      const uri = 'file:///long-meeting.transcript';
      const published = server.nextDiagnostics(uri, 1);
      server.open(uri, `${MEETING}>> Yes.  And  then we will vote\n`.repeat(120));
      const codes = new Set((await published).map((diagnostic) => String(diagnostic.code)));
      assert.ok(codes.has('repeated-word'));
      assert.deepEqual(server.messages, []);
    });

    it('reports a broken size limit once and applies the default', async () => {
      server = await startRecordingServer({ maxFileSizeMB: 'huge' });
      const warnings = () => server.messages.filter((message) => message.message.includes('maxFileSizeMB'));
      await eventually(() => warnings().length > 0, 'the settings warning');
      assert.match(warnings()[0].message, /positive number of megabytes/);
      const uri = 'file:///default-limit.transcript';
      const published = server.nextDiagnostics(uri, 1);
      server.open(uri, MEETING);
      assert.ok(
        (await published).some((diagnostic) => diagnostic.code === 'repeated-word'),
        'under the default limit the document is analysed in full',
      );
      server.settings.maxFileSizeMB = -3;
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await eventually(() => warnings().length > 1, 'the warning about the new value');
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await assertStillServing(server);
      assert.equal(warnings().length, 2, `each problem once: ${JSON.stringify(server.messages)}`);
    });

    it('serves a document above the default limit (over 20 MB) and answers the next request', async function () {
      this.timeout(180000);
      server = await startRecordingServer();
      const uri = 'file:///huge.transcript';
      const chunk = '>> CHAIR:  Good evening, we will begin with the budget.\n>> CLERK:  Roll call is complete.\n';
      const text = chunk.repeat(Math.ceil((21 * 1024 * 1024) / chunk.length));
      const published = server.nextDiagnostics(uri, 1);
      server.open(uri, text);
      await published;
      const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
      assert.ok(symbols.length > 0);
      assert.equal(server.messages.filter((message) => message.message.includes('huge.transcript')).length, 1);
      await assertStillServing(server);
    });
  });

  describe('the stdio transport, which parses large messages on a worker thread', () => {
    it('serves a document of several MB sent in one didOpen: every turn in the outline, the one problem where it is', async () => {
      server = await startServer();
      // Characters of 1, 2 and 3 bytes in UTF-8, so that reads split some of them.
      const speech = 'Bienvenue à tous — we begin with the café’s budget. '.repeat(30).trim();
      const pair = `>> CHAIR:  ${speech}\n>> CLERK:  The roll call is complete.\n`;
      const pairs = Math.ceil((4 * 1024 * 1024) / Buffer.byteLength(pair));
      const text = `${pair.repeat(pairs)}>> ZOË:  The the end.\n`;
      assert.ok(Buffer.byteLength(text) > OFF_THREAD_BYTES);
      const uri = 'file:///several-megabytes.transcript';
      const lastLine = 2 * pairs;
      const published = server.nextDiagnostics(uri, 1);
      server.open(uri, text);
      assert.deepEqual(
        (await published).map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.range.start.character]),
        [['repeated-word', lastLine, 9]],
      );
      const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
      assert.equal(symbols.length, 2 * pairs + 1);
      assert.deepEqual(
        symbols.slice(0, 2).map((symbol) => symbol.name),
        ['CHAIR', 'CLERK'],
      );
      assert.equal(symbols[2 * pairs].name, 'ZOË');
      assert.equal(symbols[2 * pairs].range.start.line, lastLine);
      await assertStillServing(server);
    });

    it('exits when its input ends: with 1, or with 0 after a shutdown request', async () => {
      for (const shutDownFirst of [false, true]) {
        server = await startServer();
        if (shutDownFirst) await server.connection.sendRequest('shutdown');
        const exited = once(server.process, 'exit');
        server.process.stdin!.end();
        assert.deepEqual(await exited, [shutDownFirst ? 0 : 1, null]);
      }
    });

    it('logs each message it cannot read, small or large or without a Content-Length, and keeps serving', async () => {
      server = await startServer();
      const errors: string[] = [];
      const allLogged = new Promise<void>((resolve) =>
        server.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
          if (params.type === MessageType.Error) errors.push(params.message);
          if (errors.length === 3) resolve();
        }),
      );
      sendRaw(server, '{"jsonrpc": "2.0", "id": 99, "method": ');
      sendRaw(server, `{"jsonrpc": "2.0", "method": "verbatim/large", "params": "${'a'.repeat(OFF_THREAD_BYTES)}`);
      server.process.stdin!.write('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n');
      await allLogged;
      assert.equal(errors.filter((message) => /^Could not read a message: .*JSON/.test(message)).length, 2, errors.join('\n'));
      assert.ok(
        errors.some((message) => message.startsWith('Could not read a message: Header must provide a Content-Length')),
        errors.join('\n'),
      );
      await assertStillServing(server);
    });
  });
});
