// Who said it: for a turn with no label, the speaker when the text makes it clear. The evidence a
// careful reader uses: the turn introduces its speaker in its first sentences ("Good morning. I'm Ana
// Ruiz.", "My name's Ana", "Ana from the county library."); the previous turn hands over by name
// ("Thomas, would you like to ...?", "Tyler?", "Thank you, Ana. Could you now tell us ...") or
// announces the speaker ("Please welcome our chair, Dr. Ana Ruiz."); or the next turn answers the
// speaker by name ("Thank you for that answer, Thomas.", "I want to second what Shu said").
// Precision matters more than recall: any doubt (a name that could be a word, two matching labels,
// evidence that disagrees) gives no suggestion.
import { bmpClass } from './bmpClasses';
import { inFileCase, LabelStyleTally, type LabelStyle } from './speakers/labelStyle';
import type { Span, Transcript, Turn } from './model';
import { runSteps } from './steps';
import { SpeakerGroupsBuilder, type SpeakerGroup } from './speakers/speakerStats';
import { speakerKey } from './speakers/speakers';

export type Evidence = 'self-introduction' | 'handover' | 'announcement' | 'thanks' | 'reply';

export interface LabelSuggestion {
  turn: number;
  /** The label to write, in the file's case; an existing label of the file when one matches the name. */
  label: string;
  evidence: Evidence;
  /** The words that name the speaker: in the turn, the previous turn or the next one. */
  evidenceSpan: Span;
}

/** A pattern fragment matching the phrase in any case, without the `i` flag (which would let `\p{Lu}` match lower case). */
function anyCase(phrase: string): string {
  return phrase.replace(/\p{L}/gu, (letter) => `[${letter.toLowerCase()}${letter.toUpperCase()}]`);
}

// Letter classes as plain ranges: each pattern below names letters up to ten times (bmpClasses.ts).
const UPPER = `[${bmpClass('Lu')}]`;
const LOWER = `[${bmpClass('Ll')}]`;
const LETTER = `[${bmpClass('L')}]`;
const LETTERS_AND_MARKS = bmpClass('L') + bmpClass('M');
// A name word: Capitalised (`Ana`, `O'Neill`, `Jean-Luc`, `tori‑Cory` after a hyphen) or ALL CAPS in an ALL CAPS text.
const NAME_WORD = String.raw`(?:${UPPER}[${LETTERS_AND_MARKS}'\u2019]*(?:[\u2010\u2011-]${LETTER}[${LETTERS_AND_MARKS}'\u2019]*)*|${LOWER}+[\u2010\u2011-]${UPPER}[${LETTERS_AND_MARKS}]*)`;
const PARTICLE = String.raw`(?:de|da|del|della|di|do|dos|du|la|le|van|von|der|den|bin|ibn|al|el)`;
const HONORIFIC = String.raw`(?:(?:Mr|Mrs|Ms|Dr|Prof|Mister|Madam|Madame|Professor|Ambassador|Minister|Senator|Commissioner|Judge|Sir|Dame|MR|MRS|MS|DR)\.?\s+)`;
// One to four name words, particles allowed inside: `Ana de la Cruz`, `Mr. Jomo Kwame Sundaram`.
const NAME = String.raw`${HONORIFIC}?(${NAME_WORD}(?:\s+(?:${PARTICLE}\s+){0,2}${NAME_WORD}){0,3})`;
// What may follow a name that ends a phrase: punctuation, the end, or a word that cannot continue a name.
const NAME_END = String.raw`(?=\s*(?:[.,;:!?)\u2014]|--|\u2011\u2011|$)|\s+(?:${anyCase('and|from|with|of|at|here|speaking|for|to|on')})\b)`;

const SELF_INTRODUCTIONS: readonly RegExp[] = [
  new RegExp(String.raw`\b${anyCase('my name')}(?:\s+${anyCase('is')}|'s|\u2019s)\s+${NAME}${NAME_END}`, 'u'),
  // `I'm Ana Ruiz from ...` needs the `from`/`with`/... or a comma: `I'm Sorry.` or `I'm Canadian.` must not match.
  new RegExp(String.raw`\bI(?:'|\u2019|\s+${anyCase('a')})${anyCase('m')}\s+${NAME}(?=\s*,|\s+(?:${anyCase('from|with|of|at|representing|speaking|here')})\b)`, 'u'),
  new RegExp(
    String.raw`\b${anyCase('this is')}\s+${NAME}(?=\s+(?:${anyCase('speaking|here|from|with|on the line|on the phone')})\b|\s*[,.!]\s*(?:I(?:'|\u2019)m|I am|${anyCase('speaking|from|with')})\b)`,
    'u',
  ),
];
// `This is Titti.` or `It's Xiaoya here` only at the very start of a turn (after a greeting): later in
// speech `this is Geneva.` describes something.
const GREETING = anyCase('hello|hi|hey|good morning|good afternoon|good evening|yes|yeah|okay|ok|sorry');
const OPENING_INTRODUCTION = new RegExp(
  String.raw`^(?:(?:${GREETING})\b[^.?!]{0,30}?[,.!]?\s*)?(?:${anyCase("this is|it's|it\u2019s|it is")})\s+${NAME}(?=\s*(?:[.!,]|$)|\s+(?:${anyCase('here|speaking')})\b)`,
  'u',
);

// In a turn's first sentences only, where a speaker says who they are: `I'm Kaeti Hinck.`, `I'm Kate and
// I would like...`, `I am Irene - ...`; later in a turn `I'm Canadian.` says something else.
const OPENING_SELF_INTRODUCTION = new RegExp(
  String.raw`\bI(?:'|\u2019|\s+${anyCase('a')})${anyCase('m')}\s+${NAME}(?=\s*[.!;]|\s+${anyCase('and')}\b|\s*(?:-|\u2013|\u2014)\s)`,
  'u',
);
// The opening names the speaker and where they come from: `Jesse from Facebook.`, `Yes, Jason Williams,
// software engineer at Bloomberg.`, `Dana, city clerk's office.`
const OPENING_NAME_AND_PLACE = new RegExp(
  String.raw`^(?:(?:${GREETING})\b[,.!]?\s+(?:(?:${anyCase('everybody|everyone|all|there')})[,.!]?\s+)?)?${NAME}(?:\s+(?:${anyCase('from|with')})\s+(?:${anyCase('the')}\s+)?${LETTER}|,\s+(?:(?:${anyCase('a|an|the')})\s+)?(?:[${bmpClass('Ll')}'\u2019-]+\s+){0,4}(?:${anyCase('at|from|with|of|for')})\s+${UPPER}|,\s+(?:[${bmpClass('Ll')}'\u2019-]+\s+){0,3}(?:${anyCase('office|department|council|board|committee|library|team|university|school|association|foundation|company|group|agency|commission')})\b)`,
  'u',
);
// Where a chair calls the next speaker by name alone, ending the turn: `Anyone else? Tyler?`
const CALLED_BY_NAME = new RegExp(String.raw`(?:^|[.?!]\s+)${NAME}\?\s*$`, 'u');

const HANDOVERS: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:${anyCase('give|giving|pass|passing|hand|handing|turn|turning')})\s+(?:(?:${anyCase('it|the floor|the mic|the microphone')})\s+)?(?:(?:${anyCase('now|over|back')})\s+)?${anyCase('to')}\s+${NAME}${NAME_END}`,
    'u',
  ),
  // `Jan's going to tell you all about that.`, `And Sam will talk about that.`
  new RegExp(
    String.raw`(?:^|[.?!,]\s+|\b(?:${anyCase('and|now|then')})\s+)${NAME}(?:(?:'s|\u2019s|\s+${anyCase('is')})\s+${anyCase('going to')}|\s+${anyCase('will')})\s+(?:${anyCase('tell|talk|present|show|walk|say|speak|share|introduce|take')})\b`,
    'u',
  ),
  new RegExp(String.raw`\b(?:${anyCase('invite|inviting|call on|call upon|calling on|calling upon')})\s+${NAME}\s+${anyCase('to')}\b`, 'u'),
  new RegExp(String.raw`\b${anyCase('over to you')},?\s+${NAME}${NAME_END}`, 'u'),
  // The vocative, starting the sentence: `Thomas, would you like to ...?`, `Thomas, the floor is yours.`
  new RegExp(
    String.raw`(?:^|[.?!]\s+)${NAME},\s+(?:${anyCase('would|could|can|will|do|did')})\s+${anyCase('you')}\b|(?:^|[.?!]\s+)${NAME},\s+(?:${anyCase('please|go ahead|the floor is yours|you have the floor|over to you')})\b`,
    'u',
  ),
  // The name in the thanks, then a question to the same person: `Thank you, Dana. Could you now tell us ...`
  new RegExp(String.raw`\b(?:${anyCase('thank you|thanks')}),?\s+${NAME}[.!]\s+(?:${anyCase('could|can|would|will|do')})\s+${anyCase('you')}\b`, 'u'),
  new RegExp(String.raw`\b(?:${anyCase('next|last|first')})\s+(?:${anyCase('is|up is|we have|will be')})\s+${NAME}${NAME_END}`, 'u'),
];

// The words each hand-over needs (in the order of HANDOVERS), looked for before the pattern runs:
// most turns end in none of them.
const HANDOVER_WORDS: readonly RegExp[] = [
  /\b(?:give|giving|pass|passing|hand|handing|turn|turning)\b/i,
  /\b(?:going to|will)\b/i,
  /\b(?:invite|inviting|call|calling)\b/i,
  /\bover to you\b/i,
  /,\s+(?:would|could|can|will|do|did|please|go ahead|the floor|you have|over to you)\b/i,
  /\bthank/i,
  /\b(?:next|last|first)\s/i,
];

// A chair announcing who speaks next: `Please welcome our chair, Dr. Dana Reyes.`, `a big round of applause for Ashley!`
const ANNOUNCEMENTS: readonly RegExp[] = [
  new RegExp(
    String.raw`\b${anyCase('welcome')}\s+(?:(?:${anyCase('our|the|my')})\s+(?:[${bmpClass('Ll')}-]+\s+){0,3}?(?:[${bmpClass('Ll')}-]+,?\s+))?${NAME}(?=\s*(?:[.!]|$)|\s+${anyCase('to the stage')})`,
    'u',
  ),
  new RegExp(String.raw`\b(?:${anyCase('round of applause|hand|applause|warm welcome')})\s+${anyCase('for')}\s+${NAME}(?=\s*[.!]|$)`, 'u'),
];

// The next speaker answering the previous one by name: `I want to second what Shu said`.
const REPLIES = new RegExp(
  String.raw`^(?:[^.?!]{0,40}?)\b(?:${anyCase('second|agree with|echo|build on|building on|add to|to add to|follow up on|following up on|like|as')})\s+${anyCase('what')}\s+${NAME}\s+(?:${anyCase('said|says|just said|was saying|mentioned|just mentioned')})\b`,
  'u',
);

const THANKS = new RegExp(
  String.raw`^(?:(?:${anyCase('okay|ok|well|so|yes|right|and')})[,.]?\s+)?(?:${anyCase('thank you|thanks')})(?:\s+(?:${anyCase('very much|so much')}))?(?:\s+${anyCase('indeed')})?(?:\s+${anyCase('for')}\s+(?:${anyCase('that|this|the|your')})(?:\s+[${bmpClass('Ll')}-]+){1,2})?,?\s+${NAME}(?=\s*[.,!;](?!\s*${anyCase('and')}\s+${UPPER})|\s+(?:${anyCase('and|for')})\b(?!\s+${UPPER}))`,
  'u',
);

const EVERY_PATTERN: readonly RegExp[] = [
  ...SELF_INTRODUCTIONS,
  OPENING_INTRODUCTION,
  OPENING_SELF_INTRODUCTION,
  OPENING_NAME_AND_PLACE,
  CALLED_BY_NAME,
  ...HANDOVERS,
  ...ANNOUNCEMENTS,
  REPLIES,
  THANKS,
];

/**
 * Runs every pattern twice on one-byte and on two-byte text, a few patterns a step, for a server to
 * run while idle: V8 compiles a pattern on its first use, natively on its second, and per string
 * width, 1-3 ms each time (~80 ms in all) that would otherwise fall inside the first slice of the
 * analysis to meet unlabelled turns. Analysing a sample transcript reaches only the few patterns
 * whose trigger words it has.
 */
export function* warmUpPatternSteps(): Generator<void> {
  const samples = ['Thank you, Ana Ruiz. Could you', 'Thank you, Ana Ruiz\u2014could you'];
  for (let first = 0; first < EVERY_PATTERN.length; first += 4) {
    for (const pattern of EVERY_PATTERN.slice(first, first + 4)) for (const sample of samples) for (let run = 0; run < 2; run++) pattern.exec(sample);
    yield;
  }
}

// Capitalised words that are not names where these phrases put a name.
const NOT_NAMES = new Set(
  (
    'I A AN THE AND OR BUT SO YES NO NOT OKAY OK WELL RIGHT HERE THERE NOW TODAY TOMORROW YESTERDAY SORRY GLAD HAPPY PLEASED ' +
    'GOING JUST VERY REALLY ALSO STILL GOOD GREAT FINE SURE HELLO HI WELCOME THANKS PLEASE WE YOU US IT THIS THAT WHAT WHO ' +
    'EVERYONE EVERYBODY ALL ALLS BOTH LADIES GENTLEMEN EXCELLENCIES EXCELLENCY COLLEAGUES FRIENDS GUYS FOLKS TEAM SIR MADAM ' +
    'HONOURABLE HONORABLE DISTINGUISHED DEAR MINISTERS DELEGATES PARTICIPANTS MEMBERS SPEAKERS PANELLISTS ORGANISERS ORGANIZERS ' +
    'CHAIR CHAIRMAN CHAIRPERSON CHAIRWOMAN MODERATOR PRESIDENT MINISTER AMBASSADOR SECRETARY EVERYONE PANEL PANELISTS AUDIENCE ' +
    'MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER ' +
    'OCTOBER NOVEMBER DECEMBER INTERNET GOD AGAIN BACK ONLINE REMOTE MIC MICROPHONE ANOTHER ONE TWO THREE ME MYSELF HIM HER THEM ' +
    'YEAH YEP NOPE HEY OH AH UM UH WOW COOL AWESOME AMAZING FUNNY ALRIGHT ANYWAY ACTUALLY BASICALLY LIKE MAYBE PERHAPS SO NEXT LAST FIRST ' +
    'ANYONE ANYBODY SOMEONE SOMEBODY NOBODY QUESTIONS QUESTION COMMENTS COMMENT THOUGHTS IDEAS APPLAUSE LAUGHTER ' +
    "I'M I'VE I'LL I'D IT'S LET'S THAT'S WE'RE YOU'RE HE'S SHE'S THEY'RE THERE'S HERE'S WHAT'S WHO'S"
  ).split(' '),
);
const HONORIFIC_WORDS = new Set([
  'MR',
  'MR.',
  'MRS',
  'MRS.',
  'MS',
  'MS.',
  'DR',
  'DR.',
  'PROF',
  'PROF.',
  'MISTER',
  'MADAM',
  'MADAME',
  'PROFESSOR',
  'AMBASSADOR',
  'MINISTER',
  'SENATOR',
  'COMMISSIONER',
  'JUDGE',
  'SIR',
  'DAME',
  'H.E.',
  'CHAIR',
  'CHAIRMAN',
  'SECRETARY',
]);

/** How far into a turn a self-introduction is looked for, and how far back a handover. */
const INTRODUCTION_WINDOW = 300;
const HANDOVER_WINDOW = 300;
const THANKS_WINDOW = 120;

/** What suggestions read from the whole file: its speakers and how it writes labels. */
export interface SpeakerSummary {
  speakers: Pick<SpeakerGroup, 'key' | 'labels'>[];
  style: LabelStyle;
}

export function speakerSummary(transcript: Transcript): SpeakerSummary {
  return runSteps(speakerSummarySteps(transcript));
}

/** Turns one step of the summary reads. */
const TURNS_PER_STEP = 5000;

/** `speakerSummary` a batch of turns per step: it reads every turn of the file. */
export function* speakerSummarySteps(transcript: Transcript): Generator<void, SpeakerSummary> {
  const groups = new SpeakerGroupsBuilder();
  const style = new LabelStyleTally();
  for (let first = 0; first < transcript.turns.length; first += TURNS_PER_STEP) {
    for (const turn of transcript.turns.slice(first, first + TURNS_PER_STEP)) {
      groups.add(turn);
      style.add(transcript.text, turn);
    }
    yield;
  }
  return { speakers: groups.groups().map(({ key, labels }) => ({ key, labels })), style: style.style(transcript.dialect) };
}

/** Suggestions for every unlabelled turn (of `turns`, by default all) that has clear evidence, by turn index. */
export function suggestLabels(
  transcript: Transcript,
  turns: readonly Turn[] = transcript.turns,
  summary: SpeakerSummary = speakerSummary(transcript),
): Map<number, LabelSuggestion> {
  const context = { transcript, speakers: summary.speakers, allCaps: summary.style.allCaps };
  const suggestions = new Map<number, LabelSuggestion>();
  for (const turn of turns) {
    if (turn.label !== null || turn.body.start >= turn.body.end) continue;
    const suggestion = suggestFor(context, turn);
    if (suggestion) suggestions.set(turn.index, suggestion);
  }
  return suggestions;
}

interface Context {
  transcript: Transcript;
  speakers: SpeakerSummary['speakers'];
  allCaps: boolean;
}

interface Found {
  name: string;
  span: Span;
  evidence: Evidence;
}

function suggestFor(context: Context, turn: Turn): LabelSuggestion | null {
  const { transcript } = context;
  const found: Found[] = [];
  const introduction = findIntroduction(transcript.text, turn.body);
  if (introduction) found.push(introduction);
  const previous = transcript.turns[turn.index - 1];
  if (previous) {
    const handover = findHandover(transcript.text, previous.body);
    if (handover && !sameSpeaker(previous, handover.name)) found.push(handover);
  }
  const next = transcript.turns[turn.index + 1];
  if (next) {
    const answer = findThanks(transcript.text, next.body) ?? findReply(transcript.text, next.body);
    if (answer && !sameSpeaker(next, answer.name)) found.push(answer);
  }
  // A turn that itself thanks or addresses the name is answering that person, not that person.
  const ownOpening = transcript.text.slice(turn.body.start, Math.min(turn.body.end, turn.body.start + THANKS_WINDOW));
  const candidates: { label: string; found: Found }[] = [];
  for (const evidence of found) {
    if (evidence.evidence !== 'self-introduction' && addresses(ownOpening, evidence.name)) return null;
    const label = labelFor(context, evidence.name);
    if (label === null) return null;
    // A hand-over to a speaker whose own labelled turn follows soon lands there, not on this turn.
    if ((evidence.evidence === 'handover' || evidence.evidence === 'announcement') && labelledSoonAfter(transcript, turn, label)) return null;
    candidates.push({ label, found: evidence });
  }
  if (candidates.length === 0) return null;
  if (candidates.some((candidate) => speakerKey(candidate.label) !== speakerKey(candidates[0].label))) return null;
  const best = candidates[0];
  return { turn: turn.index, label: best.label, evidence: best.found.evidence, evidenceSpan: best.found.span };
}

/**
 * Whether the named speaker's own labelled turn comes after the next one: the hand-over went there,
 * over this turn and another (`… turn it over to Joe` / `> Just briefly.` / `> Five minutes.` /
 * `JOE GERMUSKA: …`). A labelled turn right after this one is the same speech split in two.
 */
function labelledSoonAfter(transcript: Transcript, turn: Turn, label: string): boolean {
  return transcript.turns[turn.index + 2]?.label?.speaker === speakerKey(label) && transcript.turns[turn.index + 1]?.label?.speaker !== speakerKey(label);
}

function findIntroduction(text: string, body: Span): Found | null {
  const window = text.slice(body.start, Math.min(body.end, body.start + INTRODUCTION_WINDOW));
  const opening = window.slice(0, openingLength(window));
  const found: Found[] = [];
  // The words each kind of introduction needs, looked for once: most turns have none of them.
  const says = (words: RegExp) => words.test(window);
  const saysIAm = says(/\bI(?:'|\u2019|\s+am\b)/i);
  const candidates: [RegExp, boolean][] = [
    [OPENING_INTRODUCTION, says(/\b(?:this is|it's|it\u2019s|it is)\b/i)],
    [OPENING_NAME_AND_PLACE, true],
    [SELF_INTRODUCTIONS[0], says(/\bmy name/i)],
    [SELF_INTRODUCTIONS[1], saysIAm],
    [SELF_INTRODUCTIONS[2], says(/\bthis is\b/i)],
  ];
  for (const [pattern, possible] of candidates) {
    const match = possible ? matchName(pattern, window, body.start, 'self-introduction') : null;
    if (match) found.push(match);
  }
  const inOpening = saysIAm ? matchName(OPENING_SELF_INTRODUCTION, opening, body.start, 'self-introduction') : null;
  if (inOpening) found.push(inOpening);
  // `It's Tosado. … My name is Rebekeh Tosado.`: one person, named most fully; two names, no answer.
  let fullest: Found | null = null;
  for (const candidate of found) {
    if (fullest === null || nameWords(candidate.name).length > nameWords(fullest.name).length) fullest = candidate;
  }
  if (fullest === null) return null;
  const fullWords = new Set(nameWords(fullest.name));
  return found.every((candidate) => nameWords(candidate.name).every((word) => fullWords.has(word))) ? fullest : null;
}

/** How many sentences open a turn: `Last session. Thanks for joining us. I'm Kaeti Hinck.` */
const OPENING_SENTENCES = 3;

/** The first sentences of a turn (at most the window): where speakers say who they are. */
function openingLength(window: string): number {
  const ends = [...window.matchAll(/[.?!]["'\u201d\u2019)]?\s+(?=\S)/g)];
  return ends.length >= OPENING_SENTENCES ? ends[OPENING_SENTENCES - 1].index + ends[OPENING_SENTENCES - 1][0].length : window.length;
}

function findHandover(text: string, body: Span): Found | null {
  const start = Math.max(body.start, body.end - HANDOVER_WINDOW);
  const tail = text.slice(start, body.end);
  // Only the last two sentences hand over: a name addressed earlier in a long turn says nothing about who speaks next.
  const sentenceStarts = [...tail.matchAll(/[.?!]["'\u201d\u2019)]?\s+(?=\S)/g)].map((match) => match.index + match[0].length);
  const from = sentenceStarts.length >= 2 ? sentenceStarts[sentenceStarts.length - 2] : 0;
  const lastSentences = tail.slice(from);
  for (const [index, pattern] of HANDOVERS.entries()) {
    if (!HANDOVER_WORDS[index].test(lastSentences)) continue;
    const found = matchName(pattern, lastSentences, start + from, 'handover');
    if (found) return found;
  }
  if (/\?\s*$/.test(lastSentences)) {
    const called = matchName(CALLED_BY_NAME, lastSentences, start + from, 'handover');
    if (called) return called;
  }
  if (!/welcome|applause|hand for/i.test(lastSentences)) return null;
  for (const pattern of ANNOUNCEMENTS) {
    const found = matchName(pattern, lastSentences, start + from, 'announcement');
    if (found) return found;
  }
  return null;
}

function findReply(text: string, body: Span): Found | null {
  const window = text.slice(body.start, Math.min(body.end, body.start + THANKS_WINDOW));
  return /\bwhat\b/i.test(window) ? matchName(REPLIES, window, body.start, 'reply') : null;
}

function findThanks(text: string, body: Span): Found | null {
  const window = text.slice(body.start, Math.min(body.end, body.start + THANKS_WINDOW));
  return /thank/i.test(window) ? matchName(THANKS, window, body.start, 'thanks') : null;
}

function matchName(pattern: RegExp, window: string, offset: number, evidence: Evidence): Found | null {
  const match = pattern.exec(window);
  if (!match) return null;
  const groupIndex = match.findIndex((group, index) => index > 0 && group !== undefined);
  if (groupIndex === -1) return null;
  const raw = match[groupIndex];
  const name = plausibleName(raw, window);
  if (name === null) return null;
  const start = offset + match.index + match[0].lastIndexOf(raw);
  return { name, span: { start, end: start + raw.length }, evidence };
}

/** The name without honorifics, or null when a word of it is not a name (`Sorry`, `IGF` in mixed-case text). */
function plausibleName(raw: string, context: string): string | null {
  const words = raw.split(/\s+/);
  const textIsAllCaps = context === context.toUpperCase();
  for (const word of words) {
    const key = speakerKey(word);
    if (NOT_NAMES.has(key)) return null;
    // An acronym (`IGF`, `ITU`) in mixed-case text is an organisation, not a person; initials before a
    // surname (`JJ Holmes`) are part of a name.
    const initials = word.length <= 2 && words.length > 1 && word !== words[words.length - 1];
    if (!textIsAllCaps && word.length >= 2 && word === word.toUpperCase() && !initials) return null;
  }
  return raw;
}

function nameWords(name: string): string[] {
  return speakerKey(name)
    .split(' ')
    .filter((word) => !HONORIFIC_WORDS.has(word));
}

/**
 * The label for a name: the file's label whose words include every word of the name (`Thomas` →
 * `THOMAS SCHNEIDER`), else the name in the file's case; null when two speakers match.
 */
function labelFor(context: Context, name: string): string | null {
  const words = nameWords(name);
  if (words.length === 0) return null;
  const matching = context.speakers.filter((speaker) => {
    const labelWords = new Set(nameWords(speaker.key));
    return words.every((word) => labelWords.has(word));
  });
  if (matching.length > 1) return null;
  if (matching.length === 1) return matching[0].labels[0];
  return inFileCase(withoutHonorific(name), { allCaps: context.allCaps });
}

function withoutHonorific(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => !HONORIFIC_WORDS.has(speakerKey(word)))
    .join(' ');
}

/** Whether the turn is the named speaker already (a handover cannot go to the one speaking). */
function sameSpeaker(turn: Turn, name: string): boolean {
  if (!turn.label) return false;
  const labelWords = new Set(nameWords(turn.label.speaker));
  return nameWords(name).every((word) => labelWords.has(word));
}

/** Whether the opening of a turn thanks or addresses the name (`Thank you, Ushe.`, `Joly, I'm here.`), not says it is theirs (`Hi, I'm Aki`). */
function addresses(opening: string, name: string): boolean {
  const first = nameWords(name)[0];
  if (!first) return false;
  const escaped = first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(String.raw`(?:thank you|thanks|hello|hi|hey|dear)(?:\s+(?:very|so) much)?,?\s+${escaped}\b|^${escaped}\s*,`, 'iu').test(opening);
}
