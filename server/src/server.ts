// The language server's entry point: `node dist/server.js --stdio` (or --node-ipc, --socket=PORT,
// --pipe=NAME). Everything it serves is in languageServer.ts.
import { readFile } from 'fs/promises';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './languageServer';
import { bundledRulesDocument } from './rulesDocument';
import { stdioTransport } from './transport';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.some((arg) => TRANSPORTS.some((transport) => arg.startsWith(transport)))) {
  process.stderr.write('Verbatim language server: start it with --stdio (or --node-ipc, --socket=PORT, --pipe=NAME).\n');
  process.exit(2);
}

// The last guard: a promise rejection nobody handled (a client's error answer to a request the
// server sent) is logged, and the server keeps serving; Node's default would end the process.
process.on('unhandledRejection', (reason) => {
  const detail = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
  process.stderr.write(`Verbatim language server: unhandled rejection, still serving: ${detail}\n`);
});

// Over stdio, large messages are parsed on a worker thread (transport.ts).
const connection = process.argv.includes('--stdio') ? createConnection(ProposedFeatures.all, ...stdioTransport()) : createConnection(ProposedFeatures.all);
startServer(connection, { readFile: (file) => readFile(file, 'utf8').catch(() => undefined), rulesDocument: bundledRulesDocument() });
connection.listen();
