#!/usr/bin/env node
// How long the language server blocks its event loop on a big transcript: `node scripts/event-loop.js [MB...]`
// (after `npm test` or `npm run build && tsc -p .`). It opens corpus text repeated to each size, asks
// for the outline, times every request type on the analysed document (median of 3), then types six
// keystrokes with every request type sent between them, pings the server every 5 ms with a trivial
// request throughout, and reports
// - each request's answer time, the document analysed (what the README's budget table shows);
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
const corpus = fs
  .readdirSync(corpusDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => fs.readFileSync(path.join(corpusDir, name), 'utf8'))
  .join('\n');

async function measure(sizeMB) {
  const probe = path.join(__dirname, 'event-loop-probe.js');
  const child = spawn(
    process.execPath,
    [...(process.env.VERBATIM_SERVER_NODE_ARGS?.split(' ') ?? []), '--max-old-space-size=4096', '--require', probe, path.join(root, 'dist', 'server.js'), '--stdio'],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
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
  const lines = text.split(/\r\n|\r|\n/);
  const middle = Math.floor(lines.length / 2);
  const labelLine = lines.findIndex((line, index) => index > middle && /^>> [A-Z][A-Z .]+:/.test(line));
  // VERBATIM_EVENT_LOOP_REQUESTS=hover,completion sends only those (to find what blocks);
  // VERBATIM_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" passes flags to the server's node (to profile it).
  const only = process.env.VERBATIM_EVENT_LOOP_REQUESTS?.split(',');
  const requests = Object.fromEntries(Object.entries(everyRequest(uri, lines, labelLine === -1 ? middle : labelLine)).filter(([name]) => !only || only.includes(name)));
  // Each request on the analysed document, three times: the first of a version may compute what
  // the version's later requests read.
  const latencies = {};
  for (const [name, send] of Object.entries(requests)) {
    const times = [];
    for (let run = 0; run < 3; run++) {
      const sent = performance.now();
      await send(connection);
      times.push(performance.now() - sent);
    }
    latencies[name] = times.sort((a, b) => a - b)[1];
    if (process.env.VERBATIM_EVENT_LOOP_VERBOSE) console.error(`${name}: ${times.map((ms) => ms.toFixed(1)).join(', ')} ms`);
  }
  // Typing, 50 ms apart: a word in the middle of the file, then a letter inside a speaker label
  // (who-said-it re-reads every turn), with every request type sent after each keystroke, as an
  // editor and the Speakers view do. Corpus text repeated reads as colon text, which every edit
  // parses afresh: the worst case.
  const keystrokes = [...'word '].map((letter, index) => ({ line: middle, character: index, text: letter }));
  if (labelLine !== -1) keystrokes.push({ line: labelLine, character: 4, text: 'X' });
  let version = 1;
  const answers = [];
  for (const { line, character, text: typed } of keystrokes) {
    const at = { line, character };
    version++;
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: typed }] });
    for (const send of Object.values(requests)) answers.push(send(connection).catch(() => undefined));
    if (version <= keystrokes.length) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const typedAt = performance.now();
  await publishedFor(version);
  const typingDiagnosticsAfter = performance.now() - typedAt;
  await Promise.all(answers);
  pinging = false;
  await pings;
  clientDelay.disable();
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await exited;
  connection.dispose();
  const serverProcessBlock = /longest event-loop block: (\d+) ms/.exec(serverOutput)?.[1] ?? '?';
  const serverBlock = await measureInProcess(text);
  console.log(
    `${sizeMB} MB, answered on the analysed document (median of 3): ${Object.entries(latencies)
      .map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`)
      .join(', ')}`,
  );
  console.log(
    `${sizeMB} MB: diagnostics after ${diagnosticsAfter.toFixed(0)} ms, outline after ${symbolsAfter.toFixed(0)} ms, diagnostics ${typingDiagnosticsAfter.toFixed(0)} ms after ${keystrokes.length} keystrokes; longest unanswered ping ${longest.toFixed(0)} ms (this client itself blocked up to ${(clientDelay.max / 1e6).toFixed(0)} ms); server process blocked at most ${serverProcessBlock} ms; server code alone at most ${serverBlock.toFixed(0)} ms`,
  );
}

/** Every request an editor sends about a transcript, at the places it sends them: a label, a new turn's `>> `. */
function everyRequest(uri, lines, labelLine) {
  const textDocument = { uri };
  const lastLine = lines.length - 1;
  const end = { line: lastLine, character: lines[lastLine].length };
  const onLabel = { line: labelLine, character: 5 };
  const request = (method, params) => (connection) => connection.sendRequest(method, params);
  return {
    statistics: request('verbatim/statistics', { textDocument, includeTurns: false }),
    speakerTurns: request('verbatim/speakerTurns', { textDocument, speaker: 'MODERATOR' }),
    hover: request('textDocument/hover', { textDocument, position: onLabel }),
    completion: request('textDocument/completion', { textDocument, position: { line: labelLine, character: 3 } }),
    references: request('textDocument/references', { textDocument, position: onLabel, context: { includeDeclaration: true } }),
    highlights: request('textDocument/documentHighlight', { textDocument, position: onLabel }),
    prepareRename: request('textDocument/prepareRename', { textDocument, position: onLabel }),
    documentSymbol: request('textDocument/documentSymbol', { textDocument }),
    foldingRange: request('textDocument/foldingRange', { textDocument }),
    codeAction: request('textDocument/codeAction', { textDocument, range: { start: onLabel, end: onLabel }, context: { diagnostics: [] } }),
    rangeFormatting: request('textDocument/rangeFormatting', {
      textDocument,
      range: { start: { line: labelLine, character: 0 }, end: { line: labelLine + 1, character: 0 } },
      options: { tabSize: 2, insertSpaces: true },
    }),
    formatting: request('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }),
    workspaceSymbol: request('workspace/symbol', { query: 'chair' }),
    rename: request('textDocument/rename', { textDocument, position: onLabel, newName: 'NEW NAME' }),
    fixAll: request('textDocument/codeAction', { textDocument, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics: [], only: ['source.fixAll.verbatim'] } }),
  };
}

/** The longest event-loop block while the server's document store analyses `text` and its diagnostics are built. */
async function measureInProcess(text) {
  const { AnalysedDocuments } = require(path.join(root, 'out', 'server', 'src', 'documents.js'));
  const { diagnostics } = require(path.join(root, 'out', 'server', 'src', 'features', 'diagnostics.js'));
  const { warmUpSteps } = require(path.join(root, 'out', 'server', 'src', 'core', 'check', 'analysis.js'));
  const { runSteps } = require(path.join(root, 'out', 'server', 'src', 'core', 'steps.js'));
  const { DEFAULT_SETTINGS } = require(path.join(root, 'out', 'server', 'src', 'core', 'config', 'settings.js'));
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
  JSON.stringify(diagnostics(analysis, 'file:///rules.md', DEFAULT_SETTINGS.maxItemsComputed));
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
