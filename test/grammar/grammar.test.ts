/**
 * TextMate grammar (syntaxes/caption-transcript.tmLanguage.json) and language
 * configuration tests, run with VS Code's own engine (vscode-textmate + vscode-oniguruma).
 *
 * Hand-written snippets below are invented for these tests. Real transcripts are read
 * from ../shared/corpus at test time; their text is never copied into this repository.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describeWithCorpus } from '../helpers/corpus';
import { CORPUS_DIR, GRAMMAR_PATH, LANGUAGE_CONFIGURATION_PATH, TokenizedDocument, allHave, dump, loadGrammar, noneHave, tokenize } from './tokenize';

// Scope selectors as a theme would match them.
const LABEL = 'entity.name.tag.speaker';
const CHEVRON = 'keyword.control.turn';
const SECTION = 'keyword.control.section';
const INAUDIBLE = 'invalid.illegal.inaudible';
const SOUND = 'comment.block.annotation.sound';
const ANNOTATION = 'comment.block.annotation';
const NOTE = 'comment.block.documentation.captioner-note';
const END_MARKER = 'keyword.control.end';
const DISCLAIMER = 'comment.block.disclaimer';
const FENCE = 'punctuation.definition.fence';
const PROVIDER = 'markup.heading.provider';
const DASH = 'punctuation.separator.dash';
const TIMESTAMP = 'constant.numeric.timestamp';
const TIMESTAMP_LINE = 'markup.heading.timestamp';
const COLON = 'punctuation.separator.speaker';
const AFFILIATION = 'entity.other.attribute-name.affiliation';

/** Tokenize an invented snippet. */
async function doc(text: string): Promise<TokenizedDocument> {
  return tokenize(text);
}

function lineOf(d: TokenizedDocument, needle: string): number {
  const i = d.findLine(needle);
  assert.ok(i >= 0, `no line contains ${JSON.stringify(needle)}`);
  return i;
}

/** Assert every character of `needle` (first occurrence on its line, or the given occurrence) has `selector`. */
function expectScope(d: TokenizedDocument, needle: string, selector: string, opts: { line?: number; occurrence?: number } = {}): void {
  const line = opts.line ?? lineOf(d, needle);
  const occ = opts.occurrence ?? 0;
  assert.ok(allHave(d.scopesOf(line, needle, occ), selector), `expected ${JSON.stringify(needle)} (line ${line}) to be ${selector}; got\n      ${dump(d, line, needle, occ)}`);
}

/** Assert no character of `needle` has `selector`. */
function expectNoScope(d: TokenizedDocument, needle: string, selector: string, opts: { line?: number; occurrence?: number } = {}): void {
  const line = opts.line ?? lineOf(d, needle);
  const occ = opts.occurrence ?? 0;
  assert.ok(noneHave(d.scopesOf(line, needle, occ), selector), `expected ${JSON.stringify(needle)} (line ${line}) NOT to be ${selector}; got\n      ${dump(d, line, needle, occ)}`);
}

/** The most specific scope of the first token of `needle`: used to compare kinds. */
function innermost(d: TokenizedDocument, needle: string): string {
  const line = lineOf(d, needle);
  const tokens = d.tokensOf(line, needle);
  // skip the bracket token; take the content token
  const t = tokens.length > 1 ? tokens[1] : tokens[0];
  return t.scopes[t.scopes.length - 1];
}

function corpusFile(prefix: string): string {
  const name = fs.readdirSync(CORPUS_DIR).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  assert.ok(name, `corpus file ${prefix}* not found in ${CORPUS_DIR}`);
  return path.join(CORPUS_DIR, name);
}

async function corpusDoc(prefix: string): Promise<TokenizedDocument> {
  return tokenize(fs.readFileSync(corpusFile(prefix), 'utf8'));
}

describe('grammar: file', () => {
  it('is valid JSON with the contributed scope name, and every scope ends in .caption-transcript', () => {
    const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
    assert.strictEqual(raw.scopeName, 'text.caption-transcript');
    const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(GRAMMAR_PATH), '..', 'package.json'), 'utf8'));
    const contributed = pkg.contributes.grammars.find((g: { language: string }) => g.language === 'caption-transcript');
    assert.strictEqual(contributed.scopeName, raw.scopeName);
    assert.strictEqual(path.normalize(contributed.path), path.normalize('./syntaxes/caption-transcript.tmLanguage.json'));
    const names: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) {
        v.forEach(walk);
      } else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if ((k === 'name' || k === 'contentName') && typeof x === 'string') {
            names.push(x);
          } else {
            walk(x);
          }
        }
      }
    };
    walk(raw.repository);
    assert.ok(names.length > 20);
    for (const n of names) {
      for (const part of n.split(' ')) {
        assert.ok(part.endsWith('.caption-transcript'), `scope ${part} lacks the .caption-transcript suffix`);
      }
    }
  });

  it('loads in vscode-textmate', async () => {
    const g = await loadGrammar();
    assert.ok(g);
  });

  it('embeds the shared speaker-label regex identically in every label rule', () => {
    const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
    const label: string = raw['x-shared-fragments'].label;
    const colon: string = raw['x-shared-fragments'].labelColon;
    for (const rule of ['turn-marker', 'inline-turn-marker', 'colon-label']) {
      const m: string = raw.repository[rule].match;
      assert.ok(m.includes(label + colon), `${rule} does not embed x-shared-fragments.label + labelColon verbatim`);
    }
  });
});

describe('grammar: speaker labels after chevrons', () => {
  it('glued >>NAME:', async () => {
    const d = await doc('>>PRIYA NANDAKUMAR:  We can begin now.');
    expectScope(d, '>>', CHEVRON);
    expectScope(d, 'PRIYA NANDAKUMAR', LABEL);
    expectScope(d, ':', COLON);
    expectNoScope(d, 'We can begin now.', LABEL);
  });

  it('spaced >> NAME: with one, two or three spaces after the colon', async () => {
    const d = await doc('>> OSKAR LINDQVIST: One.\n>> OSKAR LINDQVIST:  Two.\n>> OSKAR LINDQVIST:   Three.');
    for (let line = 0; line < 3; line++) {
      expectScope(d, 'OSKAR LINDQVIST', LABEL, { line });
      expectScope(d, '>>', CHEVRON, { line });
    }
  });

  it('indented with spaces or tabs', async () => {
    const d = await doc(' >>CHAIR MBEKI:   Welcome back.\n     >> CHAIR MBEKI:  Please sit.\n\t>> CHAIR MBEKI: Tabbed.');
    for (let line = 0; line < 3; line++) {
      expectScope(d, 'CHAIR MBEKI', LABEL, { line });
      expectScope(d, '>>', CHEVRON, { line });
    }
  });

  it('single chevron >NAME: and > NAME:, and unlabelled > text', async () => {
    const d = await doc('>WILLA FANSHAWE: Is the screen frozen?\n> TOMAS IRIBARNE: It moves here.\n> The feed is back.');
    expectScope(d, 'WILLA FANSHAWE', LABEL);
    expectScope(d, 'TOMAS IRIBARNE', LABEL);
    expectScope(d, '>', CHEVRON, { line: 2 });
    expectNoScope(d, 'The feed', LABEL);
  });

  it('>>> section marker', async () => {
    const d = await doc('>>> REPORTER: Turning now to the budget.');
    expectScope(d, '>>>', SECTION);
    expectScope(d, 'REPORTER', LABEL);
  });

  it('mixed case, accents, apostrophes, hyphens, U+2011, periods, digits', async () => {
    const d = await doc(
      [
        '>> Moderator: Next question.',
        ">> MARÍA-JOSÉ O'NEILL: Thanks.",
        '>> GRÁINNE O\u2019NEILL: Thanks too.',
        '>> UNDER SECRETARY\u2011GENERAL OKAFOR: Colleagues.',
        '>> H.E. AMBASSADOR WU: Excellencies.',
        '>> SPEAKER 2: Hello?',
        '>> MS. McALLISTER: Right.',
        '>> Ingrid Sæther: Okay.',
      ].join('\n'),
    );
    expectScope(d, 'Moderator', LABEL);
    expectScope(d, "MARÍA-JOSÉ O'NEILL", LABEL);
    expectScope(d, 'GRÁINNE O\u2019NEILL', LABEL);
    expectScope(d, 'UNDER SECRETARY\u2011GENERAL OKAFOR', LABEL);
    expectScope(d, 'H.E. AMBASSADOR WU', LABEL);
    expectScope(d, 'SPEAKER 2', LABEL);
    expectScope(d, 'MS. McALLISTER', LABEL);
    expectScope(d, 'Ingrid Sæther', LABEL);
  });

  it('trailing parenthetical affiliation belongs to the label', async () => {
    const d = await doc('>> DANA FIELDHOUSE (Regional Registry): Briefly.');
    expectScope(d, 'DANA FIELDHOUSE (Regional Registry)', LABEL);
    expectScope(d, '(Regional Registry)', AFFILIATION);
    expectScope(d, ':', COLON);
  });

  it('a label may end the line', async () => {
    const d = await doc('>> RUTGER BLOM:\nThe text continues on the next line.');
    expectScope(d, 'RUTGER BLOM', LABEL);
    expectNoScope(d, 'The text continues', LABEL);
  });

  it('unlabelled turns do not colour their first words as a label', async () => {
    const d = await doc(['>> Good evening, all.', '>> Good morning.', '   >> Sorry, can you repeat that?', '>>   Lena, go ahead please.'].join('\n'));
    for (const n of ['Good evening', 'Good morning.', 'Sorry', 'Lena']) {
      expectNoScope(d, n, LABEL);
    }
    expectScope(d, '>>', CHEVRON, { line: 2 });
  });

  it('lowercase words before a colon are speech: ">> Note that:", ">> The question is:"', async () => {
    const d = await doc('>> Note that: the vote is tomorrow.\n>> The question is: who pays?\n>> Thanks, everyone: see you.');
    expectNoScope(d, 'Note that', LABEL);
    expectNoScope(d, 'The question is', LABEL);
    expectNoScope(d, 'Thanks, everyone', LABEL);
    expectNoScope(d, 'The question is:', COLON);
  });

  it('colon must be followed by whitespace and the label must start with a letter', async () => {
    const d = await doc('>> POLLS OPEN IN MAY FOR:30 DAYS AND CLOSE AT NOON.\n>> 10:42 is when we resumed.\nThe break ends at 10:42 sharp.');
    expectNoScope(d, 'POLLS OPEN IN MAY FOR', LABEL);
    expectNoScope(d, '10:42', LABEL, { line: 1 });
    expectNoScope(d, '10:42', LABEL, { line: 2 });
  });

  it('at most six words', async () => {
    const d = await doc('>> ONE TWO THREE FOUR FIVE SIX SEVEN: too long for a name.');
    expectNoScope(d, 'ONE TWO', LABEL);
  });

  it('markers and labels standing mid-line in flattened text', async () => {
    const d = await doc('and that is all from me, thank you. >> FACILITATOR: Next, the floor. >>QUINN ABARA: Hello. >> Yes, hello.');
    expectScope(d, '>>', CHEVRON, { occurrence: 0 });
    expectScope(d, 'FACILITATOR', LABEL);
    expectScope(d, 'QUINN ABARA', LABEL);
    expectScope(d, '>>', CHEVRON, { occurrence: 2 });
    expectNoScope(d, 'Yes, hello', LABEL);
    expectNoScope(d, 'and that is all', LABEL);
  });
});

describe('grammar: colon dialect and court style', () => {
  it('NAME: at line start without chevrons', async () => {
    const d = await doc(
      ['ROSÂNGELA VIEIRA: Good afternoon to all.', 'THE COURT: Proceed.', 'Marta Quist: Thank you, Chair.', 'Coordinator: The recording has started.'].join('\n'),
    );
    expectScope(d, 'ROSÂNGELA VIEIRA', LABEL);
    expectScope(d, 'THE COURT', LABEL);
    expectScope(d, 'Marta Quist', LABEL);
    expectScope(d, 'Coordinator', LABEL);
    expectNoScope(d, 'Good afternoon', LABEL);
  });

  it('header-ish words are not labels: Note:, Date:, Subject:, Time:', async () => {
    const d = await doc(['Note: The speaker list changed.', 'Date: 3 March', 'Subject: Budget', 'Time: 14:00', 'NB: Bring the report.'].join('\n'));
    for (const w of ['Note', 'Date', 'Subject', 'Time', 'NB']) {
      expectNoScope(d, w, LABEL);
    }
  });

  it('colon-dialect needs line start: a mid-sentence "Title: x" is speech', async () => {
    const d = await doc('We discussed the item called Budget Review: it passed.');
    expectNoScope(d, 'Budget Review', LABEL);
  });

  it('court Q. / A. lines', async () => {
    const d = await doc('Q. (BY MS. ORTEGA) Where were you?\nA. At home.\nQ. And then?');
    expectScope(d, 'Q', 'entity.name.tag.speaker.examination', { line: 0 });
    expectScope(d, 'A', 'entity.name.tag.speaker.examination', { line: 1 });
    expectScope(d, 'BY MS. ORTEGA', 'entity.other.attribute-name.examiner');
    expectNoScope(d, 'Where were you', LABEL);
  });
});

describe('grammar: annotations', () => {
  const inaudibles = [
    '(inaudible)',
    '[inaudible]',
    '(unintelligible)',
    '(indiscernible)',
    '(INDISCERNIBLE)',
    '(Audio disconnect)',
    '(Audio disconnection)',
    '(Audio cuts out)',
    '(No audio)',
    '(Off microphone)',
    '(off mic)',
    '(Crosstalk)',
    '(Overlapping speakers)',
    '(Lost connection)',
    '[?]',
    '(?)',
    '[ inaudible ]',
    '( Inaudible. )',
    '(inaudible: line noise)',
    '(speaker inaudible)',
  ];
  const sounds = [
    '(Applause)',
    '[ Applause ]',
    '[LAUGHTER]',
    '(Gavel.)',
    '[ Gavel. ]',
    '(Laughter)',
    '(Pause)',
    '(Music)',
    '(Video playing)',
    '(Speaking French)',
    '(Background talking.)',
    '(Break)',
    '(Interpretation)',
    '(static)',
  ];

  it('inaudible markers are scoped as inaudible, inline and standalone', async () => {
    for (const a of inaudibles) {
      const d = await doc(`we were saying ${a} and then\n  ${a}\n${a}.`);
      for (let line = 0; line < 3; line++) {
        expectScope(d, a, INAUDIBLE, { line });
        expectNoScope(d, a, SOUND, { line });
      }
    }
  });

  it('trailing punctuation after an inaudible marker does not stop recognition', async () => {
    const d = await doc('The link dropped (Audio disconnect). We lost them.');
    expectScope(d, '(Audio disconnect)', INAUDIBLE);
  });

  it('sound annotations are scoped as sound, inline and standalone', async () => {
    for (const a of sounds) {
      const d = await doc(`so thank you ${a} yes\n    ${a}\n${a}.`);
      for (let line = 0; line < 3; line++) {
        expectScope(d, a, SOUND, { line });
        expectNoScope(d, a, INAUDIBLE, { line });
      }
    }
  });

  it('inaudible and sound get different scopes', async () => {
    const d = await doc('(inaudible) (Applause)');
    assert.notStrictEqual(innermost(d, '(inaudible)'), innermost(d, '(Applause)'));
  });

  it("captioner's note is a note", async () => {
    const d = await doc("(Captioner's note: the remote speaker's audio is faint)\nand [CAPTIONER'S NOTE: name spelled phonetically] here");
    expectScope(d, "(Captioner's note: the remote speaker's audio is faint)", NOTE);
    expectScope(d, "[CAPTIONER'S NOTE: name spelled phonetically]", NOTE);
  });

  it('ordinary parentheses in speech are not annotations', async () => {
    const d = await doc(
      'We joined the WMO (World Meteorological Organization) in 1990.\nThe budget (as amended) passed and [sic] remains.\n>> HALVARD: The (revised) text, please.',
    );
    for (const p of ['(World Meteorological Organization)', '(as amended)', '[sic]', '(revised)']) {
      expectNoScope(d, p, ANNOTATION);
      expectNoScope(d, p, INAUDIBLE);
      expectNoScope(d, p, NOTE);
    }
  });

  it('an unknown bracketed group standing alone on its line is an annotation', async () => {
    const d = await doc('[ROLL CALL]\n   (Delegates take their seats).\n[3. Report (Second Reading): Parks]');
    expectScope(d, '[ROLL CALL]', ANNOTATION);
    expectScope(d, '(Delegates take their seats)', ANNOTATION);
    expectScope(d, '[3. Report (Second Reading): Parks]', ANNOTATION);
  });

  it('end markers', async () => {
    const d = await doc('(End of session)\n(Session concluded)\n[END]\n(Meeting adjourned at 5:12 p.m.)');
    for (const m of ['(End of session)', '(Session concluded)', '[END]', '(Meeting adjourned at 5:12 p.m.)']) {
      expectScope(d, m, END_MARKER);
    }
  });
});

describe('grammar: dashes, timestamps, header', () => {
  it('dashes --, ‑‑ (U+2011), em dash, spaced en dash', async () => {
    const d = await doc('we need -- sorry, we want \u2011\u2011 no \u2014 rather \u2013 this.\n-- and so on\nfrom 2010\u20132012 and a well-known fact');
    expectScope(d, '--', DASH, { line: 0 });
    expectScope(d, '\u2011\u2011', DASH);
    expectScope(d, '\u2014', DASH);
    expectScope(d, '\u2013', DASH, { line: 0 });
    expectScope(d, '--', DASH, { line: 1 });
    expectNoScope(d, '\u2013', DASH, { line: 2 });
    expectNoScope(d, 'well-known', DASH);
  });

  it('timestamps on their own line', async () => {
    const d = await doc('[00:14:05]\n[10:32]\n10:32 AM\n  9:05 p.m.\nWe start at 10:32 AM today.');
    expectScope(d, '00:14:05', TIMESTAMP);
    expectScope(d, '00:14:05', TIMESTAMP_LINE);
    expectScope(d, '10:32', TIMESTAMP, { line: 1 });
    expectScope(d, '10:32 AM', TIMESTAMP, { line: 2 });
    expectScope(d, '9:05 p.m.', TIMESTAMP);
    expectNoScope(d, '10:32 AM', TIMESTAMP, { line: 4 });
    expectNoScope(d, '[10:32]', ANNOTATION, { line: 1 });
  });

  it('asterisk fences, including glued ones', async () => {
    const d = await doc('***\n* * *\n* * ** * *\n********\nnot an authoritative record.* * *');
    expectScope(d, '***', FENCE, { line: 0 });
    expectScope(d, '* * *', FENCE, { line: 1 });
    expectScope(d, '* * ** * *', FENCE);
    expectScope(d, '********', FENCE);
    expectScope(d, '* * *', FENCE, { line: 4 });
  });

  it('provider blocks', async () => {
    const d = await doc('RAW FILE\nFINISHED FILE\nRAW COPY\nCaptioning services provided by:\nServices Provided By: Example Captions LLC');
    for (const p of ['RAW FILE', 'FINISHED FILE', 'RAW COPY']) {
      expectScope(d, p, PROVIDER);
    }
    expectScope(d, 'Services Provided By', PROVIDER);
    expectNoScope(d, 'Services Provided By', LABEL);
  });

  it('disclaimer families are comments', async () => {
    const samples = [
      'The following is the output of the real-time captioning taken during the Harbour District Forum.',
      'Note: The following is the output of the real-time captioning taken during the Spring Assembly.',
      'The following are the outputs of the captioning taken during a community webinar.',
      'The following is the un-edited raw output of the real\u2011time captioning taken during the hearing.',
      'This text is being provided in a rough draft format.',
      'This is being provided in a rough-draft format.',
      'Communication Access Realtime Translation (CART) is provided to support access and may not be a verbatim record of the proceedings.',
      'This text, document, or file is based on live transcription.',
    ];
    for (const s of samples) {
      const d = await doc(s);
      expectScope(d, s, DISCLAIMER);
      expectNoScope(d, s, LABEL);
    }
  });

  it('a hard-wrapped disclaimer stays a comment across lines and ends before the first turn', async () => {
    const d = await doc(
      [
        'The following is the output of the real-time captioning taken during the',
        'Lakeside Community Meeting. It may contain errors and is offered as an aid,',
        'not as an authoritative record.',
        '>>HOST ARDEN: Welcome, everyone.',
        'Second paragraph of speech.',
      ].join('\n'),
    );
    expectScope(d, 'Lakeside Community Meeting', DISCLAIMER);
    expectScope(d, 'not as an authoritative record.', DISCLAIMER);
    expectScope(d, 'HOST ARDEN', LABEL);
    expectNoScope(d, 'Welcome', DISCLAIMER);
    expectNoScope(d, 'Second paragraph', DISCLAIMER);
  });

  it('a disclaimer ends at its closing phrase, even mid-line', async () => {
    const d = await doc(
      'Note: The following is the output of the real-time captioning taken during the Riverside Hearing. It is offered as an aid, but should not be treated as an authoritative record. Good morning and welcome to the hearing.',
    );
    expectScope(d, 'It is offered as an aid', DISCLAIMER);
    expectNoScope(d, 'Good morning and welcome', DISCLAIMER);
    expectNoScope(d, 'Note', LABEL);
  });

  it('a disclaimer ends at a blank line, a fence or a turn even without its closing phrase', async () => {
    const d = await doc(
      ['This text is being provided in a rough draft format and', '', 'Plain title line', 'This is being provided in a rough-draft format ***', '>> VEDA: Hi.'].join('\n'),
    );
    expectNoScope(d, 'Plain title line', DISCLAIMER);
    expectScope(d, '***', FENCE);
    expectScope(d, 'VEDA', LABEL);
  });

  it('a flattened header: disclaimer, fence and first turn on one line', async () => {
    const d = await doc(
      'FINISHED FILE TOWN HALL ***** This is being provided in a rough-draft format. Communication Access Realtime Translation (CART) is provided for access and may not be a totally verbatim record of the proceedings. **** >> ILSE VANDAMME: Good evening.',
    );
    expectScope(d, 'FINISHED FILE', PROVIDER);
    expectScope(d, '*****', FENCE);
    expectScope(d, 'may not be a totally verbatim record of the proceedings.', DISCLAIMER);
    expectNoScope(d, '(CART)', ANNOTATION);
    expectScope(d, 'ILSE VANDAMME', LABEL);
    expectNoScope(d, 'Good evening', DISCLAIMER);
  });
});

describe('grammar: robustness', () => {
  it('tokenizes a 200 KB flattened line quickly and completely', async () => {
    const unit = 'and so we agreed -- (Applause) -- thank you. >> ADA KOVAČ:  Next item (inaudible) please. >> Yes. [ Laughter ] The WHO (World Health Organization) said: fine. ';
    const line = unit.repeat(Math.ceil(200_000 / unit.length));
    const t0 = Date.now();
    const d = await doc(line);
    const ms = Date.now() - t0;
    assert.strictEqual(d.lines[0].stoppedEarly, false);
    assert.ok(ms < 5000, `took ${ms} ms`);
    const labels = d.lines[0].tokens.filter((t) => t.scopes.some((s) => s.startsWith(LABEL + '.'))).length;
    assert.ok(labels >= Math.floor(line.length / unit.length), `only ${labels} labels found`);
  });

  it('pathological lines stay linear', async () => {
    const n = 100_000;
    for (const line of [
      '('.repeat(n),
      '[ '.repeat(n / 2),
      '>> '.repeat(n / 3),
      '>>'.repeat(n / 2),
      'ABC '.repeat(n / 4),
      '* '.repeat(n / 2),
      '(applause '.repeat(n / 10),
      ' '.repeat(n) + '(x)',
      'Abc '.repeat(n / 4) + ':',
    ]) {
      const t0 = Date.now();
      const d = await doc(line);
      const ms = Date.now() - t0;
      assert.strictEqual(d.lines[0].stoppedEarly, false);
      assert.ok(ms < 3000, `${JSON.stringify(line.slice(0, 12))}… took ${ms} ms`);
    }
  });

  it('CRLF input and a UTF-8 BOM do not disturb labels', async () => {
    const d = await doc('\ufeff>> NOOR HADDAD: Hello.\r\n>> NOOR HADDAD: Again.\r\n');
    expectScope(d, 'NOOR HADDAD', LABEL, { line: 0 });
    expectScope(d, 'NOOR HADDAD', LABEL, { line: 1 });
  });
});

describeWithCorpus('grammar: real transcripts in ../shared/corpus', function () {
  this.timeout(120_000);

  const files = fs.existsSync(CORPUS_DIR)
    ? fs
        .readdirSync(CORPUS_DIR)
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];

  it('finds the corpus', () => {
    assert.ok(files.length >= 80, `expected the corpus in ${CORPUS_DIR}, found ${files.length} .txt files`);
  });

  it('tokenizes every corpus file completely and quickly', async () => {
    for (const f of files) {
      const text = fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8');
      const t0 = Date.now();
      const d = await tokenize(text);
      const ms = Date.now() - t0;
      assert.ok(ms < 2000, `${f} took ${ms} ms`);
      assert.ok(
        d.lines.every((l) => !l.stoppedEarly),
        `${f} stopped early`,
      );
    }
  });

  it('every label token starts with a letter and never swallows the colon', async () => {
    for (const f of files) {
      const d = await tokenize(fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8'));
      for (const l of d.lines) {
        for (const t of l.tokens) {
          if (t.scopes.some((s) => s.startsWith(LABEL + '.') && !s.includes('examination')) && !t.scopes.some((s) => s.startsWith(AFFILIATION))) {
            assert.ok(!t.text.includes(':'), `${f}: label token ${JSON.stringify(t.text)} contains a colon`);
          }
        }
        const first = l.tokens.find((t) => t.scopes.some((s) => s.startsWith(LABEL + '.')));
        if (first && first.text.trim()) {
          assert.match(first.text.trim(), /^\p{L}/u, `${f}: label ${JSON.stringify(first.text)} does not start with a letter`);
        }
      }
    }
  });

  it('every line-start ">>NAME:" / ">> NAME:" in ALL CAPS is scoped as a label', async () => {
    const re = /^[ \t]*>{1,2}[ \t]*(\p{Lu}[\p{Lu}\p{M}.'\u2019\-\u2011]*(?: [\p{Lu}\p{M}.'\u2019\-\u2011]+){0,4}):\s/u;
    let checked = 0;
    for (const f of files) {
      const text = fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8');
      const d = await tokenize(text);
      d.lines.forEach((l, line) => {
        const m = re.exec(l.text);
        if (m) {
          checked++;
          const scopes = d.scopesOf(line, m[1] + ':');
          assert.ok(allHave(scopes.slice(0, -1), LABEL), `${f}:${line + 1} ${JSON.stringify(m[1])}\n      ${dump(d, line, m[1] + ':')}`);
        }
      });
    }
    assert.ok(checked > 100, `only ${checked} labelled lines checked`);
  });

  it('001: glued >>CHAIRMAN DESAI: (indented by one space)', async () => {
    const d = await corpusDoc('001-');
    const line = lineOf(d, '>>CHAIRMAN DESAI:');
    expectScope(d, 'CHAIRMAN DESAI', LABEL, { line });
    expectScope(d, '>>', CHEVRON, { line });
    expectScope(d, 'authoritative record.', DISCLAIMER);
  });

  it('004 (flattened): mid-line >>CHAIRMAN DESAI: and (Gavel.)', async () => {
    const d = await corpusDoc('004-');
    const line = lineOf(d, '(Gavel.) >>CHAIRMAN DESAI:');
    const text = d.lines[line].text;
    const occurrence = text.split('>>CHAIRMAN DESAI:').length - 2; // the last one on the line
    expectScope(d, 'CHAIRMAN DESAI', LABEL, { line, occurrence });
    expectScope(d, '(Gavel.)', SOUND, { line });
  });

  it('005: accented colon-dialect label HELOISA MAGALHÃES', async () => {
    const d = await corpusDoc('005-');
    expectScope(d, 'HELOISA MAGALHÃES', LABEL);
  });

  it('011: DEPUTY SECRETARY-GENERAL ZHAO; [ Gavel ] as sound', async () => {
    const d = await corpusDoc('011-');
    expectScope(d, 'DEPUTY SECRETARY-GENERAL ZHAO', LABEL);
    expectScope(d, '[ Gavel ]', SOUND);
  });

  it('013: disclaimer with a glued closing fence', async () => {
    const d = await corpusDoc('013-');
    const line = lineOf(d, 'record.* * *');
    expectScope(d, 'authoritative record.', DISCLAIMER, { line });
    expectScope(d, '* * *', FENCE, { line, occurrence: 0 });
    expectNoScope(d, '* * *', DISCLAIMER, { line });
  });

  it('015: [ Applause ] as sound, * * ** * * fence', async () => {
    const d = await corpusDoc('015-');
    expectScope(d, '[ Applause ]', SOUND);
    expectScope(d, '* * ** * *', FENCE);
  });

  it('027: -- (Applause) -- inline', async () => {
    const d = await corpusDoc('027-');
    const line = lineOf(d, '-- (Applause) --');
    expectScope(d, '(Applause)', SOUND, { line });
    expectScope(d, '--', DASH, { line });
  });

  it('028: indented >> ANDREA SAKS: and (Background talking.)', async () => {
    const d = await corpusDoc('028-');
    expectScope(d, 'ANDREA SAKS', LABEL, { line: lineOf(d, '>> ANDREA SAKS:') });
    expectScope(d, '(Background talking.)', SOUND);
  });

  it('031: mixed-case label Osman Nuri Ucan; U+2011 inside the disclaimer', async () => {
    const d = await corpusDoc('031-');
    expectScope(d, 'Osman Nuri Ucan', LABEL);
    expectScope(d, 'real\u2011time captioning', DISCLAIMER);
  });

  it('037: unlabelled turns are not labels', async () => {
    const d = await corpusDoc('037-');
    const line = d.lines.findIndex((l) => /^>> [A-Z][a-z]+[ ,.]/.test(l.text));
    assert.ok(line >= 0, 'no unlabelled ">> Word" line found');
    const word = d.lines[line].text.slice(3).split(/[ ,.]/)[0];
    expectNoScope(d, word, LABEL, { line });
    expectScope(d, '>>', CHEVRON, { line });
  });

  it('043: (?) is an inaudible marker', async () => {
    const d = await corpusDoc('043-');
    expectScope(d, '(?)', INAUDIBLE);
  });

  it('056: single-chevron >BILL PECHEY:', async () => {
    const d = await corpusDoc('056-');
    expectScope(d, 'BILL PECHEY', LABEL, { line: lineOf(d, '>BILL PECHEY:') });
  });

  it('058: RAW COPY provider block and ******** fence', async () => {
    const d = await corpusDoc('058-');
    expectScope(d, 'RAW COPY', PROVIDER);
    expectScope(d, '********', FENCE);
    expectScope(d, 'rough draft format', DISCLAIMER);
  });

  it('077: THE COURT: colon dialect and Q. / A.', async () => {
    const d = await corpusDoc('077-');
    expectScope(d, 'THE COURT', LABEL, { line: lineOf(d, 'THE COURT:') });
    const q = d.lines.findIndex((l) => l.text.startsWith('Q. '));
    assert.ok(q >= 0);
    expectScope(d, 'Q', 'entity.name.tag.speaker.examination', { line: q });
  });

  it('080: (INDISCERNIBLE) is inaudible, [00:02:21] a timestamp, OCTOBER FOR:24 not a label', async () => {
    const d = await corpusDoc('080-');
    expectScope(d, '(INDISCERNIBLE)', INAUDIBLE);
    expectScope(d, '00:02:21', TIMESTAMP);
    const line = lineOf(d, 'OCTOBER FOR:24');
    expectNoScope(d, 'OCTOBER FOR', LABEL, { line });
    expectScope(d, '>>', CHEVRON, { line });
  });
});

describe('language-configuration.json', () => {
  const conf = JSON.parse(fs.readFileSync(LANGUAGE_CONFIGURATION_PATH, 'utf8'));

  /** Compile wordPattern the way VS Code does (string → no flags; { pattern, flags } → those flags), plus 'g'. */
  function wordRegExp(): RegExp {
    const wp = conf.wordPattern;
    const base = typeof wp === 'string' ? new RegExp(wp, '') : new RegExp(wp.pattern, wp.flags);
    let flags = 'g';
    if (base.ignoreCase) flags += 'i';
    if (base.multiline) flags += 'm';
    if (base.unicode) flags += 'u';
    return new RegExp(base.source, flags);
  }

  it('brackets and auto-closing pairs for () and [] and double quotes; no comments', () => {
    assert.deepStrictEqual(conf.brackets, [
      ['(', ')'],
      ['[', ']'],
    ]);
    const pairs = conf.autoClosingPairs.map((p: { open: string; close: string }) => p.open + p.close);
    for (const p of ['()', '[]', '""']) {
      assert.ok(pairs.includes(p), `missing auto-closing pair ${p}`);
    }
    assert.strictEqual(conf.comments, undefined);
  });

  it("wordPattern keeps names whole: O'NEILL, O’NEILL, SECRETARY-GENERAL, SECRETARY‑GENERAL, MAGALHÃES", () => {
    const re = wordRegExp();
    for (const w of ["O'NEILL", 'O\u2019NEILL', 'SECRETARY-GENERAL', 'SECRETARY\u2011GENERAL', 'MAGALHÃES', 'SÉRGIO', 'BÄR', "don't"]) {
      re.lastIndex = 0;
      const text = `>> ${w}: hi`;
      const words = text.match(re);
      assert.ok(words && words.includes(w), `${JSON.stringify(w)} split into ${JSON.stringify(words)}`);
    }
  });

  it('wordPattern still separates words at spaces, colons, dashes and brackets', () => {
    const re = wordRegExp();
    assert.deepStrictEqual('>>ANNA: yes -- no (Applause) 3.5'.match(re), ['ANNA', 'yes', 'no', 'Applause', '3.5']);
  });
});
