// Hand-written transcripts (invented text) for every convention and trap of the format
// (see /work/shared/transcript-format.md). Each test states what an editor user would notice.
import { strict as assert } from 'assert';
import { inaudibleTermSet } from '../../server/src/core/lexicon';
import type { Span, Transcript, Turn } from '../../server/src/core/model';
import { parseTranscript } from '../../server/src/core/parse';
import { speakerKey } from '../../server/src/core/speakers/speakers';

const at = (text: string, span: Span | null | undefined): string | null => (span ? text.slice(span.start, span.end) : null);

/** The turns as `[label or null, body]` pairs: what the outline shows. */
function turnsOf(doc: Transcript): Array<[string | null, string]> {
  return doc.turns.map((turn) => [turn.label?.raw ?? null, at(doc.text, turn.body)!]);
}

function onlyTurn(doc: Transcript): Turn {
  assert.equal(doc.turns.length, 1, `expected one turn, got ${JSON.stringify(turnsOf(doc))}`);
  return doc.turns[0];
}

describe('parseTranscript: chevron markers and labels', () => {
  for (const spaces of [' ', '  ', '   ']) {
    it(`reads a label followed by ${spaces.length} space(s) after the colon`, () => {
      const text = `>> ALMA REYES:${spaces}Welcome back, everyone.\n>> TOMAS BRANDT:${spaces}Thanks, Alma.`;
      const doc = parseTranscript(text);
      assert.equal(doc.dialect, 'chevron');
      assert.deepEqual(turnsOf(doc), [
        ['ALMA REYES', 'Welcome back, everyone.'],
        ['TOMAS BRANDT', 'Thanks, Alma.'],
      ]);
      const [first] = doc.turns;
      assert.equal(first.markerKind, 'chevron');
      assert.equal(at(text, first.marker), '>>');
      assert.equal(at(text, first.label!.span), 'ALMA REYES');
      assert.equal(at(text, first.label!.colon), ':');
      assert.equal(first.flattened, false);
    });
  }

  it('reads a label glued to the chevrons (>>NAME:)', () => {
    const doc = parseTranscript('>>CHAIR OKONJO:   We resume.\n>>SECRETARY LUND:  Thank you, Chair.');
    assert.deepEqual(turnsOf(doc), [
      ['CHAIR OKONJO', 'We resume.'],
      ['SECRETARY LUND', 'Thank you, Chair.'],
    ]);
  });

  it('finds markers indented by spaces, tabs, or inconsistently within one file', () => {
    const text = ' >>PILAR VANCE:  One.\n\t>> PILAR VANCE: Two.\n     >> OREN KATZ:  Three.\n>> OREN KATZ: Four.\n \t >>  PILAR VANCE: Five.';
    const doc = parseTranscript(text);
    assert.deepEqual(turnsOf(doc), [
      ['PILAR VANCE', 'One.'],
      ['PILAR VANCE', 'Two.'],
      ['OREN KATZ', 'Three.'],
      ['OREN KATZ', 'Four.'],
      ['PILAR VANCE', 'Five.'],
    ]);
    for (const turn of doc.turns) {
      assert.equal(at(text, turn.marker), '>>');
      assert.equal(turn.flattened, false, 'indentation is not a lost line break');
    }
  });

  it('reads single-chevron files (>NAME:, > NAME:, > text)', () => {
    const text = '> The slides are not showing.\n>GRETA HOLM: Are they now?\n> IVAN PETROV: Yes, thank you.';
    const doc = parseTranscript(text);
    assert.equal(doc.dialect, 'single-chevron');
    assert.deepEqual(turnsOf(doc), [
      [null, 'The slides are not showing.'],
      ['GRETA HOLM', 'Are they now?'],
      ['IVAN PETROV', 'Yes, thank you.'],
    ]);
    assert.ok(doc.turns.every((turn) => turn.markerKind === 'single-chevron' && at(text, turn.marker) === '>'));
  });

  it('treats >>> as a turn that starts a section', () => {
    const text = '>> HOST: Welcome.\n>>> HOST:  Part two: questions.\n>> HOST: First question.\n>>> Closing\n';
    const doc = parseTranscript(text);
    assert.deepEqual(
      doc.turns.map((turn) => [turn.markerKind, turn.label?.raw ?? null]),
      [
        ['chevron', 'HOST'],
        ['section', 'HOST'],
        ['chevron', 'HOST'],
        ['section', null],
      ],
    );
    assert.equal(at(text, doc.turns[1].marker), '>>>');
    assert.deepEqual(
      doc.sections.map((section) => [section.title, section.firstTurn, at(text, section.span)]),
      [
        ['Part two: questions.', 1, '>>>'],
        ['Closing', 3, '>>>'],
      ],
    );
    assert.equal(doc.sections[1].title, 'Closing');
  });

  it('keeps unlabelled turns: the speaker changed but was not identified', () => {
    const doc = parseTranscript('>> NORA BIANCHI:  Who is next?\n>> Good morning, everyone.\n>> Hello?');
    assert.deepEqual(turnsOf(doc), [
      ['NORA BIANCHI', 'Who is next?'],
      [null, 'Good morning, everyone.'],
      [null, 'Hello?'],
    ]);
  });

  it('keeps empty >> turns with an empty body and no paragraphs', () => {
    const text = '>> ELLA MORE:  Go ahead.\n>>\n>> \n>> ELLA MORE:  Still there?';
    const doc = parseTranscript(text);
    assert.equal(doc.turns.length, 4);
    for (const turn of doc.turns.slice(1, 3)) {
      assert.equal(turn.label, null);
      assert.equal(turn.body.start, turn.body.end);
      assert.deepEqual(turn.paragraphs, []);
      assert.equal(at(text, turn.span), '>>');
    }
  });

  it('reads Mixed Case labels and folds their case into the speaker identity', () => {
    const doc = parseTranscript('>> Moderator:  Let us begin.\n>> MODERATOR:  Again.');
    assert.deepEqual(
      doc.turns.map((turn) => [turn.label?.raw, turn.label?.speaker]),
      [
        ['Moderator', 'MODERATOR'],
        ['MODERATOR', 'MODERATOR'],
      ],
    );
  });

  const nameLabels = [
    "MARÍA-JOSÉ O'NEILL",
    'H.E. AMBASSADOR LI',
    'LYNN ST. AMOUR',
    'MS. McCANN',
    'DEPUTY SECRETARY\u2011GENERAL PARK',
    'C. NDIAYE',
    'JOHN DOE (ICANN)',
    'SPEAKER 2',
    'Ana de la Cruz',
    'SÉRGIO BÄR',
  ];
  for (const label of nameLabels) {
    it(`reads the label ${JSON.stringify(label)} exactly as written`, () => {
      const text = `>> ${label}:  Thank you for the floor.\n>>${label}: Once more.`;
      const doc = parseTranscript(text);
      assert.equal(doc.dialect, 'chevron');
      assert.deepEqual(turnsOf(doc), [
        [label, 'Thank you for the floor.'],
        [label, 'Once more.'],
      ]);
      assert.equal(doc.turns[0].label!.speaker, speakerKey(label));
    });
  }

  it('folds U+2011 hyphens, curly apostrophes and spacing in the speaker identity', () => {
    const doc = parseTranscript(">> RUTH O\u2019BRIEN:  One.\n>> RUTH  O'BRIEN: Two.\n>> JEAN\u2011LUC ROY: Three.\n>> JEAN-LUC ROY: Four.");
    const speakers = doc.turns.map((turn) => turn.label!.speaker);
    assert.equal(speakers[0], speakers[1]);
    assert.equal(speakers[2], speakers[3]);
    assert.equal(doc.turns[0].label!.raw, 'RUTH O\u2019BRIEN', 'the raw label keeps what was written');
  });

  it('accepts a label without a colon only for a speaker the file labels elsewhere', () => {
    const text = '>> MODERATOR Thank you, panel.\n>> MODERATOR:  Next speaker.\n>> Good morning to all.\n>> KAI LEHTO Sorry, my mistake.';
    const doc = parseTranscript(text);
    assert.deepEqual(turnsOf(doc), [
      ['MODERATOR', 'Thank you, panel.'],
      ['MODERATOR', 'Next speaker.'],
      [null, 'Good morning to all.'],
      [null, 'KAI LEHTO Sorry, my mistake.'],
    ]);
    assert.equal(doc.turns[0].label!.colon, null);
    assert.equal(doc.turns[0].label!.speaker, 'MODERATOR');
  });

  it('never turns the first words of an unlabelled turn into a label', () => {
    const doc = parseTranscript('>> Good morning. \n>> Good: very good.\n>> Welcome back\n>> GOOD MORNING: TEAM.\n>> Thanks. NORA: go on.\n>> Yes. NORA: go on.');
    for (const turn of doc.turns) assert.equal(turn.label, null, `turn ${JSON.stringify(at(doc.text, turn.body))}`);
  });

  it('keeps a lone label-like line without a colon as speech', () => {
    const doc = parseTranscript('>> HANS MEIER: Hello.\n>> HANS MEIER');
    assert.equal(doc.turns[1].label, null);
    assert.equal(at(doc.text, doc.turns[1].body), 'HANS MEIER');
  });

  it('spans a turn over its continuation paragraphs and splits them at blank lines', () => {
    const text = '>> IRIS PAL:  First paragraph,\nwrapped here.\n\n   Second paragraph.\n \n\n\nThird.\n\n>> TEO ABAD:  Reply.';
    const doc = parseTranscript(text);
    const [first] = doc.turns;
    assert.deepEqual(
      first.paragraphs.map((paragraph) => at(text, paragraph)),
      ['First paragraph,\nwrapped here.', 'Second paragraph.', 'Third.'],
    );
    assert.equal(at(text, first.span)!.endsWith('Third.'), true, 'the span ends at the last text, not the blank lines');
    assert.equal(at(text, first.body), 'First paragraph,\nwrapped here.\n\n   Second paragraph.\n \n\n\nThird.');
  });
});

describe('parseTranscript: traps that are not speaker labels', () => {
  const disclaimer = 'Note: The following is the output of the real-time captioning taken during the meeting. It should not be treated as an authoritative record.';
  const bodies: Array<[string, string]> = [
    ['chevron', '>> OLGA SVENSSON:  Welcome.\n>> PAUL ADEYEMI:  Thanks.'],
    ['single-chevron', '>OLGA SVENSSON: Welcome.\n> PAUL ADEYEMI: Thanks.'],
    ['colon', 'OLGA SVENSSON:  Welcome.\nPAUL ADEYEMI:  Thanks.'],
    ['court', 'THE COURT: Be seated.\nQ. Your name?\nA. Paul Adeyemi.'],
  ];
  for (const [dialect, body] of bodies) {
    it(`keeps a "Note: The following is..." header line out of the turns (${dialect})`, () => {
      const text = `WORKSHOP 12\n\n${disclaimer}\n\n${body}`;
      const doc = parseTranscript(text);
      assert.equal(doc.dialect, dialect);
      assert.ok(doc.turns.every((turn) => turn.label?.speaker !== 'NOTE'));
      assert.ok(doc.turns[0].span.start > text.indexOf('Note:'), 'the first turn starts after the note');
      assert.equal(doc.header!.title, 'WORKSHOP 12');
      assert.equal(at(text, doc.header!.disclaimer), disclaimer);
    });
  }

  it('reads ">> Note that: ..." and ">> The question is: ..." as speech', () => {
    const doc = parseTranscript('>> RITA COLE:  Go on.\n>> Note that: the room changed.\n>> The question is: who pays?');
    assert.deepEqual(turnsOf(doc), [
      ['RITA COLE', 'Go on.'],
      [null, 'Note that: the room changed.'],
      [null, 'The question is: who pays?'],
    ]);
  });

  it('reads ALL-CAPS speech phrases before a colon as speech, not labels', () => {
    const doc = parseTranscript('>> RITA COLE: GO ON.\n>> THE QUESTION IS: WHO PAYS?\n>> MY POINT: WE WAIT.\n>> NOTE: THE ROOM CHANGED.');
    assert.deepEqual(
      doc.turns.map((turn) => turn.label?.raw ?? null),
      ['RITA COLE', null, null, null],
    );
  });

  it('does not split at a colon inside running text (OCTOBER FOR:24, 10:42)', () => {
    const text = '>> VOTING STARTS MONDAY, OCTOBER FOR:24 THROUGH THE FIFTH.\n>> The doors open at\n10:42 sharp.';
    const doc = parseTranscript(text);
    assert.deepEqual(turnsOf(doc), [
      [null, 'VOTING STARTS MONDAY, OCTOBER FOR:24 THROUGH THE FIFTH.'],
      [null, 'The doors open at\n10:42 sharp.'],
    ]);
  });

  it('does not read clock times or dates as colon labels in a colon-dialect file', () => {
    const doc = parseTranscript('LENA FISCHER: We start at\n10:42 and stop at\n12:30: lunch.\nMARC DIOP: Agreed.');
    assert.equal(doc.dialect, 'colon');
    assert.deepEqual(
      doc.turns.map((turn) => turn.label?.raw),
      ['LENA FISCHER', 'MARC DIOP'],
    );
  });

  it('starts a new turn at a label glued after a colon (as follows:THE CLERK:)', () => {
    const text = 'THE COURT: Please swear the witness as follows:THE CLERK: Raise your right hand.\nTHE WITNESS: I do.';
    const doc = parseTranscript(text);
    assert.equal(doc.dialect, 'colon');
    assert.deepEqual(turnsOf(doc), [
      ['THE COURT', 'Please swear the witness as follows:'],
      ['THE CLERK', 'Raise your right hand.'],
      ['THE WITNESS', 'I do.'],
    ]);
    assert.equal(doc.turns[1].flattened, true);
    assert.equal(doc.turns[2].flattened, false);
  });

  it('recognises a colon-dialect file with accented ALL-CAPS names', () => {
    const text = 'Opening remarks\n\nROSÁRIO VASCONCELOS: Good morning and welcome.\nWe are glad to host.\n\nIVO ŠTEFANIĆ: Thank you, Rosário.';
    const doc = parseTranscript(text);
    assert.equal(doc.dialect, 'colon');
    assert.deepEqual(turnsOf(doc), [
      ['ROSÁRIO VASCONCELOS', 'Good morning and welcome.\nWe are glad to host.'],
      ['IVO ŠTEFANIĆ', 'Thank you, Rosário.'],
    ]);
    assert.equal(doc.turns[0].markerKind, 'colon');
    assert.equal(at(text, doc.turns[0].marker), 'ROSÁRIO VASCONCELOS:');
    assert.equal(doc.header!.title, 'Opening remarks');
  });

  it('keeps "Note:" and other header fields in running colon-dialect text out of the turns', () => {
    const text = 'Date: 4 May\nVenue: Room B\nCHAIR: Let us start.\nNote: the agenda moved.\nDELEGATE OF PERU: Thank you.';
    const doc = parseTranscript(text);
    assert.deepEqual(
      doc.turns.map((turn) => turn.label?.raw),
      ['CHAIR', 'DELEGATE OF PERU'],
    );
    assert.equal(at(text, doc.turns[0].body), 'Let us start.\nNote: the agenda moved.');
  });

  it('accepts a Mixed Case mid-line label when it recurs, not when it appears once', () => {
    const recurring = 'Call notes. Operator: The recording has started. Dana Whitfield: Thank you. Welcome, all. Sam Ruiz: Hello. Dana Whitfield: Let us begin.';
    const doc = parseTranscript(recurring);
    assert.equal(doc.dialect, 'colon');
    assert.deepEqual(
      doc.turns.filter((turn) => turn.label?.speaker === 'DANA WHITFIELD').map((turn) => at(recurring, turn.body)),
      ['Thank you. Welcome, all. Sam Ruiz: Hello.', 'Let us begin.'],
    );
    assert.ok(doc.turns.every((turn) => turn.flattened));

    const once = 'We met in March. Dana Whitfield: she chaired it. The report is out.';
    assert.equal(parseTranscript(once).turns.length, 0);
  });

  it('recognises flattened colon text that uses >> only for unidentified voices, however long', () => {
    const once = 'KAI: Welcome, all. >> Hi there. KAI: Today we plan the meetup. >> Sounds good. MINA: I agree, let us vote. >> Yes. KAI: Great, done. MINA: Fine by me. ';
    for (const text of [once, once.repeat(50)]) {
      const doc = parseTranscript(text);
      assert.equal(doc.dialect, 'colon');
      assert.deepEqual(
        doc.turns.slice(0, 7).map((turn) => turn.label?.raw ?? null),
        ['KAI', null, 'KAI', null, 'MINA', null, 'KAI'],
      );
    }
  });

  it('reads court Q./A. lines with colon labels between them', () => {
    const text = 'MR. OSEI: Nothing further.\nTHE COURT: Cross-examination.\nQ. (BY MS. LAINE) Where were you?\nA. At home.\nQ. Alone?\nMS. LAINE: Withdrawn.\nA. Yes.';
    const doc = parseTranscript(text);
    assert.equal(doc.dialect, 'court');
    assert.deepEqual(
      doc.turns.map((turn) => [turn.markerKind, turn.label?.raw]),
      [
        ['colon', 'MR. OSEI'],
        ['colon', 'THE COURT'],
        ['question', 'Q.'],
        ['answer', 'A.'],
        ['question', 'Q.'],
        ['colon', 'MS. LAINE'],
        ['answer', 'A.'],
      ],
    );
    assert.equal(at(text, doc.turns[2].body), '(BY MS. LAINE) Where were you?');
  });

  it('does not take a lettered list item for a court answer', () => {
    const doc = parseTranscript('>> UMA RAO:  Two options.\nA. We wait.\nB. We vote.\n>> LEO FINCH:  Vote.');
    assert.equal(doc.dialect, 'chevron');
    assert.equal(doc.turns.length, 2);
  });

  it('keeps a label-like chevron label whole, even with a period inside (>> C. NDIAYE:)', () => {
    const text = 'Session\n\n    >> C. NDIAYE: Excellencies, welcome.\n\n    >> T. WARD: Thank you.\n';
    const doc = parseTranscript(text);
    assert.equal(doc.dialect, 'chevron');
    assert.deepEqual(
      doc.turns.map((turn) => turn.label?.raw),
      ['C. NDIAYE', 'T. WARD'],
    );
  });

  it('does not read a provider line such as "CAPTIONING PROVIDED BY:" as a speaker', () => {
    const text = 'RAW FILE SUMMIT JUNE 3 CAPTIONING PROVIDED BY: SOME CAPTIONS, INC. *** >> ADA LUND: Good afternoon.';
    const doc = parseTranscript(text);
    assert.equal(doc.dialect, 'chevron');
    assert.deepEqual(
      doc.turns.map((turn) => turn.label?.raw),
      ['ADA LUND'],
    );
  });
});

describe('parseTranscript: flattened text', () => {
  it('finds markers standing mid-line and marks those turns flattened', () => {
    const text = '>> MODERATOR: Our first panel is done, thank you. >> MODERATOR: Next we hear from Kenji. >>KENJI ODA:  Thanks. >> Can you hear me?';
    const doc = parseTranscript(text);
    assert.deepEqual(turnsOf(doc), [
      ['MODERATOR', 'Our first panel is done, thank you.'],
      ['MODERATOR', 'Next we hear from Kenji.'],
      ['KENJI ODA', 'Thanks.'],
      [null, 'Can you hear me?'],
    ]);
    assert.deepEqual(
      doc.turns.map((turn) => turn.flattened),
      [false, true, true, true],
    );
    assert.equal(at(text, doc.turns[1].span), '>> MODERATOR: Next we hear from Kenji.');
  });

  it('splits a one-line file into header and turns', () => {
    const text = 'WORKSHOP ON OPEN DATA The following are the outputs of the real-time captioning taken during the session. >> IDA BERG: Hello. (Applause) >> TOM ASH: Hi.';
    const doc = parseTranscript(text);
    assert.deepEqual(turnsOf(doc), [
      ['IDA BERG', 'Hello. (Applause)'],
      ['TOM ASH', 'Hi.'],
    ]);
    assert.ok(doc.header);
    assert.ok(at(text, doc.header.span)!.endsWith('session.'));
    assert.ok(doc.header.disclaimer);
    assert.equal(doc.annotations[0].turn, 0);
  });

  it('counts every mid-line label towards the dialect, however far into a long file they stand', () => {
    // Three chevron lines, then flattened colon text: the labels outnumber the chevrons wherever they are.
    const flattened = 'We begin. ALICE SMITH: Hello there. BOB JONES: Hi, Alice. CARLA DIAZ: Good morning. DAN OKAFOR: Welcome.\n'.repeat(3);
    const chevrons = '>> Is this on?\n>> Yes.\n>> Good.\n';
    const prose = (length: number) => 'The session resumes after a short break.\n'.repeat(Math.ceil(length / 41));
    for (const before of [prose(1_000), prose(100_000)]) {
      const doc = parseTranscript(chevrons + before + flattened);
      assert.equal(doc.dialect, 'colon', `with ${before.length} characters before the labels`);
      assert.deepEqual(
        doc.turns
          .filter((turn) => turn.label)
          .map((turn) => turn.label!.raw)
          .slice(0, 4),
        ['ALICE SMITH', 'BOB JONES', 'CARLA DIAZ', 'DAN OKAFOR'],
      );
    }
  });

  it('does not take ">>" inside a word for a marker', () => {
    const doc = parseTranscript('>> ZOE KIM: Press a>>b then c>>>d.');
    assert.equal(doc.turns.length, 1);
  });
});

describe('parseTranscript: header', () => {
  it('takes the title from the first line that is not a fence or provider block', () => {
    const text =
      'RAW FILE\n***\n\nREGIONAL FORUM ON ACCESS\n* * *\nThis text is being provided in a rough draft format. Communication Access Realtime Translation (CART) is provided in order to facilitate communication accessibility.\n********\n\n>> KIRA:  Hello.';
    const doc = parseTranscript(text);
    assert.equal(doc.header!.title, 'REGIONAL FORUM ON ACCESS');
    assert.equal(at(text, doc.header!.titleSpan), 'REGIONAL FORUM ON ACCESS');
    assert.ok(at(text, doc.header!.disclaimer)!.startsWith('This text is being provided in a rough draft format.'));
    assert.ok(at(text, doc.header!.disclaimer)!.endsWith('accessibility.'));
    assert.equal(at(text, doc.header!.span), text.slice(0, text.indexOf('\n\n>>')));
  });

  it('takes the title after a provider block that shares its line', () => {
    const doc = parseTranscript('FINISHED FILE HARBOUR CITY COUNCIL MARCH 2 *** >> MAYOR: Order.');
    // The event's name, without the date after it or the fence.
    assert.equal(doc.header!.title, 'HARBOUR CITY COUNCIL');
  });

  const disclaimers = [
    'Note: The following is the output of the real-time captioning taken during the Tenth Forum. Although it is largely accurate, in some cases it may be incomplete.',
    'The following are the outputs of the real\u2011time captioning taken during the Annual Meeting in Lisbon.',
    'The following are the outputs of the captioning taken during an IGF intervention.',
    'This is the output of the realtime captioning taken during the forum.',
    'This is being provided in a rough-draft format.',
    'This text, document, or file is based on live transcription. It may not be a totally verbatim record of the proceedings.',
    'This is the un-edited raw output of the real-time captioning.',
  ];
  for (const disclaimer of disclaimers) {
    it(`finds the disclaimer "${disclaimer.slice(0, 40)}..."`, () => {
      const text = `TOWN HALL\n***\n${disclaimer}\n***\n\n>> ANA:  Welcome.`;
      const doc = parseTranscript(text);
      assert.equal(at(text, doc.header!.disclaimer), disclaimer);
      assert.equal(doc.header!.title, 'TOWN HALL');
    });
  }

  it('has no header when the file starts with a turn, even after a BOM and blank lines', () => {
    for (const text of ['>> ANA: Hi.', '\uFEFF>> ANA: Hi.', '\n\n  \n>> ANA: Hi.', '\uFEFFANA: Hi.\nBEN: Hello.']) {
      const doc = parseTranscript(text);
      assert.equal(doc.header, null, JSON.stringify(text));
      assert.equal(doc.turns[0].label!.raw, 'ANA');
    }
  });

  it('has a header and no disclaimer when the opening is not a captioning disclaimer', () => {
    const doc = parseTranscript('Budget hearing\n14 May 2024\n\n>> CLERK:  Roll call.');
    assert.equal(doc.header!.title, 'Budget hearing');
    assert.equal(doc.header!.disclaimer, null);
  });

  it('shortens a long title line for display', () => {
    const title = 'A VERY LONG TITLE LINE '.repeat(10).trim();
    const doc = parseTranscript(`${title}\n>> ANA: Hi.`);
    assert.ok(doc.header!.title!.length <= 81);
    assert.ok(doc.header!.title!.endsWith('…'));
    assert.ok(title.startsWith(at(doc.text, doc.header!.titleSpan)!));
  });

  it('reads the whole text as header when there are no markers at all', () => {
    const doc = parseTranscript('Good afternoon. This is a webinar with no speaker marks.\nIt goes on.');
    assert.equal(doc.dialect, 'none');
    assert.equal(doc.turns.length, 0);
    // Sentences of speech are no title.
    assert.equal(doc.header!.title, null);
  });

  it('parses an empty or blank document', () => {
    for (const text of ['', '\n\n', '   ', '\uFEFF']) {
      const doc = parseTranscript(text);
      assert.equal(doc.turns.length, 0);
      assert.equal(doc.header, null);
      assert.deepEqual(doc.annotations, []);
    }
  });
});

describe('parseTranscript: annotations', () => {
  function kinds(text: string, options = {}): Array<[string, string, string]> {
    const doc = parseTranscript(text, options);
    return doc.annotations.map((annotation) => [annotation.kind, at(text, annotation.span)!, annotation.content]);
  }

  const sounds: Array<[string, string]> = [
    ['(Applause)', 'Applause'],
    ['(Applause).', 'Applause'],
    ['[ Applause ]', 'Applause'],
    ['[LAUGHTER]', 'LAUGHTER'],
    ['(Gavel.)', 'Gavel'],
    ['[ Gavel. ]', 'Gavel'],
    ['(Speaking French)', 'Speaking French'],
    ['(Video playing)', 'Video playing'],
    ['(background noise)', 'background noise'],
  ];
  for (const [written, content] of sounds) {
    it(`reads ${written} as a sound, on its own line and inline`, () => {
      const bracketed = written.replace(/\.$/, '');
      assert.deepEqual(kinds(`>> ANA:  Thanks.\n${written}\n`), [['sound', bracketed, content]]);
      assert.deepEqual(kinds(`>> ANA:  Thank you -- ${written} -- all.`), [['sound', bracketed, content]]);
    });
  }

  const inaudibles: Array<[string, string]> = [
    ['(inaudible)', 'inaudible'],
    ['[inaudible]', 'inaudible'],
    ['(INDISCERNIBLE)', 'INDISCERNIBLE'],
    ['[indiscernible]', 'indiscernible'],
    ['(unintelligible)', 'unintelligible'],
    ['(Audio disconnect).', 'Audio disconnect'],
    ['(off microphone)', 'off microphone'],
    ['(Off mic)', 'Off mic'],
    ['(Crosstalk)', 'Crosstalk'],
    ['(No audio)', 'No audio'],
    ['[?]', '?'],
    ['(?)', '?'],
    ['(inaudible: audio problems)', 'inaudible: audio problems'],
  ];
  for (const [written, content] of inaudibles) {
    it(`reads ${written} as an inaudible marker`, () => {
      const bracketed = written.replace(/\.$/, '');
      assert.deepEqual(kinds(`>> ANA:  We agreed on ${written} and moved on.`), [['inaudible', bracketed, content]]);
    });
  }

  it("reads (Captioner's note: ...) as a note, with straight or curly apostrophes", () => {
    assert.deepEqual(kinds(">> ANA:  Hello. (Captioner's note: the speaker is remote.)"), [
      ['note', "(Captioner's note: the speaker is remote.)", "Captioner's note: the speaker is remote"],
    ]);
    assert.equal(kinds('>> ANA:  Hello. (Captioner\u2019s note: joining late.)')[0][0], 'note');
  });

  it('leaves parentheses in running speech alone', () => {
    assert.deepEqual(kinds('>> ANA:  We thank the ITU (International Telecommunication Union) and the host (our city) for this.'), []);
  });

  it('reads any bracketed group alone on its line as a note', () => {
    assert.deepEqual(kinds('>> ANA:  Next item.\n[ITEM 4: BUDGET REVIEW]\n   (Standing by).\n'), [
      ['note', '[ITEM 4: BUDGET REVIEW]', 'ITEM 4: BUDGET REVIEW'],
      ['note', '(Standing by)', 'Standing by'],
    ]);
  });

  it('reports an annotation opened at a line start and never closed', () => {
    const text = '>> ANA:  One moment.\n\n\n(Ba';
    const doc = parseTranscript(text);
    assert.equal(doc.annotations.length, 1);
    const [annotation] = doc.annotations;
    assert.equal(annotation.closed, false);
    assert.equal(at(text, annotation.span), '(Ba');
    assert.equal(annotation.bracket, '(');
    assert.equal(annotation.turn, 0);
  });

  it('does not report an unclosed bracket that opens mid-line (speech that wraps)', () => {
    assert.deepEqual(kinds('>> ANA:  We funded the project (with partners\nin the region) last year.'), []);
  });

  it('honours inaudible-term additions from settings', () => {
    const options = { inaudibleTerms: inaudibleTermSet(['Mush', 'sound drops']) };
    assert.deepEqual(kinds('>> ANA:  It was (mush) and (Sound drops.) twice.', options), [
      ['inaudible', '(mush)', 'mush'],
      ['inaudible', '(Sound drops.)', 'Sound drops'],
    ]);
    assert.deepEqual(kinds('>> ANA:  It was (mush) once.'), [], 'not an annotation without the setting');
    assert.equal(kinds('>> ANA:  It was (inaudible).', options)[0][0], 'inaudible', 'the defaults stay');
  });

  it('assigns annotations to the header (-1) or to the turn they stand in', () => {
    const text = '[ Gavel ]\n>> ANA:  Order. (Applause)\n>> BEN:  Thanks. (inaudible)';
    const doc = parseTranscript(text);
    assert.deepEqual(
      doc.annotations.map((annotation) => [annotation.content, annotation.turn]),
      [
        ['Gavel', -1],
        ['Applause', 0],
        ['inaudible', 1],
      ],
    );
  });

  it('keeps nested or repeated brackets linear and sane', () => {
    const text = `>> ANA:  ${'('.repeat(5000)} and ${'[ '.repeat(5000)}`;
    const doc = parseTranscript(text);
    for (const annotation of doc.annotations) assert.ok(annotation.span.end <= text.length);
  });
});

describe('parseTranscript: timestamps and sections', () => {
  it('reads [00:02:21], [10:32] and 10:32 AM lines as timestamps that start sections', () => {
    const text = '[00:02:21]\n>> CLERK:  Roll call.\n\n[10:32]\n>> MAYOR:  Item one.\n10:32 AM\n>> MAYOR:  Item two.\n10:45 p.m.\n';
    const doc = parseTranscript(text);
    assert.deepEqual(
      doc.timestamps.map((timestamp) => timestamp.text),
      ['[00:02:21]', '[10:32]', '10:32 AM', '10:45 p.m.'],
    );
    assert.deepEqual(
      doc.sections.map((section) => [section.title, section.firstTurn]),
      [
        ['[00:02:21]', 0],
        ['[10:32]', 1],
        ['10:32 AM', 2],
        ['10:45 p.m.', 3],
      ],
    );
    assert.deepEqual(doc.annotations, [], 'a bracketed time is not an annotation');
    assert.equal(doc.sections[3].firstTurn, doc.turns.length, 'a trailing timestamp has no turn after it');
  });

  it('does not start a section at a clock time in the header', () => {
    const text = 'CITY COUNCIL\n7:00 P.M.\n\n>> MAYOR:  Order.\n7:42 P.M.\n>> CLERK:  Noted.';
    const doc = parseTranscript(text);
    assert.deepEqual(
      doc.timestamps.map((timestamp) => timestamp.text),
      ['7:00 P.M.', '7:42 P.M.'],
    );
    assert.deepEqual(
      doc.sections.map((section) => [section.title, section.firstTurn]),
      [['7:42 P.M.', 1]],
    );
  });

  it('does not take a time inside speech for a timestamp', () => {
    const doc = parseTranscript('>> ANA:  We break at 10:32 AM and resume [at 11:00].\nThe bus leaves at\n10:32 AM sharp.');
    assert.deepEqual(doc.timestamps, []);
  });

  it('orders >>> sections and timestamp sections together', () => {
    const doc = parseTranscript('>>> MORNING\n>> ANA:  Hi.\n[01:00:00]\n>> BEN:  Hello.\n>>> AFTERNOON\n>> ANA:  Back.');
    assert.deepEqual(
      doc.sections.map((section) => [section.title, section.firstTurn]),
      [
        ['MORNING', 0],
        ['[01:00:00]', 2],
        ['AFTERNOON', 3],
      ],
    );
  });
});

describe('parseTranscript: line endings and special characters', () => {
  const lf = '>> ANA BELL:  One.\nStill one.\n\n>> Two.\n(inaudible)\n';

  for (const [name, eol] of [
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ]) {
    it(`reads ${name} line endings like LF`, () => {
      const text = lf.replace(/\n/g, eol);
      const doc = parseTranscript(text);
      const reference = parseTranscript(lf);
      assert.deepEqual(
        turnsOf(doc).map(([label, body]) => [label, body.replace(/\r\n?/g, '\n')]),
        turnsOf(reference),
      );
      assert.equal(doc.turns[0].paragraphs.length, 1);
      assert.equal(at(text, doc.turns[0].paragraphs[0]), `One.${eol}Still one.`);
      assert.equal(doc.annotations.length, 1);
      assert.equal(
        doc.turns.some((turn) => turn.flattened),
        false,
      );
    });
  }

  it('finds the first turn after a byte-order mark, in every dialect', () => {
    assert.equal(parseTranscript('\uFEFF>> ANA:  Hi.\n>> BEN:  Yo.').turns[0].label!.raw, 'ANA');
    assert.equal(parseTranscript('\uFEFF>>ANA:  Hi.').turns[0].label!.raw, 'ANA');
    assert.equal(parseTranscript('\uFEFF>ANA: Hi.\n>BEN: Yo.').turns[0].label!.raw, 'ANA');
    const colon = parseTranscript('\uFEFFANA LUZ: Hi.\nBEN: Yo.');
    assert.equal(colon.dialect, 'colon');
    assert.equal(colon.turns[0].label!.raw, 'ANA LUZ');
    assert.equal(colon.turns[0].span.start, 1, 'spans stay offsets into the text as given');
  });

  it('treats no-break spaces like spaces around markers and labels', () => {
    const text = '>>\u00A0ANA\u00A0BELL:\u00A0Hello.\n\u00A0>> BEN:\u00A0\u00A0Hi.';
    const doc = parseTranscript(text);
    assert.deepEqual(turnsOf(doc), [
      ['ANA\u00A0BELL', 'Hello.'],
      ['BEN', 'Hi.'],
    ]);
    assert.equal(doc.turns[0].label!.speaker, 'ANA BELL');
  });

  it('keeps U+2011 dashes inside speech and labels intact', () => {
    const text = '>> KIM\u2011LEE:  We are \u2011\u2011 well \u2011\u2011 ready.';
    const doc = parseTranscript(text);
    assert.deepEqual(turnsOf(doc), [['KIM\u2011LEE', 'We are \u2011\u2011 well \u2011\u2011 ready.']]);
  });

  it('reports every span in UTF-16 code units, astral characters included', () => {
    const text = '>> ANA:  \u{1F600} hi (Applause)\n>> BEN:  ok';
    const doc = parseTranscript(text);
    assert.equal(at(text, doc.annotations[0].span), '(Applause)');
    assert.equal(doc.annotations[0].span.start, text.indexOf('(Applause)'));
    assert.equal(onlyTurn(parseTranscript('>> \u{1D400}LFA: x')).label, null, 'a label must start with a letter the parser can read');
  });
});

describe('parseTranscript: model invariants on invented edge cases', () => {
  const samples = [
    '>>',
    '>>>',
    '>',
    '>> :',
    '>>:: ::',
    'A: B: C: D:',
    'Q.\nA.',
    '(\n[\n(',
    ') ] ( [',
    '>> A: >> B: >> C:',
    '\r\r\n\n\r',
    'x'.repeat(200) + ':',
    '>> ' + 'WORD '.repeat(50) + ': x',
  ];
  for (const text of samples) {
    it(`keeps spans inside and ordered for ${JSON.stringify(text.slice(0, 30))}`, () => {
      const doc = parseTranscript(text);
      const spans: Span[] = [];
      for (const turn of doc.turns) spans.push(turn.span, turn.marker, turn.body, ...turn.paragraphs, ...(turn.label ? [turn.label.span] : []));
      for (const annotation of doc.annotations) spans.push(annotation.span);
      if (doc.header) spans.push(doc.header.span);
      for (const span of spans) assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, JSON.stringify(span));
      for (let i = 1; i < doc.turns.length; i++) assert.ok(doc.turns[i - 1].span.end <= doc.turns[i].span.start);
    });
  }
});
