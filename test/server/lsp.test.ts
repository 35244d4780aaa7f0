import { strict as assert } from 'assert';
import { CancellationTokenSource, LSPErrorCodes, type Diagnostic, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-protocol';
import { analyzeText } from '../../server/src/core/check/analysis';
import { LineIndex } from '../../server/src/core/lineIndex';
import { turnName } from '../../server/src/core/services/outline';
import { corpusFiles, readCorpus, itWithCorpus } from '../helpers/corpus';
import { startServer, type ServerSession } from '../helpers/lspClient';

const MEETING = [
  'CITY COUNCIL WORK SESSION',
  'This text is being provided in a rough draft format.',
  '',
  '>> CHAIR:  Good evening.  We will begin with the budget.',
  '>> Thank you, Chair.',
  '',
  'The first item is parks.',
  '>> CHAIR:  The floor is open and we',
  '(Audio disconnect)',
  '>>',
  '>> CLERK:  Roll call is complete. >> CHAIR: Thank you.',
].join('\n');

describe('language server over stdio', function () {
  let server: ServerSession;

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('publishes diagnostics with stable codes when a transcript opens', async () => {
    const uri = 'file:///meeting.transcript';
    const published = server.nextDiagnostics(uri);
    server.open(uri, MEETING);
    const diagnostics = await published;
    const codes = diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ['broken-turn', 'empty-turn', 'flattened-turns', 'inaudible', 'unlabeled-turn']);
    assert.ok(diagnostics.every((d) => d.source === 'verbatim'));
    const broken = diagnostics.find((d) => d.code === 'broken-turn')!;
    assert.match(broken.message as string, /CHAIR's turn is cut off by \(Audio disconnect\)/);
    assert.deepEqual(broken.range, { start: { line: 7, character: 21 }, end: { line: 7, character: 35 } });
    const flattened = diagnostics.find((d) => d.code === 'flattened-turns')!;
    assert.equal(flattened.range.start.line, 10);
    assert.match(flattened.message as string, /CHAIR/);
  });

  it('lists the header, then one symbol per turn, with the label as the selection', async () => {
    const uri = 'file:///meeting.transcript';
    server.open(uri, MEETING);
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['CITY COUNCIL WORK SESSION', 'CHAIR', '(unidentified)', 'CHAIR', '(unidentified)', 'CLERK', 'CHAIR'],
    );
    assert.equal(symbols[2].detail, 'Thank you, Chair. The first item is parks.');
    assert.deepEqual(symbols[1].selectionRange, { start: { line: 3, character: 3 }, end: { line: 3, character: 8 } });
    assert.deepEqual(symbols[2].range, { start: { line: 4, character: 0 }, end: { line: 6, character: 24 } });
  });

  it('folds the header and each multi-line turn', async () => {
    const uri = 'file:///meeting.transcript';
    server.open(uri, MEETING);
    const ranges = (await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
    assert.deepEqual(
      ranges.map((r) => [r.startLine, r.endLine]),
      [
        [0, 1],
        [4, 6],
        [7, 8],
      ],
    );
  });

  it('re-analyses after an incremental edit and reports against the new version', async () => {
    const uri = 'file:///edit.transcript';
    const opened = server.nextDiagnostics(uri, 1);
    server.open(uri, '>> Good morning.\n>> ANA:  Welcome.\n');
    assert.deepEqual(
      (await opened).map((d) => d.code),
      ['unlabeled-turn'],
    );
    const changed = server.nextDiagnostics(uri, 2);
    // Type a label into the unlabelled turn: `>> Good` becomes `>> LEE:  Good`.
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: 'LEE:  ' }],
    });
    assert.deepEqual(await changed, []);
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['LEE', 'ANA'],
    );
  });

  for (const [endings, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ]) {
    itWithCorpus(`keeps its analysis in step with many incremental edits (${endings}): same diagnostics as the checker on the final text`, async () => {
      const uri = `file:///typing-${endings}.transcript`;
      let text = readCorpus('028-igf2014-istanbul-dcad.txt').replace(/\r?\n/g, eol);
      const opened = server.nextDiagnostics(uri, 1);
      server.open(uri, text, 1);
      await opened;
      // Deterministic edits all over the file: typing, deleting, new markers and labels, line breaks.
      const pieces = ['x', ' ', eol, '>> ', '>> ANDREA SAKS:  ', '(inaudible)', '--', ''];
      let seed = 7;
      const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
      for (let version = 2; version <= 41; version++) {
        // An LSP position cannot fall between the \r and \n of a line break: step past it.
        const outsideLineBreak = (offset: number) => (text.charAt(offset - 1) === '\r' && text.charAt(offset) === '\n' ? offset + 1 : offset);
        const start = outsideLineBreak(random(text.length));
        const end = outsideLineBreak(Math.min(text.length, start + random(6)));
        const insert = pieces[random(pieces.length)];
        const lines = new LineIndex(text);
        await server.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ range: lines.rangeOf({ start, end }), text: insert }],
        });
        text = text.slice(0, start) + insert + text.slice(end);
      }
      const published = await server.nextDiagnostics(uri, 41);
      const expected = analyzeText(text).findings;
      assert.deepEqual(
        published.map((d) => [d.code, d.message]),
        expected.map((f) => [f.code, f.message]),
      );
      const lines = new LineIndex(text);
      assert.deepEqual(
        published.map((d) => d.range),
        expected.map((f) => lines.rangeOf(f.span)),
      );
    });
  }

  it('answers a request cancelled while it waited (a stale one) with RequestCancelled, and keeps serving', async () => {
    const uri = 'file:///long.transcript';
    const turn = '>> CHAIR:  We will now hear the report of the committee on the budget for next year.\n';
    server.open(uri, turn.repeat(40000));
    // The outline of a 3 MB document keeps the server busy while the hover request waits behind it.
    const busy = server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const source = new CancellationTokenSource();
    const stale = server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 4 } }, source.token);
    source.cancel();
    await assert.rejects(stale, (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled);
    assert.ok(Array.isArray(await busy));
    const fresh = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 4 } });
    assert.ok(fresh !== null, 'the next request is answered');
  });

  it('keeps answering while it analyses a large document: a small one is served before the large one is done', async () => {
    const large = 'file:///large.transcript';
    const small = 'file:///small.transcript';
    const turn = '>> CHAIR:  We will now hear the report of the committee on the budget for next year.\n';
    server.open(small, '>> ANA:  Hello.\n>> BEN:  Hi.\n');
    await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: small } });
    server.open(large, turn.repeat(40000));
    const answered: string[] = [];
    const largeSymbols = server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: large } }).then(() => answered.push('large'));
    const smallHover = server.connection
      .sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 4 } })
      .then(() => answered.push('small'));
    await Promise.all([largeSymbols, smallHover]);
    assert.deepEqual(answered, ['small', 'large']);
  });

  it('clears diagnostics when the document closes', async () => {
    const uri = 'file:///closing.transcript';
    const opened = server.nextDiagnostics(uri);
    server.open(uri, '>> Hello there\n');
    assert.ok((await opened).length > 0);
    // A settings refresh may publish the open document again; the test waits for the empty list.
    const cleared = server.diagnosticsWhere(uri, (diagnostics) => diagnostics.length === 0);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(await cleared, []);
  });

  it('answers the .txt detection request', async () => {
    const transcriptLike = await server.connection.sendRequest('verbatim/looksLikeTranscript', { text: '>> A:  One.\n>> B:  Two.\n>> A:  Three.\n' });
    const prose = await server.connection.sendRequest('verbatim/looksLikeTranscript', { text: 'Dear team,\nthe minutes are attached.\n' });
    assert.equal(transcriptLike, true);
    assert.equal(prose, false);
  });

  itWithCorpus('serves every corpus transcript: one symbol per turn in order, and the same diagnostics as the checker', async function () {
    this.timeout(60000);
    for (const file of corpusFiles()) {
      const uri = `file://${file}`;
      const text = readCorpus(file);
      const expected = analyzeText(text);
      const published = server.nextDiagnostics(uri);
      server.open(uri, text);
      const diagnostics: Diagnostic[] = await published;
      const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
      const withoutHeader = expected.transcript.header ? symbols.slice(1) : symbols;
      // Sections and runs of one speaker hold their turns as children.
      const flatten = (list: DocumentSymbol[]): DocumentSymbol[] => list.flatMap((s) => (s.children && s.children.length > 0 ? flatten(s.children) : [s]));
      const turnSymbols = flatten(withoutHeader);
      assert.deepEqual(
        turnSymbols.map((s) => s.name),
        expected.transcript.turns.map(turnName),
        file,
      );
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        expected.findings.map((f) => f.code),
        file,
      );
      for (const symbol of symbols) {
        assert.ok(symbol.name.length > 0 && symbol.name.length <= 81, `${file}: symbol name "${symbol.name}" is not a short name`);
      }
    }
  });
});
