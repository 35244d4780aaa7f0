import { strict as assert } from 'assert';
import * as path from 'path';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { parseWithSettings } from '../../server/src/core/check/analysis';
import { spokenWords } from '../../server/src/core/speech';
import { corpusFiles, readCorpus, itWithCorpus } from '../helpers/corpus';
import { applyLspEdits } from '../helpers/edits';
import { startServer, type ServerSession } from '../helpers/lspClient';

// Invented, with one of everything the formatter normalises.
const MESSY = ['HEARING  ', '>> CHAIR:  Welcome -- all. [ Applause ]', '>>clerk:Roll call.', '>>  CHAIR:    We \u2011\u2011 begin.   ', '>>Yes.', ''].join('\n');
const OPTIONS = { tabSize: 4, insertSpaces: true };

describe('formatting over stdio', function () {
  let server: ServerSession;
  afterEach(async () => server?.close());

  it('formats the document per the settings without changing a word', async () => {
    server = await startServer({ dashStyle: '\u2014', annotationBrackets: '[]' });
    const uri = 'file:///messy.transcript';
    server.open(uri, MESSY);
    await server.nextDiagnostics(uri);
    const edits = (await server.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: OPTIONS })) as TextEdit[];
    assert.equal(
      applyLspEdits(MESSY, edits),
      ['HEARING', '>> CHAIR:  Welcome \u2014 all. [Applause]', '>> clerk:Roll call.', '>> CHAIR:  We \u2014 begin.', '>> Yes.', ''].join('\n'),
    );
  });

  it('formats only the lines of the range', async () => {
    server = await startServer();
    const uri = 'file:///messy.transcript';
    server.open(uri, MESSY);
    const range = { start: { line: 3, character: 5 }, end: { line: 3, character: 10 } };
    const edits = (await server.connection.sendRequest('textDocument/rangeFormatting', { textDocument: { uri }, range, options: OPTIONS })) as TextEdit[];
    const lines = applyLspEdits(MESSY, edits).split('\n');
    assert.equal(lines[3], '>> CHAIR:  We -- begin.');
    assert.deepEqual([lines[0], lines[1], lines[4]], ['HEARING  ', '>> CHAIR:  Welcome -- all. [ Applause ]', '>>Yes.']);
  });

  itWithCorpus("keeps every corpus file's spoken words, and a second formatting has nothing to do", async () => {
    server = await startServer();
    for (const file of corpusFiles()) {
      const name = path.basename(file);
      const text = readCorpus(file);
      const uri = `file:///corpus/${name}`;
      server.open(uri, text);
      const edits = (await server.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: OPTIONS })) as TextEdit[];
      const formatted = applyLspEdits(text, edits);
      assert.deepEqual(spokenWords(parseWithSettings(formatted)), spokenWords(parseWithSettings(text)), name);
      const again = `file:///corpus/again-${name}`;
      server.open(again, formatted);
      assert.deepEqual(await server.connection.sendRequest('textDocument/formatting', { textDocument: { uri: again }, options: OPTIONS }), [], name);
    }
  });
});
