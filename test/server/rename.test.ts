import { strict as assert } from 'assert';
import * as path from 'path';
import type { AnnotatedTextEdit, PrepareRenameResult, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { parseWithSettings } from '../../server/src/core/check/analysis';
import { spokenWords } from '../../server/src/core/speech';
import { LineIndex } from '../../server/src/core/lineIndex';
import { corpusFiles, readCorpus, itWithCorpus } from '../helpers/corpus';
import { applyLspEdits } from '../helpers/edits';
import { startServer, type ServerSession } from '../helpers/lspClient';

// Invented: the chair's name and role also occur in speech, which a rename must leave alone.
const COMMITTEE = [
  'PARKS COMMITTEE',
  '>> CHAIR:  Good evening. Ana, would you like to start?',
  '>> ANA RUIZ:  Thank you, Chair. The CHAIR of the parks board wrote to us.',
  '>> Chair:  Thank you. Tom?',
  '>>TOM BAKER: Yes. I spoke to ANA RUIZ yesterday.',
  '>> CHAIR:  Good.',
].join('\n');

const COLON_FILE = ['Moderator: Welcome, everyone.', 'Jane Okafor: Thanks. The moderator asked me to be brief.', 'Moderator: Please go on.', ''].join('\n');

function positionOf(text: string, needle: string, occurrence = 0, delta = 1) {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `"${needle}" not in text`);
  return new LineIndex(text).positionAt(index + delta);
}

function editsOf(edit: WorkspaceEdit, uri: string): (TextEdit | AnnotatedTextEdit)[] {
  if (edit.changes) return edit.changes[uri] ?? [];
  return (edit.documentChanges as TextDocumentEdit[]).filter((change) => change.textDocument.uri === uri).flatMap((change) => change.edits as (TextEdit | AnnotatedTextEdit)[]);
}

describe('rename a speaker over stdio', function () {
  let server: ServerSession;
  afterEach(async () => server?.close());

  it('renames every label of the speaker, whatever its case, from any label, and no spoken word', async () => {
    server = await startServer();
    const uri = 'file:///committee.transcript';
    server.open(uri, COMMITTEE);
    const position = positionOf(COMMITTEE, 'Chair:', 0, 2);
    const prepared = (await server.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position })) as PrepareRenameResult & { placeholder: string };
    assert.equal(prepared.placeholder, 'Chair');
    const edit = (await server.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position, newName: 'MARTA DIAZ' })) as WorkspaceEdit;
    const renamed = applyLspEdits(COMMITTEE, editsOf(edit, uri));
    assert.equal(
      renamed,
      [
        'PARKS COMMITTEE',
        '>> MARTA DIAZ:  Good evening. Ana, would you like to start?',
        '>> ANA RUIZ:  Thank you, Chair. The CHAIR of the parks board wrote to us.',
        '>> MARTA DIAZ:  Thank you. Tom?',
        '>>TOM BAKER: Yes. I spoke to ANA RUIZ yesterday.',
        '>> MARTA DIAZ:  Good.',
      ].join('\n'),
    );
  });

  it('renames in a colon-dialect file', async () => {
    server = await startServer();
    const uri = 'file:///webinar.transcript';
    server.open(uri, COLON_FILE);
    const edit = (await server.connection.sendRequest('textDocument/rename', {
      textDocument: { uri },
      position: positionOf(COLON_FILE, 'Moderator', 1),
      newName: 'Host',
    })) as WorkspaceEdit;
    assert.equal(
      applyLspEdits(COLON_FILE, editsOf(edit, uri)),
      ['Host: Welcome, everyone.', 'Jane Okafor: Thanks. The moderator asked me to be brief.', 'Host: Please go on.', ''].join('\n'),
    );
  });

  it('refuses outside a label and refuses a name that cannot be a label', async () => {
    server = await startServer();
    const uri = 'file:///committee.transcript';
    server.open(uri, COMMITTEE);
    const inSpeech = positionOf(COMMITTEE, 'parks board');
    assert.equal(await server.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: inSpeech }), null);
    await assert.rejects(
      server.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: positionOf(COMMITTEE, 'TOM BAKER'), newName: 'Tom: the treasurer' }),
      /colon/,
    );
    await assert.rejects(server.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: inSpeech, newName: 'X' }), /label/);
  });

  it('offers variant spellings as edits to confirm when the editor can confirm them', async () => {
    const text = ['>> MODERATOR:  Welcome.', '>> ANA RUIZ:  Thanks.', '>> MODERATOR:  Next.', '>> MODERATR:  And finally.', '>> MODERATOR:  Done.'].join('\n');
    const uri = 'file:///variants.transcript';
    server = await startServer({}, { workspaceEdit: { documentChanges: true, changeAnnotationSupport: { groupsOnLabel: true } } });
    server.open(uri, text);
    const edit = (await server.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: positionOf(text, 'MODERATOR'), newName: 'HOST' })) as WorkspaceEdit;
    const edits = editsOf(edit, uri);
    const annotated = edits.filter((e) => 'annotationId' in e) as AnnotatedTextEdit[];
    assert.equal(edits.length, 4);
    assert.equal(annotated.length, 1, 'only the misspelling needs confirmation');
    assert.equal(edit.changeAnnotations?.[annotated[0].annotationId]?.needsConfirmation, true);
    assert.match(edit.changeAnnotations?.[annotated[0].annotationId]?.description ?? '', /"MODERATR"/);
    assert.equal(applyLspEdits(text, edits), ['>> HOST:  Welcome.', '>> ANA RUIZ:  Thanks.', '>> HOST:  Next.', '>> HOST:  And finally.', '>> HOST:  Done.'].join('\n'));

    // An editor that cannot confirm gets the certain edits only.
    await server.close();
    server = await startServer();
    server.open(uri, text);
    const plain = (await server.connection.sendRequest('textDocument/rename', {
      textDocument: { uri },
      position: positionOf(text, 'MODERATOR'),
      newName: 'HOST',
    })) as WorkspaceEdit;
    assert.match(applyLspEdits(text, editsOf(plain, uri)), /MODERATR:/);
  });

  itWithCorpus('changes labels only on every corpus file (same spoken words, one edit per turn of the speaker)', async () => {
    server = await startServer();
    let renamedFiles = 0;
    for (const file of corpusFiles()) {
      const text = readCorpus(file);
      const transcript = parseWithSettings(text);
      const turn = transcript.turns.find((t) => t.label && t.markerKind !== 'question' && t.markerKind !== 'answer');
      if (!turn?.label) continue;
      const uri = `file:///corpus/${path.basename(file)}`;
      server.open(uri, text);
      const lines = new LineIndex(text);
      const edit = (await server.connection.sendRequest('textDocument/rename', {
        textDocument: { uri },
        position: lines.positionAt(turn.label.span.start),
        newName: 'RENAMED SPEAKER',
      })) as WorkspaceEdit;
      const edits = editsOf(edit, uri);
      const sameSpeaker = transcript.turns.filter((t) => t.label?.speaker === turn.label!.speaker).length;
      assert.equal(edits.length, sameSpeaker, path.basename(file));
      const renamed = applyLspEdits(text, edits);
      assert.deepEqual(spokenWords(parseWithSettings(renamed)), spokenWords(transcript), path.basename(file));
      renamedFiles++;
    }
    assert.ok(renamedFiles >= 60, `renamed a speaker in ${renamedFiles} files`);
  });
});
