// The reader on invented text, one behaviour of issue 11 per test: what a careful human reads in
// layouts real transcripts use (the corpus and the keyed transcripts test the same on real text).
import { strict as assert } from 'assert';
import { analyzeText } from '../../server/src/core/check/analysis';
import type { Transcript } from '../../server/src/core/model';
import { parseTranscript } from '../../server/src/core/parse';
import { suggestLabels } from '../../server/src/core/whoSaidIt';

const labels = (doc: Transcript) => doc.turns.map((turn) => turn.label?.raw ?? null);
const kinds = (text: string) => parseTranscript(text).annotations.map((annotation) => [text.slice(annotation.span.start, annotation.span.end), annotation.kind]);
const brokenLines = (text: string) =>
  analyzeText(text)
    .findings.filter((finding) => finding.code === 'broken-turn')
    .map((finding) => text.slice(0, finding.span.start).split('\n').length);

describe('the reader (issue 11)', () => {
  describe('colon labels in every layout', () => {
    it('reads a label glued to the speech', () => {
      const doc = parseTranscript('DANA REYES:Thanks, everyone.\nOMAR HADID:Good morning.\n');
      assert.deepEqual(labels(doc), ['DANA REYES', 'OMAR HADID']);
      assert.equal(doc.text.slice(doc.turns[0].body.start, doc.turns[0].body.end), 'Thanks, everyone.');
    });

    it('reads a label alone on its line, the speech under it', () => {
      const doc = parseTranscript('DANA REYES:\nThanks, everyone.\n\nOMAR HADID:\nGood morning.\n');
      assert.deepEqual(labels(doc), ['DANA REYES', 'OMAR HADID']);
      assert.equal(doc.text.slice(doc.turns[1].body.start, doc.turns[1].body.end), 'Good morning.');
    });

    it('reads a Mixed Case label after a single chevron', () => {
      assert.deepEqual(labels(parseTranscript('> Dana Reyes: Welcome.\n> Omar Hadid: Thank you.\n')), ['Dana Reyes', 'Omar Hadid']);
    });

    it('reads each line on its own in a file that mixes styles', () => {
      const text = '>> CHAIR:  Welcome.\n>> We can hear you.\nSam, CART writer: I have lost the audio.\n>> CHAIR:  Thank you, Sam.\n';
      assert.deepEqual(labels(parseTranscript(text)), ['CHAIR', null, 'Sam, CART writer', 'CHAIR']);
      const colonText = 'DANA:  Good morning.\nOMAR:  Hello.\n>> Is this on?\nDANA:  Yes.\n';
      assert.deepEqual(labels(parseTranscript(colonText)), ['DANA', 'OMAR', null, 'DANA']);
    });

    it('keeps speech colons and headings out of the labels', () => {
      const text = '>> CHAIR:  The question is: who pays?\nSession 2: Budget\n\n>> CHAIR:  Next.\n>> The rule says: no.\n';
      const doc = parseTranscript(text);
      assert.deepEqual(labels(doc), ['CHAIR', 'CHAIR', null]);
    });
  });

  describe('Markdown and HTML', () => {
    it('reads labels in emphasis and annotations in emphasis; a link is neither', () => {
      const text = '# Budget hearing\n\n**DANA REYES:** Welcome. *[Applause]*\n\n__Omar:__ See [the slides](https://example.invalid/s). Thanks.\n\n<b>LEE:</b> Good.\n';
      const doc = parseTranscript(text);
      assert.deepEqual(labels(doc), ['DANA REYES', 'Omar', 'LEE']);
      assert.equal(doc.header?.title, 'Budget hearing');
      assert.deepEqual(kinds(text), [['[Applause]', 'sound']]);
      assert.ok(doc.reading.markdown);
    });

    it('reads a label written as a Markdown heading above its speech', () => {
      assert.deepEqual(labels(parseTranscript('### Dana Reyes:\nHello.\n\n### Omar Hadid:\nHi.\n')), ['Dana Reyes', 'Omar Hadid']);
    });
  });

  describe('sections', () => {
    it('shows headings and agenda lines as sections that end the turn before them', () => {
      const text = '>> CHAIR:  Welcome.\n\nSession 1: Opening remarks\n\n>> DANA:  Thank you.\n\n## Item 4 - Budget\n\n>> CHAIR:  Next.\n';
      const doc = parseTranscript(text);
      assert.deepEqual(
        doc.sections.map((section) => [section.title, section.firstTurn]),
        [
          ['Session 1: Opening remarks', 1],
          ['Item 4 - Budget', 2],
        ],
      );
      assert.equal(doc.text.slice(doc.turns[0].body.start, doc.turns[0].body.end), 'Welcome.', 'the heading is no speech of the turn before');
    });
  });

  describe('headers', () => {
    it('never takes a provider or status line, a phone number, a date or a page tag for the title', () => {
      const text = 'UNEDITED ROUGH DRAFT\nCART FILE\nRiver Captioning, LLC  (555) 010-0199\nPage 1\nMarch 4, 2026\n\nHARBOUR CITY\nBudget Hearing\n\n>> MAYOR:  Order.\n';
      const doc = parseTranscript(text);
      assert.equal(doc.header?.title, 'HARBOUR CITY Budget Hearing');
      assert.ok(doc.reading.providerHeader);
    });
  });

  describe('inaudible markers', () => {
    it('recognises a marker by what it says, and keeps sounds and notes apart', () => {
      const text =
        '>> ANA:  We [away from the mic] and (audio feed lost) then [no sound from the room] and (line breaking up) and [unintelligible] and (overlapping voices).\n(Standing by)\n[laughter] (video playing) [Break]\n';
      assert.deepEqual(kinds(text), [
        ['[away from the mic]', 'inaudible'],
        ['(audio feed lost)', 'inaudible'],
        ['[no sound from the room]', 'inaudible'],
        ['(line breaking up)', 'inaudible'],
        ['[unintelligible]', 'inaudible'],
        ['(overlapping voices)', 'inaudible'],
        ['(Standing by)', 'note'],
        ['[laughter]', 'sound'],
        ['(video playing)', 'sound'],
        ['[Break]', 'sound'],
      ]);
    });

    it("keeps a speaker's aside in parentheses as speech", () => {
      assert.deepEqual(kinds('>> ANA:  It failed (we lost the connection last year) again.\n'), []);
    });
  });

  describe('broken turns', () => {
    it('flags a turn cut off before a colon turn, and speech cut by a marker with no full stop, but not one with it', () => {
      assert.deepEqual(brokenLines('>> CHAIR:  Welcome.\nDANA REYES:  I think the budget\nOMAR HADID:  Sorry, go on.\n'), [2]);
      assert.deepEqual(brokenLines('>> ANA:  We agreed to (inaudible)\n>> BEN:  Yes.\n'), [1]);
      assert.deepEqual(brokenLines('>> ANA:  We agreed to (inaudible).\n>> BEN:  Yes.\n'), []);
    });
  });

  describe('who said it', () => {
    const who = (text: string) => Object.fromEntries([...suggestLabels(parseTranscript(text))].map(([turn, suggestion]) => [turn, suggestion.label]));

    it('reads a self-introduction anywhere in the first sentences, and an opening naming the speaker and where they are from', () => {
      assert.deepEqual(who(">> CHAIR:  Welcome.\n>> Good morning. Thanks for having me. I'm Dana Reyes.\n>> CHAIR:  Next.\n>> Omar, city clerk's office.\n"), {
        1: 'DANA REYES',
        3: 'OMAR',
      });
    });

    it('reads a hand-over in a thanks with a question, a chair announcing, and a reply by name', () => {
      const text = [
        '>> CHAIR:  Thank you, Dana. Could you now tell us about the budget?',
        '>> Yes. The budget is balanced.',
        '>> CHAIR:  Please welcome our treasurer, Dr. Omar Hadid.',
        '>> Thank you. I will be brief.',
        '>> CHAIR:  Any thoughts? Lee?',
        '>> I agree with the plan.',
        '>> I want to second what Lee said.',
      ].join('\n');
      assert.deepEqual(who(text), { 1: 'DANA', 3: 'OMAR HADID', 5: 'LEE' });
    });

    it('uses the spelling of a label already in the file, and says nothing when evidence conflicts', () => {
      assert.deepEqual(who('>> DANA REYES:  Hi.\n>> CHAIR:  Over to you, Dana.\n>> Thanks.\n'), { 2: 'DANA REYES' });
      assert.deepEqual(who(">> CHAIR:  Over to you, Dana.\n>> Hello, I'm Omar.\n"), {});
    });
  });
});
