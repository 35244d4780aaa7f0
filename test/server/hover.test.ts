import { strict as assert } from 'assert';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/core/lineIndex';
import { startServer, type ServerSession } from '../helpers/lspClient';

// Invented: 20 spoken words in all; ANA RUIZ says 12 of them in two turns, one with an inaudible marker.
const TEXT = [
  '>> ANA RUIZ:  One two three four five six seven eight nine.',
  '>> CHAIR:  Thank you very much.',
  '>> Ana Ruiz:  Ten (inaudible) eleven twelve.',
  '>> CHAIR:  Okay (inaudible) then. All done.',
].join('\n');

describe('hover over stdio', function () {
  let server: ServerSession;
  const uri = 'file:///hover.transcript';
  const lines = new LineIndex(TEXT);

  beforeEach(async () => {
    server = await startServer();
    server.open(uri, TEXT);
  });
  afterEach(async () => server.close());

  async function hoverAt(offset: number): Promise<string | null> {
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: lines.positionAt(offset) })) as Hover | null;
    return hover ? (hover.contents as MarkupContent).value : null;
  }

  it("shows a speaker's turns, words, share, longest turn and inaudible markers on a label", async () => {
    const value = await hoverAt(TEXT.indexOf('Ana Ruiz') + 1);
    assert.ok(value);
    assert.match(value, /\*\*ANA RUIZ\*\*/);
    assert.match(value, /2 turns, 12 words \(60% of the session's words\)/);
    assert.match(value, /longest turn: 9 words, line 1/);
    assert.match(value, /inaudible markers in their turns: 1/);
    assert.match(value, /also written: `Ana Ruiz`/);
  });

  it('shows the count and the nearest others on an inaudible marker', async () => {
    const value = await hoverAt(TEXT.lastIndexOf('(inaudible)') + 2);
    assert.ok(value);
    assert.match(value, /Inaudible marker 2 of 2 in this file/);
    assert.match(value, /previous: line 3 \(Ana Ruiz\)/);
    assert.match(value, /no next one/);
  });

  it('shows nothing over plain speech', async () => {
    assert.equal(await hoverAt(TEXT.indexOf('seven')), null);
  });
});
