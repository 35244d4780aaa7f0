import { strict as assert } from 'assert';
import type { SymbolInformation } from 'vscode-languageserver-protocol';
import { startServer, type ServerSession } from '../helpers/lspClient';

describe('workspace symbols over stdio', function () {
  let server: ServerSession;
  afterEach(async () => server?.close());

  it('lists the speakers of every open transcript, filtered by the query', async () => {
    server = await startServer();
    server.open('file:///day1.transcript', '>> ANA RUIZ:  Hello.\n>> THOMAS SCHNEIDER:  Welcome.\n>> ANA RUIZ:  Thanks.\n');
    server.open('file:///day2.transcript', 'Thomas Schneider: We resume.\nKofi Boateng: Thank you.\n');
    const all = (await server.connection.sendRequest('workspace/symbol', { query: '' })) as SymbolInformation[];
    assert.deepEqual(all.map((symbol) => `${symbol.name} @ ${symbol.containerName}`).sort(), [
      'ANA RUIZ @ day1.transcript, 2 turns',
      'Kofi Boateng @ day2.transcript, 1 turn',
      'THOMAS SCHNEIDER @ day1.transcript, 1 turn',
      'Thomas Schneider @ day2.transcript, 1 turn',
    ]);
    const thomas = (await server.connection.sendRequest('workspace/symbol', { query: 'thsch' })) as SymbolInformation[];
    assert.deepEqual(thomas.map((symbol) => symbol.location.uri).sort(), ['file:///day1.transcript', 'file:///day2.transcript']);
    assert.deepEqual(thomas.find((symbol) => symbol.location.uri === 'file:///day2.transcript')!.location.range, {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 16 },
    });
  });
});
