import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/core/lineIndex';
import { applyLspEdits } from '../helpers/edits';
import { startServer, type ServerSession } from '../helpers/lspClient';

// Invented interview: ANA and TOM alternate, the CHAIR opened; the user is starting a new turn on the last line.
const INTERVIEW = [
  '>> CHAIR:  Welcome.',
  '>> ANA RUIZ:  Thanks for having me.',
  '>> TOM BAKER:  Glad to be here.',
  '>> ANA RUIZ:  Shall we start?',
  '>> TOM BAKER:  Yes.',
  '>> ANA RUIZ:  Good.',
  '>> ',
].join('\n');

async function completeAt(server: ServerSession, uri: string, text: string, offset: number): Promise<CompletionItem[]> {
  const result = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: new LineIndex(text).positionAt(offset) })) as
    CompletionItem[] | CompletionList | null;
  if (result === null) return [];
  const items = Array.isArray(result) ? result : result.items;
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

function accept(text: string, item: CompletionItem): string {
  return applyLspEdits(text, [item.textEdit as TextEdit]);
}

describe('label completion over stdio', function () {
  let server: ServerSession;
  afterEach(async () => server?.close());

  it('offers the file\'s speakers after ">> ", the one who spoke before last first, and inserts the file\'s spacing', async () => {
    server = await startServer();
    const uri = 'file:///interview.transcript';
    server.open(uri, INTERVIEW);
    const items = await completeAt(server, uri, INTERVIEW, INTERVIEW.length);
    assert.deepEqual(
      items.map((item) => item.label),
      ['TOM BAKER', 'CHAIR', 'ANA RUIZ'],
    );
    assert.equal(accept(INTERVIEW, items[0]).split('\n').pop(), '>> TOM BAKER:  ');
  });

  it('completes after a glued ">>" in the glued style, and in ALL CAPS from a Mixed Case roster', async () => {
    const text = '>>MODERATOR: Welcome.\n>>DELEGATE OF BRAZIL: Thank you.\n>>';
    server = await startServer({ speakers: ['Ana Ruiz', 'moderator'] });
    const uri = 'file:///glued.transcript';
    server.open(uri, text);
    await server.nextDiagnostics(uri);
    const items = await completeAt(server, uri, text, text.length);
    assert.deepEqual(
      items.map((item) => item.label),
      ['MODERATOR', 'DELEGATE OF BRAZIL', 'ANA RUIZ'],
      'the roster adds who is not in the file yet',
    );
    const roster = items.find((item) => item.label === 'ANA RUIZ')!;
    assert.equal(accept(text, roster).split('\n').pop(), '>>ANA RUIZ: ');
  });

  it('completes at the start of a line in a colon-dialect file, keeping Mixed Case, and filters by what was typed', async () => {
    const text = 'Moderator: Welcome to the webinar.\nJane Okafor: Thank you.\nModerator: Over to you.\nJa';
    server = await startServer();
    const uri = 'file:///webinar.transcript';
    server.open(uri, text);
    const items = await completeAt(server, uri, text, text.length);
    const jane = items.find((item) => item.label === 'Jane Okafor');
    assert.ok(jane, 'Jane Okafor offered');
    assert.ok(jane.filterText!.startsWith('Ja'));
    assert.equal(accept(text, jane).split('\n').pop(), 'Jane Okafor: ');
  });

  it('offers nothing inside speech', async () => {
    server = await startServer();
    const uri = 'file:///interview.transcript';
    server.open(uri, INTERVIEW);
    assert.deepEqual(await completeAt(server, uri, INTERVIEW, INTERVIEW.indexOf('having me')), []);
  });

  it('offers the roster of the .verbatimrc.json above the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-roster-'));
    try {
      fs.writeFileSync(path.join(dir, '.verbatimrc.json'), JSON.stringify({ speakers: ['Kofi Boateng'] }));
      const file = path.join(dir, 'session.transcript');
      const text = '>> CHAIR:  Welcome.\n>> ';
      fs.writeFileSync(file, text);
      server = await startServer();
      const uri = pathToFileURL(file).toString();
      server.open(uri, text);
      const items = await completeAt(server, uri, text, text.length);
      assert.deepEqual(
        items.map((item) => item.label),
        ['CHAIR', 'KOFI BOATENG'],
      );
      assert.equal(items[1].detail, 'from the speaker roster');
      // Completion reads the roster kept since the document opened, not the disk: a change counts
      // once the editor reports it (workspace/didChangeWatchedFiles).
      fs.writeFileSync(path.join(dir, '.verbatimrc.json'), JSON.stringify({ speakers: ['Ama Mensah'] }));
      assert.deepEqual(
        (await completeAt(server, uri, text, text.length)).map((item) => item.label),
        ['CHAIR', 'KOFI BOATENG'],
      );
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, '.verbatimrc.json')).toString(), type: 2 }] });
      assert.deepEqual(
        (await completeAt(server, uri, text, text.length)).map((item) => item.label),
        ['CHAIR', 'AMA MENSAH'],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
