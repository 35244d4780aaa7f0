// The server's document store, in process: each open document follows the editor's changes exactly
// as TextDocument.update does, and a large document's line table is built in the slices of its
// analysis, so that no position conversion afterwards builds it in one go.
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { analyzeText } from '../../server/src/core/check/analysis';
import { LineIndex, type Positions } from '../../server/src/core/lineIndex';
import { DEFAULT_SETTINGS } from '../../server/src/core/config/settings';
import { AnalysedDocuments, type DocumentAnalysis } from '../../server/src/documents';
import { listenedStore } from '../helpers/storeConnection';
import { corpusFiles, readCorpus, itWithCorpus } from '../helpers/corpus';
import { anyDocument, fuzzParameters } from '../helpers/fuzzInputs';
import { assertConvertsAs, lineEdit, rangeIn } from '../helpers/lineEdits';

const URI = 'file:///meeting.transcript';

/** The store, listening to a stand-in for the connection; the test sends the editor's notifications. */
function startStore() {
  const documents = new AnalysedDocuments(() => DEFAULT_SETTINGS);
  const { open: onOpen, change: onChange } = listenedStore(documents);
  return {
    open: (text: string) => onOpen({ textDocument: { uri: URI, languageId: 'caption-transcript', version: 1, text } }),
    change: (version: number, contentChanges: TextDocumentContentChangeEvent[]) => onChange({ textDocument: { uri: URI, version }, contentChanges }),
    analysis: async (): Promise<DocumentAnalysis> => (await documents.analysis(URI))!,
  };
}

function assertIndexed(lines: Positions): void {
  assert.ok(lines instanceof LineIndex && lines.indexed, 'the line table is complete: no conversion will scan the text');
}

/** About 1 MB of the corpus with `\r\n` line ends: analysed in slices. */
function largeTranscript(): string {
  const corpus = corpusFiles()
    .map((file) => readCorpus(file))
    .join('\n')
    .replace(/\r?\n/g, '\r\n');
  return corpus.repeat(Math.ceil(1_000_000 / corpus.length));
}

/** A change in a notification: mostly an edit, sometimes the whole text; `ask` requests the analysis after its notification. */
const change = fc.record({ edit: lineEdit, whole: fc.integer({ min: 0, max: 9 }).map((n) => n === 0), ask: fc.boolean() });

describe('document store', function () {
  this.timeout(60000);

  it('follows every change as TextDocument.update does: edits inside and past the end, several per notification, whole texts', async () => {
    await fc.assert(
      fc.asyncProperty(anyDocument, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 5 }), async (text, notifications) => {
        const store = startStore();
        const editor = TextDocument.create(URI, 'caption-transcript', 1, text);
        store.open(text);
        let version = 1;
        for (const changes of notifications) {
          version++;
          // Each change is fitted to the text it meets, after the changes before it in the notification.
          const events = changes.map(({ edit, whole }) => {
            const event = whole ? { text: edit.text + editor.getText() } : { range: rangeIn(editor.getText(), edit, true), text: edit.text };
            TextDocument.update(editor, [event], version);
            return event;
          });
          store.change(version, events);
          // Asking analyses the document: the next changes update that analysis instead of waiting for one.
          if (changes[0].ask) await store.analysis();
        }
        const analysis = await store.analysis();
        assert.equal(analysis.version, version);
        assert.equal(analysis.transcript.text, editor.getText());
        assertConvertsAs(analysis.lines, editor);
      }),
      fuzzParameters(),
    );
  });

  itWithCorpus("builds a large document's line table in the slices of its analysis", async () => {
    const store = startStore();
    store.open(largeTranscript());
    assertIndexed((await store.analysis()).lines);
  });

  itWithCorpus('keeps the changes made to a large document before and while its sliced analysis runs', async () => {
    const text = largeTranscript();
    const editor = TextDocument.create(URI, 'caption-transcript', 1, text);
    const store = startStore();
    store.open(text);
    const analysed = store.analysis();
    const lastLine = editor.lineCount - 1;
    const changes: TextDocumentContentChangeEvent[] = [
      // Before the first slice, near the start: the table is known only as far as this change.
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '>> NEW SPEAKER:  Hello.\r\n' },
      { range: { start: { line: lastLine, character: 0 }, end: { line: lastLine + 5, character: 0 } }, text: '>> LAST:  Bye.' },
      // A `\r\n` becomes a lone `\r`, then an inserted `\n` joins it again: a pair across an edit's start.
      { range: { start: { line: 40, character: 9999 }, end: { line: 41, character: 0 } }, text: '\r' },
      { range: { start: { line: 41, character: 0 }, end: { line: 41, character: 0 } }, text: '\n' },
      // A `\r\n` becomes a lone `\n`, then an inserted `\r` joins it again: a pair across an edit's end.
      { range: { start: { line: 60, character: 9999 }, end: { line: 61, character: 0 } }, text: '\n' },
      { range: { start: { line: 60, character: 9999 }, end: { line: 60, character: 9999 } }, text: 'y\r' },
    ];
    let version = 1;
    for (const event of changes) {
      version++;
      TextDocument.update(editor, [event], version);
      store.change(version, [event]);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const analysis = await analysed;
    assert.equal(analysis.version, version);
    assert.equal(analysis.transcript.text, editor.getText());
    assert.equal(analysis.lines.lineCount, editor.lineCount);
    for (let line = 0; line < editor.lineCount; line++) assert.equal(analysis.lines.lineStart(line), editor.offsetAt({ line, character: 0 }), `line ${line}`);
    assert.deepEqual(analysis.findings, analyzeText(editor.getText()).findings);
  });

  itWithCorpus('applies edits that re-parse a large colon transcript in slices, other work running in between', async () => {
    // Colon-labelled text is parsed afresh after every edit: seconds on 20 MB, so never in one piece.
    const colon = corpusFiles()
      .map((file) => readCorpus(file))
      .filter((text) => analyzeText(text).transcript.dialect === 'colon')
      .join('\n');
    const text = colon.repeat(Math.ceil(1_000_000 / colon.length));
    assert.equal(analyzeText(text).transcript.dialect, 'colon');
    const store = startStore();
    store.open(text);
    await store.analysis();
    // Typed faster than the text re-parses: the edits queue up, and the analysis ends at the last one.
    const insert = 'CHAIR:  We resume.\n';
    for (let index = 0; index < insert.length; index++) {
      store.change(2 + index, [{ range: { start: { line: 0, character: index }, end: { line: 0, character: index } }, text: insert[index] }]);
    }
    let othersServed = 0;
    const serveOthers = () => {
      othersServed++;
      if (othersServed < 1000) setImmediate(serveOthers);
    };
    setImmediate(serveOthers);
    const analysis = await store.analysis();
    assert.ok(othersServed > 1, `other work ran ${othersServed} times while the edit was applied`);
    assert.equal(analysis.version, 1 + insert.length);
    assert.equal(analysis.transcript.text, insert + text);
    assert.deepEqual(analysis.findings, analyzeText(insert + text).findings);
  });

  it('builds the line table of a large binary document in slices too, and gives it no analysis', async () => {
    const store = startStore();
    store.open(`\0PNG${'\u0089\r\n'.repeat(100_000)}`);
    const analysis = await store.analysis();
    assert.deepEqual(analysis.findings, []);
    assertIndexed(analysis.lines);
    assert.equal(analysis.lines.lineCount, 100_001);
  });

  it('answers nothing about a version whose sliced analysis fails, logs why once, and analyses the next version', async () => {
    // A bug stand-in: settings whose inaudible terms cannot be read make the analysis throw in its first slice.
    let broken = true;
    const logged: string[] = [];
    const settings = () => (broken ? { ...DEFAULT_SETTINGS, inaudibleTerms: null as unknown as string[] } : DEFAULT_SETTINGS);
    const documents = new AnalysedDocuments(settings, undefined, (message) => logged.push(message));
    const { open, change } = listenedStore(documents);
    const text = '>> CHAIR:  Welcome to the meeting.\n'.repeat(10_000);
    open({ textDocument: { uri: URI, languageId: 'caption-transcript', version: 1, text } });
    assert.equal(await documents.analysis(URI), undefined);
    assert.equal(await documents.analysis(URI), undefined, 'not tried again for the same version');
    assert.equal(logged.filter((message) => message.startsWith('Analysis failed')).length, 1);
    broken = false;
    documents.invalidateAll();
    change({ textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 11 } }, text: 'Again, ' }] });
    assert.equal((await documents.analysis(URI))?.transcript.turns.length, 10_000);
  });
});
