import { strict as assert } from 'assert';
import * as path from 'path';
import { openProblems, readingLines, speakerNodes, statusBarText, statusBarTooltip, type StatisticsResult } from '../../client/src/speakersModel';
import { spokenWords } from '../../server/src/core/speech';
import { parseWithSettings } from '../../server/src/core/check/analysis';
import { corpusFiles, readCorpus, itWithCorpus } from '../helpers/corpus';
import { startServer, type ServerSession } from '../helpers/lspClient';

// Invented: 24 spoken words; ANA RUIZ 12 in two turns (one inaudible), CHAIR 6, one unlabelled turn of 6.
const TEXT = [
  'BUDGET HEARING',
  '>> ANA RUIZ:  One two three four five six seven eight nine.',
  '>> CHAIR:  Thank you very much.',
  '>> Ana Ruiz:  Ten (inaudible) eleven twelve.',
  '>> Can I add something right here?',
  '>> CHAIR:  Go ahead',
].join('\n');

describe('verbatim/statistics request and what the client shows of it', function () {
  let server: ServerSession;
  const uri = 'file:///budget.transcript';
  afterEach(async () => server?.close());

  async function statisticsOf(text: string, documentUri = uri): Promise<StatisticsResult> {
    server.open(documentUri, text);
    return (await server.connection.sendRequest('verbatim/statistics', { textDocument: { uri: documentUri } })) as StatisticsResult;
  }

  it('returns per-speaker turns, words, share, longest turn and inaudible count, and the file totals', async () => {
    server = await startServer();
    const result = await statisticsOf(TEXT);
    assert.equal(result.uri, uri);
    assert.equal(result.version, 1);
    assert.deepEqual(
      result.speakers.map((s) => [s.name, s.labels, s.turnCount, s.words, Math.round(s.share * 100), s.longestTurn.words, s.longestTurn.range.start.line, s.inaudible]),
      [
        ['ANA RUIZ', ['ANA RUIZ', 'Ana Ruiz'], 2, 12, 50, 9, 1, 1],
        ['CHAIR', ['CHAIR'], 2, 6, 25, 4, 2, 0],
      ],
    );
    assert.equal(result.unidentified?.turnCount, 1);
    assert.equal(result.unidentified?.words, 6);
    assert.deepEqual(
      result.speakers[0].turns.map((t) => [t.range.start.line, t.words, t.inaudible]),
      [
        [1, 9, 0],
        [3, 3, 1],
      ],
    );
    assert.equal(result.totals.turns, 5);
    assert.equal(result.totals.speakers, 2);
    assert.equal(result.totals.words, 24);
    assert.equal(result.totals.inaudible, 1);
    assert.equal(result.totals.inaudiblePer1000Words, 41.67);
    assert.equal(result.totals.problems.warning, 2, 'the last turn breaks off; "Ana Ruiz" is a variant of "ANA RUIZ"');
  });

  it("leaves the turn lists out when asked, and gives one speaker's turns on their own (what the Speakers view asks)", async () => {
    server = await startServer();
    const full = await statisticsOf(TEXT);
    const brief = (await server.connection.sendRequest('verbatim/statistics', { textDocument: { uri }, includeTurns: false })) as StatisticsResult;
    assert.deepEqual(
      brief.speakers.map((speaker) => speaker.turns),
      [[], []],
    );
    assert.deepEqual(brief.unidentified?.turns, []);
    assert.deepEqual({ ...brief.totals }, full.totals);
    assert.deepEqual(
      brief.speakers.map((speaker) => [speaker.name, speaker.turnCount, speaker.words]),
      full.speakers.map((speaker) => [speaker.name, speaker.turnCount, speaker.words]),
    );
    for (const speaker of [...full.speakers, full.unidentified!]) {
      const turns = (await server.connection.sendRequest('verbatim/speakerTurns', { textDocument: { uri }, speaker: speaker.name })) as { version: number; turns: unknown[] };
      assert.deepEqual(turns, { uri, version: 1, turns: speaker.turns });
    }
    assert.equal(await server.connection.sendRequest('verbatim/speakerTurns', { textDocument: { uri }, speaker: 'NOBODY' }), null);
  });

  it('answers null for a document the server does not have, and for bad params', async () => {
    server = await startServer();
    assert.equal(await server.connection.sendRequest('verbatim/statistics', { textDocument: { uri: 'file:///nope.transcript' } }), null);
    assert.equal(await server.connection.sendRequest('verbatim/statistics', { nonsense: true }), null);
  });

  it('gives the Speakers view a node per speaker, the unidentified last, with turns that go to their label', async () => {
    server = await startServer();
    const nodes = speakerNodes(await statisticsOf(TEXT));
    assert.deepEqual(
      nodes.map((node) => `${node.label} | ${node.description}`),
      ['ANA RUIZ | 2 turns · 12 words · 50%', 'CHAIR | 2 turns · 6 words · 25%', '(unidentified) | 1 turn · 6 words · 25%'],
    );
    assert.match(nodes[0].tooltip, /Written as: ANA RUIZ, Ana Ruiz/);
    const turn = nodes[0].turns[1];
    assert.equal(turn.label, 'Line 4');
    assert.equal(turn.description, '3 words, 1 inaudible · Ten (inaudible) eleven twelve.');
    assert.equal(turn.uri, uri);
    assert.deepEqual(turn.range, { start: { line: 3, character: 3 }, end: { line: 3, character: 11 } });
  });

  it('gives the status bar turns, speakers and open problems', async () => {
    server = await startServer();
    const result = await statisticsOf(TEXT);
    assert.equal(statusBarText(result), '$(comment-discussion) 5 turns · 2 speakers · 2 problems');
    assert.equal(openProblems(result), 2);
    assert.match(statusBarTooltip(result), /Inaudible markers: 1 \(41.67 per 1,000 words\)/);
  });

  it('tells the status bar how the reader read the file', async () => {
    server = await startServer();
    const result = await statisticsOf(TEXT);
    assert.deepEqual(result.reading, { markers: { chevron: 5 }, mixed: false, markdown: false, providerHeader: false });
    assert.equal(result.doubts, 0);
    assert.match(statusBarTooltip(result), /\nTurns marked >> \(5\)\n/);
  });

  itWithCorpus('counts exactly the spoken words of every corpus file, and every turn once', async () => {
    server = await startServer();
    for (const file of corpusFiles()) {
      const text = readCorpus(file);
      const result = await statisticsOf(text, `file:///corpus/${path.basename(file)}`);
      const transcript = parseWithSettings(text);
      assert.equal(result.totals.words, spokenWords(transcript).length, path.basename(file));
      const speakers = result.unidentified ? [...result.speakers, result.unidentified] : result.speakers;
      assert.equal(
        speakers.reduce((sum, s) => sum + s.turnCount, 0),
        transcript.turns.length,
        path.basename(file),
      );
      assert.equal(
        speakers.reduce((sum, s) => sum + s.words, 0),
        result.totals.words,
        path.basename(file),
      );
    }
  });
});

describe('the status bar hover', () => {
  it('says when turn styles mix, Markdown was read, the header has a provider line, and readings await an answer', () => {
    const lines = readingLines({ reading: { markers: { chevron: 1200, colon: 3, section: 2 }, mixed: true, markdown: true, providerHeader: true }, doubts: 2 });
    assert.deepEqual(lines, [
      'Turn styles mixed: >> (1,200), >>> (2), NAME: (3)',
      'Read as Markdown: emphasis around labels, headings and links',
      "Header: a captioning provider's or status line, not taken as the title",
      '2 readings to confirm: answer the "Is … a speaker?" hints once',
    ]);
    assert.deepEqual(readingLines({ reading: { markers: {}, mixed: false, markdown: false, providerHeader: false }, doubts: 0 }), [], 'a file without turns: nothing to say');
  });
});
