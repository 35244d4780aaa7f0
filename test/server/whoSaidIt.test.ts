import { strict as assert } from 'assert';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { applyLspEdits } from '../helpers/edits';
import { startServer, type ServerSession } from '../helpers/lspClient';

// Invented: the chair hands over to Thomas; the next turn is unlabelled.
const TEXT = [
  '>> CHAIR:  We move to item three. Thomas, would you like to present the report?',
  '>> Yes, thank you. The report covers six months.',
  '>> CHAIR:  Thank you.',
  '',
].join('\n');

describe('who said it over stdio', function () {
  let server: ServerSession;
  afterEach(async () => server?.close());

  it('names the probable speaker in the unlabeled-turn hint and offers "Label as" as a quick fix, never in fix-all', async () => {
    server = await startServer();
    const uri = 'file:///item3.transcript';
    const published = server.nextDiagnostics(uri);
    server.open(uri, TEXT);
    const diagnostic = (await published).find((d) => d.code === 'unlabeled-turn');
    assert.ok(diagnostic);
    assert.match(String(diagnostic.message), /probably THOMAS \(the previous speaker hands over to "Thomas"\)/);

    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const label = actions.find((action) => action.title === 'Label as THOMAS');
    assert.ok(label, `actions: ${actions.map((action) => action.title).join(', ')}`);
    assert.equal(label.kind, 'quickfix');
    assert.equal(applyLspEdits(TEXT, label.edit!.changes![uri] as TextEdit[]).split('\n')[1], '>> THOMAS:  Yes, thank you. The report covers six months.');

    const fixAll = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.verbatim'] },
    })) as CodeAction[];
    const changed = fixAll.flatMap((action) => action.edit?.changes?.[uri] ?? []);
    assert.ok(!changed.some((edit) => edit.newText.includes('THOMAS')), 'fix-all never names a speaker');
  });
});
