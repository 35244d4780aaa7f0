#!/usr/bin/env node
// How long the language server blocks its event loop on a big transcript: `node scripts/event-loop.js [MB...]`
// (after `npm test` or `npm run build && tsc -p .`). It opens corpus text repeated to each size, asks
// for the outline, types six keystrokes, pings the server every 5 ms with a trivial request
// throughout, and reports
// - the longest wait for an answer: what an editor would feel, including the time this client
//   spends encoding the document and decoding the answers (its own longest block is shown too);
// - the longest block of the server process's event loop, start to exit (event-loop-probe.js);
// - the longest the server's own code (analysis in slices, then the diagnostics) held the event
//   loop, run in this process.
const { spawn } = require('child_process');
const { monitorEventLoopDelay } = require('perf_hooks');
const fs = require('fs');
const path = require('path');
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const root = path.resolve(__dirname, '..');
const corpusDir = path.resolve(process.env.VERBATIM_CORPUS || path.join(root, '..', 'shared', 'corpus'));
if (!fs.existsSync(corpusDir)) {
  console.error(`event-loop: this measurement types into corpus text and there is none at ${corpusDir} (set VERBATIM_CORPUS=DIR)`);
  process.exit(2);
}
const sizes = process.argv.slice(2).map(Number);
const corpus = fs.readdirSync(corpusDir).filter((name) => name.endsWith('.txt')).sort().map((name) => fs.readFileSync(path.join(corpusDir, name), 'utf8')).join('\n');

async function measure(sizeMB) {
  const probe = path.join(__dirname, 'event-loop-probe.js');
  const child = spawn(process.execPath, ['--max-old-space-size=4096', '--require', probe, path.join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let serverOutput = '';
  child.stderr.on('data', (chunk) => (serverOutput += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waitingForVersion = [];
  connection.onNotification('textDocument/publishDiagnostics', ({ version }) => {
    for (const waiting of waitingForVersion.splice(0)) if (!waiting(version)) waitingForVersion.push(waiting);
  });
  const publishedFor = (wanted) => new Promise((resolve) => waitingForVersion.push((version) => version === wanted && (resolve(), true)));
  connection.onNotification('window/logMessage', () => undefined);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});
  const text = corpus.repeat(Math.ceil((sizeMB * 1024 * 1024) / corpus.length)).slice(0, sizeMB * 1024 * 1024);
  let longest = 0;
  let pinging = true;
  const clientDelay = monitorEventLoopDelay({ resolution: 5 });
  clientDelay.enable();
  const pings = (async () => {
    while (pinging) {
      const sent = performance.now();
      await connection.sendRequest('verbatim/looksLikeTranscript', { text: '>> A: one' });
      longest = Math.max(longest, performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const opened = performance.now();
  const uri = 'file:///big.transcript';
  const published = publishedFor(1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'caption-transcript', version: 1, text } });
  await published;
  const diagnosticsAfter = performance.now() - opened;
  await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  const symbolsAfter = performance.now() - opened;
  // Typing, 50 ms apart: a word in the middle of the file, then a letter inside a speaker label
  // (who-said-it re-reads every turn). Corpus text repeated reads as colon text, which every edit
  // parses afresh: the worst case.
  const lines = text.split(/\r\n|\r|\n/);
  const middle = Math.floor(lines.length / 2);
  const labelLine = lines.findIndex((line, index) => index > middle && /^>> [A-Z][A-Z .]+:/.test(line));
  const keystrokes = [...'word '].map((letter, index) => ({ line: middle, character: index, text: letter }));
  if (labelLine !== -1) keystrokes.push({ line: labelLine, character: 4, text: 'X' });
  let version = 1;
  for (const { line, character, text: typed } of keystrokes) {
    const at = { line, character };
    version++;
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: typed }] });
    if (version <= keystrokes.length) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const typedAt = performance.now();
  await publishedFor(version);
  const typingDiagnosticsAfter = performance.now() - typedAt;
  pinging = false;
  await pings;
  clientDelay.disable();
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await exited;
  connection.dispose();
  const serverProcessBlock = /longest event-loop block: (\d+) ms/.exec(serverOutput)?.[1] ?? '?';
  const serverBlock = await measureInProcess(text);
  console.log(`${sizeMB} MB: diagnostics after ${diagnosticsAfter.toFixed(0)} ms, outline after ${symbolsAfter.toFixed(0)} ms, diagnostics ${typingDiagnosticsAfter.toFixed(0)} ms after ${keystrokes.length} keystrokes; longest unanswered ping ${longest.toFixed(0)} ms (this client itself blocked up to ${(clientDelay.max / 1e6).toFixed(0)} ms); server process blocked at most ${serverProcessBlock} ms; server code alone at most ${serverBlock.toFixed(0)} ms`);
}

/** The longest event-loop block while the server's document store analyses `text` and its diagnostics are built. */
async function measureInProcess(text) {
  const { AnalysedDocuments } = require(path.join(root, 'out', 'server', 'src', 'documents.js'));
  const { diagnostics } = require(path.join(root, 'out', 'server', 'src', 'features', 'diagnostics.js'));
  const { warmUpSteps } = require(path.join(root, 'out', 'server', 'src', 'core', 'analysis.js'));
  const { runSteps } = require(path.join(root, 'out', 'server', 'src', 'core', 'steps.js'));
  const { DEFAULT_SETTINGS } = require(path.join(root, 'out', 'server', 'src', 'core', 'settings.js'));
  runSteps(warmUpSteps()); // as the server does when idle
  const handlers = {};
  const connection = { onDidOpenTextDocument: (h) => (handlers.open = h), onDidChangeTextDocument: () => undefined, onDidCloseTextDocument: () => undefined };
  const documents = new AnalysedDocuments(() => DEFAULT_SETTINGS);
  documents.listen(connection, { onOpen: () => undefined, onChange: () => undefined, onClose: () => undefined });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  handlers.open({ textDocument: { uri: 'file:///in-process.transcript', languageId: 'caption-transcript', version: 1, text } });
  const analysis = await documents.analysis('file:///in-process.transcript');
  await new Promise((resolve) => setImmediate(resolve));
  JSON.stringify(diagnostics(analysis, DEFAULT_SETTINGS.maxItemsComputed));
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  return delay.max / 1e6;
}

(async () => {
  for (const size of sizes.length > 0 ? sizes : [1, 5, 20, 30]) await measure(size);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
