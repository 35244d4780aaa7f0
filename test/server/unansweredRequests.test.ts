// A client that fails, or never answers, the requests the server sends it (configuration, capability
// registration, message requests, edits) cannot stop the server: it keeps publishing the
// diagnostics a well-behaved client gets, and tells the user things with notifications.
import { strict as assert } from 'assert';
import { MessageType, type Diagnostic, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { startStdioServer as startServer, type ServerRequestAnswers, type StdioServerSession as ServerSession } from '../helpers/lspClient';

const URI = 'file:///council.transcript';
const MEETING = '>> CHAIR:  Good evening.  We will begin with the budget\n>> Thank you, Chair.\n>> CLERK:  The the roll call is complete.\n>>\n>> CHAIR:  (Applause\n';
/** Small enough that the outline and the diagnostics are cut, and the user is told so; a dash style that is reported as wrong. */
const SETTINGS = { maxItemsComputed: 2, dashStyle: 'long' };
const CAPABILITIES = { configuration: true, didChangeConfiguration: { dynamicRegistration: true } };

/** The diagnostics and the messages a client gets for MEETING, answering server requests as told. */
async function session(answers: ServerRequestAnswers): Promise<{ server: ServerSession; diagnostics: Diagnostic[]; stderr: () => string }> {
  const server = await startServer(SETTINGS, CAPABILITIES, { serverRequests: answers, initializationOptions: { settings: SETTINGS } });
  let stderr = '';
  server.process.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const published = server.nextDiagnostics(URI, 1);
  server.open(URI, MEETING);
  return { server, diagnostics: await published, stderr: () => stderr };
}

describe('a client that fails or ignores every request the server sends', function () {
  this.timeout(30000);
  const servers: ServerSession[] = [];
  let expected: Diagnostic[];

  before(async () => {
    const wellBehaved = await session('answer');
    servers.push(wellBehaved.server);
    expected = wellBehaved.diagnostics;
    assert.equal(expected.length, SETTINGS.maxItemsComputed, 'the reference diagnostics are cut at maxItemsComputed');
  });

  after(async () => {
    for (const server of servers) if (server.process.exitCode === null) await server.close();
  });

  for (const answers of ['reject', 'ignore'] as const) {
    it(`keeps serving a client that ${answers === 'reject' ? 'answers each with an error' : 'never answers'}: the same diagnostics, messages as notifications`, async () => {
      const { server, diagnostics, stderr } = await session(answers);
      servers.push(server);
      assert.deepEqual(diagnostics, expected);

      // The outline is cut too: one more "left out" message, while settings are pulled again.
      const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as DocumentSymbol[];
      assert.ok(symbols.length > 0);
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const edited = server.nextDiagnostics(URI, 2);
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: URI, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Riverton council\n\n' }],
      });
      assert.equal((await edited).length, SETTINGS.maxItemsComputed);
      assert.equal(await server.connection.sendRequest('verbatim/looksLikeTranscript', { text: MEETING }), true);
      assert.equal(server.process.exitCode, null, 'the server process exited');

      const told = server.messages.map((message) => message.message);
      assert.ok(
        server.messages.some((message) => message.type === MessageType.Warning && /dashStyle/.test(message.message)),
        `the broken setting is told with window/showMessage: ${told.join(' | ')}`,
      );
      assert.ok(
        told.some((message) => /problems are shown.*left out/.test(message)),
        `the left-out diagnostics are told: ${told.join(' | ')}`,
      );
      assert.ok(
        told.some((message) => /outline shows the first 2 entries/.test(message)),
        `the cut outline is told: ${told.join(' | ')}`,
      );
      assert.doesNotMatch(stderr(), /unhandled rejection/);
    });
  }
});
