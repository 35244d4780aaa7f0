import { strict as assert } from 'assert';
import type { DocumentHighlight, Location } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/core/lineIndex';
import { startServer, type ServerSession } from '../helpers/lspClient';

// Invented; ANA RUIZ is also named inside speech, which is not one of her turns.
const TEXT = ['>> ANA RUIZ:  Hello.', '>> CHAIR:  Welcome, ANA RUIZ.', '>> Ana Ruiz:  Thank you.', '>> CHAIR:  Next.', '>> ANA RUIZ:  One more thing.'].join('\n');

describe('references and highlights of a speaker over stdio', function () {
  let server: ServerSession;
  const uri = 'file:///refs.transcript';
  const lines = new LineIndex(TEXT);

  beforeEach(async () => {
    server = await startServer();
    server.open(uri, TEXT);
  });
  afterEach(async () => server.close());

  it('finds every turn of the speaker under the cursor, at its label, whatever its case', async () => {
    const position = lines.positionAt(TEXT.indexOf('Ana Ruiz') + 3);
    const locations = (await server.connection.sendRequest('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } })) as Location[];
    assert.deepEqual(
      locations.map((location) => [location.range.start.line, location.range.start.character, location.range.end.character]),
      [
        [0, 3, 11],
        [2, 3, 11],
        [4, 3, 11],
      ],
    );
    assert.ok(locations.every((location) => location.uri === uri));
  });

  it('highlights the labels of the speaker, and nothing from speech', async () => {
    const highlights = (await server.connection.sendRequest('textDocument/documentHighlight', {
      textDocument: { uri },
      position: lines.positionAt(TEXT.indexOf('CHAIR')),
    })) as DocumentHighlight[];
    assert.deepEqual(
      highlights.map((highlight) => highlight.range.start.line),
      [1, 3],
    );
    const inSpeech = (await server.connection.sendRequest('textDocument/documentHighlight', {
      textDocument: { uri },
      position: lines.positionAt(TEXT.indexOf('Welcome, ANA') + 10),
    })) as DocumentHighlight[] | null;
    assert.equal(inSpeech, null);
  });
});
