// Deterministic synthetic caption transcripts for the benchmark, in the style of the real corpus
// (see ../shared/corpus/CONVENTIONS.md) but built only from invented names and vocabulary: a header
// with a disclaimer between fences, labelled and unlabelled `>>` turns, annotations in the three
// bracket styles, inaudible markers, cut-off turns, lost dashes, stutters, occasional flattened
// turns and timestamps. Large sizes concatenate several sessions, like an archive joined for search.
import { SeededRandom } from './random';

const GIVEN = [
  'ORLA',
  'TOMAS',
  'NERYS',
  'BALDWIN',
  'KESTRA',
  'IMRE',
  'SOLVEIG',
  'ADAKU',
  'PERRIN',
  'YUSRA',
  'MATTEO',
  'HALINA',
  'OSKAR',
  'RENÉE',
  'DAVIT',
  'ILSE',
  'KOFI',
  'MAËLLE',
  'TARIQ',
  'VESNA',
];
const FAMILY = [
  'BRENNICK',
  'VELLARD',
  'OKONKWO-HALE',
  'ASHGROVE',
  'MARTELL',
  'QUILLAN',
  "O'DARROW",
  'FENWICK',
  'SZABÓ',
  'LINDQVIST',
  'ABARA',
  'TREMAINE',
  'KOVAČ',
  'DUNMORE',
  'HAVILAND',
  'ESTEVÃO',
  'RAINFORD',
  'MBEKI-LOWE',
  'CARRADINE',
  'WOLSTAN',
];
const TITLES = ['DR.', 'MS.', 'MR.', 'H.E. AMBASSADOR', 'PROFESSOR', 'COUNCILLOR', 'CHAIR'];
const ROLES = ['MODERATOR', 'AUDIENCE', 'SECRETARIAT', 'RAPPORTEUR', 'ANNOUNCER', 'FLOOR'];
const ORGANISATIONS = ['TIDEWATCH', 'NORTH SHOAL NETWORK', 'HARBOUR DATA TRUST', 'LUNHAVEN UNIVERSITY'];
const PLACES = ['Velmora', 'Tarnsey', 'Oskebridge', 'Lunhaven', 'Corrib Point', 'Marrowdeep', 'Saltholm'];
const EVENTS = ['REGIONAL ASSEMBLY ON OPEN WATER DATA', 'COASTAL ACCESS FORUM', 'HARBOUR COMMONS PLENARY', 'TIDE REGISTRY REVIEW MEETING', 'OPEN SHORELINE WORKSHOP'];
const SESSIONS = [
  'Opening Plenary',
  'Main Session: Shared Buoy Catalogue',
  'Open Consultations, Day 2',
  'Closing Ceremony',
  'Workshop 14: Captioning the Coast',
  'Town Hall on Mooring Consent',
];

const SUBJECTS = [
  'the working group',
  'our delegation',
  'the regional hubs',
  'the tide registry',
  'small island networks',
  'the review panel',
  'the secretariat',
  'the fellows programme',
  'our civil society partners',
  'the coastal observatories',
  'everybody in this room',
  'the drafting committee',
];
const VERBS = [
  'has looked closely at',
  'needs to revisit',
  'will publish',
  'cannot yet support',
  'would like to strengthen',
  'has been mapping',
  'should share',
  'is still drafting',
  'wants to simplify',
  'has asked about',
];
const OBJECTS = [
  'the open mooring data',
  'the harbour consent rules',
  'the shared buoy catalogue',
  'the translation budget',
  'the capacity clinics',
  'the draft charter',
  'the accessibility checklist',
  'the ledger of survey vessels',
  'the remote hub schedule',
  'the list of speakers',
];
const TAILS = [
  'before the next plenary',
  'across the northern districts',
  'in all six working languages',
  'with the remote participants',
  'by the end of the year',
  'for the smaller delegations',
  'as we agreed in {PLACE}',
  'and I think that matters',
  '',
];
const OPENERS = [
  'Thank you very much, Chair.',
  'Good morning, everyone.',
  'Can everybody hear me?',
  'Thank you, {NAME}.',
  'Yes, thank you.',
  'Okay.',
  'Hello from {PLACE}.',
  'Right, so.',
];
const QUESTIONS = [
  'Do we have {NAME} on the line?',
  'Is there anyone else who wants the floor?',
  'Could we see the slides, please?',
  'Is the remote hub in {PLACE} with us?',
  'Can I ask a quick question about the timeline?',
];
const HANDOVERS = ['Let me give the floor to {NAME}.', '{NAME}, please go ahead.', 'I see {NAME} has a hand up.', 'Over to you, {NAME}.'];
const STANDALONE_ANNOTATIONS = [
  '(Applause).',
  '(Applause)',
  '[ Applause ]',
  '[ Laughter ]',
  '[LAUGHTER]',
  '(Pause)',
  '(Background talking.)',
  '(Gavel.)',
  '[ Gavel ]',
  '(Music playing).',
  '(off microphone)',
  '(Standing by).',
];
const INLINE_INAUDIBLE = ['(inaudible)', '(Inaudible).', '[indiscernible]', '(off microphone)', '[?]', '(Audio disconnect)', '(crosstalk)'];

interface SessionStyle {
  glued: boolean;
  indent: string;
  colonSpaces: string;
  sentenceSpace: string;
  wrapColumns: number;
  blankBetweenTurns: boolean;
  dash: string;
  apostrophe: string;
  trailingSpaces: boolean;
  timestampsEvery: number;
}

function styleFor(random: SeededRandom): SessionStyle {
  return {
    glued: random.chance(0.15),
    indent: random.chance(0.1) ? ' '.repeat(random.int(1, 4)) : '',
    colonSpaces: ' '.repeat(random.pick([1, 1, 2, 2, 3])),
    sentenceSpace: random.chance(0.6) ? '  ' : ' ',
    wrapColumns: random.chance(0.15) ? random.int(70, 90) : 0,
    blankBetweenTurns: random.chance(0.7),
    dash: random.chance(0.2) ? '\u2011\u2011' : '--',
    apostrophe: random.chance(0.15) ? '\u2019' : "'",
    trailingSpaces: random.chance(0.3),
    timestampsEvery: random.chance(0.1) ? random.int(20, 60) : 0,
  };
}

function castFor(random: SeededRandom): string[] {
  const cast: string[] = [random.chance(0.5) ? 'MODERATOR' : `CHAIR ${random.pick(FAMILY)}`];
  const size = random.int(6, 14);
  while (cast.length < size) {
    const given = random.pick(GIVEN);
    const family = random.pick(FAMILY);
    const form = random.next();
    if (form < 0.55) cast.push(`${given} ${family}`);
    else if (form < 0.75) cast.push(`${random.pick(TITLES)} ${family}`);
    else if (form < 0.85) cast.push(`${given} ${family} (${random.pick(ORGANISATIONS)})`);
    else cast.push(random.pick(ROLES));
  }
  return cast;
}

/** How a label is spoken of in running text: `ORLA BRENNICK (TIDEWATCH)` → `Orla`. */
function addressName(label: string): string {
  const word =
    label
      .replace(/\(.*\)/, '')
      .trim()
      .split(' ')
      .filter((w) => !TITLES.some((t) => t.split(' ').includes(w)))[0] ?? label;
  return word.charAt(0) + word.slice(1).toLowerCase();
}

class SpeechWriter {
  constructor(
    private readonly random: SeededRandom,
    private readonly style: SessionStyle,
    private readonly cast: readonly string[],
  ) {}

  fill(template: string): string {
    return template.replace('{NAME}', addressName(this.random.pick(this.cast))).replace('{PLACE}', this.random.pick(PLACES));
  }

  sentence(): string {
    const r = this.random.next();
    if (r < 0.08) return this.fill(this.random.pick(OPENERS));
    if (r < 0.14) return this.fill(this.random.pick(QUESTIONS));
    let words = `${this.random.pick(SUBJECTS)} ${this.random.pick(VERBS)} ${this.random.pick(OBJECTS)} ${this.fill(this.random.pick(TAILS))}`.trim().split(' ');
    if (this.random.chance(0.05)) words.splice(this.random.int(1, words.length - 1), 0, this.style.dash, 'I mean,');
    if (this.random.chance(0.01)) {
      const at = this.random.int(0, words.length - 1);
      words.splice(at, 0, words[at]); // a stutter: `the the`
    }
    if (this.random.chance(0.02)) words.splice(this.random.int(1, words.length - 1), 0, this.random.pick(INLINE_INAUDIBLE));
    if (this.random.chance(0.01)) words.splice(this.random.int(1, words.length - 1), 0, `${this.style.dash} (Applause) ${this.style.dash}`);
    if (this.random.chance(0.05)) words = ["It's", 'clear', 'that', ...words];
    let sentence = words.join(' ');
    sentence = sentence.charAt(0).toUpperCase() + sentence.slice(1) + (this.random.chance(0.1) ? '?' : '.');
    if (this.random.chance(0.015)) sentence = this.loseDash(sentence, ' '.repeat(this.random.int(3, 4)));
    else if (this.random.chance(0.01)) sentence = this.loseDash(sentence, '  ');
    return sentence.replace(/'/g, this.style.apostrophe);
  }

  /** A dash the captioner wrote that did not survive: only its spaces are left between two words. */
  private loseDash(sentence: string, gap: string): string {
    const spaces = [...sentence.matchAll(/(?<=\w) (?=\w)/g)].map((m) => m.index);
    return spaces.length === 0 ? sentence : ((at) => sentence.slice(0, at) + gap + sentence.slice(at + 1))(this.random.pick(spaces));
  }

  paragraph(sentences: number): string {
    const parts: string[] = [];
    for (let i = 0; i < sentences; i++) parts.push(this.sentence());
    return parts.join(this.style.sentenceSpace);
  }

  /** The last sentence stops mid-phrase: no closing punctuation, or a trailing dash. */
  cutOff(paragraph: string): string {
    const words = paragraph.replace(/[.?]$/, '').split(' ');
    const kept = words.slice(0, Math.max(1, words.length - this.random.int(1, 4))).join(' ');
    return this.random.chance(0.35) ? `${kept} ${this.style.dash}` : kept;
  }
}

function wrap(line: string, columns: number): string {
  if (columns === 0 || line.length <= columns) return line;
  const lines: string[] = [];
  let rest = line;
  while (rest.length > columns) {
    const at = rest.lastIndexOf(' ', columns);
    if (at <= 0) break;
    lines.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  lines.push(rest);
  return lines.join('\n');
}

function clock(seconds: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `[${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}]`;
}

function header(random: SeededRandom, day: number): string {
  const fence = random.pick(['* * *', '***', '********', '* * ** * *']);
  return [
    random.pick(EVENTS),
    `${random.pick(SESSIONS)}, ${random.pick(PLACES)}, day ${day}`,
    '',
    fence,
    'This text is the raw output of live captioning provided to make the session accessible.  It may contain errors and gaps and is not an authoritative record of the proceedings.',
    fence,
    '',
  ].join('\n');
}

export interface GenerateOptions {
  seed: number;
  /** Target size in UTF-8 bytes; generation stops at the first turn boundary past it. */
  bytes: number;
  /** Size of one session before the next one's header starts; by default 0.6 to 1.4 MB. */
  sessionBytes?: number;
}

export function generateTranscript({ seed, bytes, sessionBytes }: GenerateOptions): string {
  const random = new SeededRandom(seed);
  const chunks: string[] = [];
  let total = 0;
  const emit = (chunk: string) => {
    chunks.push(chunk);
    total += Buffer.byteLength(chunk, 'utf8');
  };
  for (let day = 1; total < bytes; day++) {
    const style = styleFor(random);
    const cast = castFor(random);
    const writer = new SpeechWriter(random, style, cast);
    const sessionEnd = total + (sessionBytes ?? random.int(600_000, 1_400_000));
    const separator = style.blankBetweenTurns ? '\n\n' : '\n';
    const trailing = () => (style.trailingSpaces && random.chance(0.3) ? '  ' : '');
    emit(header(random, day));
    let seconds = random.int(0, 3600);
    for (let turn = 0; total < bytes && total < sessionEnd; turn++) {
      seconds += random.int(5, 90);
      if (style.timestampsEvery > 0 && turn % style.timestampsEvery === 0) emit(`${clock(seconds)}${separator}`);
      if (random.chance(0.04)) emit(`${style.indent}${random.pick(STANDALONE_ANNOTATIONS)}${separator}`);
      const marker = `${style.indent}>>`;
      const kind = random.next();
      if (kind < 0.01) {
        emit(`${marker}${separator}`); // an empty turn: the captioner hit the marker and the speaker never came
        continue;
      }
      const labelled = kind < 0.75;
      let label = labelled ? random.pick(cast) : '';
      if (labelled && random.chance(0.01) && label.length > 6) {
        const at = random.int(1, label.length - 2);
        label = label.slice(0, at) + label.slice(at + 1); // a typo in a recurring label
      }
      const opening = labelled ? `${marker}${style.glued ? '' : ' '}${label}:${style.colonSpaces}` : `${marker}${random.chance(0.05) ? '   ' : ' '}`;
      const paragraphs: string[] = [];
      const paragraphCount = random.chance(0.7) ? 1 : random.int(2, 4);
      for (let p = 0; p < paragraphCount; p++) paragraphs.push(writer.paragraph(random.chance(0.2) ? random.int(5, 12) : random.int(1, 4)));
      if (random.chance(0.08)) paragraphs.push(writer.cutOff(paragraphs.pop()!));
      else if (random.chance(0.05)) paragraphs[paragraphs.length - 1] += `${style.sentenceSpace}${writer.sentence().replace(/[.?]$/, '')} ${random.pick(INLINE_INAUDIBLE)}`;
      // eslint-disable-next-line no-dupe-else-if -- each chance() draws anew: not the same condition
      else if (random.chance(0.08)) paragraphs.push(writer.fill(random.pick(HANDOVERS)));
      const body = paragraphs.map((paragraph, i) => wrap((i === 0 ? opening : style.indent) + paragraph, style.wrapColumns) + trailing()).join('\n\n');
      // A few turns lose the line break before them, as in text pasted from a web page.
      if (turn > 0 && random.chance(0.005)) {
        const previous = chunks[chunks.length - 1];
        chunks[chunks.length - 1] = `${previous.trimEnd()} `;
        total += Buffer.byteLength(chunks[chunks.length - 1], 'utf8') - Buffer.byteLength(previous, 'utf8');
      }
      emit(body + separator);
    }
  }
  return chunks.join('');
}
