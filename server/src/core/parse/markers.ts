// Turn markers: `>>`, `> >` (chevrons quoted as Markdown), `>`, court `Q.`/`A.`, and `NAME:` labels
// with no chevron, at a line start or mid-line in flattened text. Each line is read on its own; a
// `NAME:` candidate is trusted on evidence from the whole file: it recurs, it matches a speaker seen
// elsewhere or named by the user, or it stands where turns start and is followed by speech. It is
// doubted when it reads as a heading, a header field or a title. Weak readings are kept as doubts.
import type { Dialect, Label, LabelDoubt, MarkerKind } from '../model';
import { isAllCaps, isLabelLike, MAX_LABEL_LENGTH, speakerKey } from '../speakers/speakers';
import { detached } from '../detached';
import { readLabel, readsAsHeadingOrField, isNameWithRole, makeLabel, type LabelReading } from './labels';
import { isWhitespace, regionFor, skipHorizontalSpace, skipIndent, matchAt, addCount, type Line } from './lines';

export interface MarkerCandidate {
  start: number;
  /** End of the marker characters (for colon turns: end of the label's colon). */
  end: number;
  /** Where the label ends with its closing emphasis (`**DANA:**`), when that is after its colon. */
  labelEnd?: number;
  kind: MarkerKind;
  label: Label | null;
  flattened: boolean;
  /** Written in Markdown: emphasis around the label, or chevrons quoted as `> >`. */
  markdown?: boolean;
}

/** The user's answers: names that are speakers and names that are not (`speakerKey` form). */
export interface SpeakerAnswers {
  speakers: ReadonlySet<string>;
  notSpeakers: ReadonlySet<string>;
}

export const MID_LINE_CHEVRON = /(^|[\s.?!"'\u201d\u2019)\]])(>>>?)(?!>)/g;
const COURT_MARKER = /[ \t\uFEFF\u00A0]*([QA])\.(?=[ \t]|$)/y;
// A colon label standing mid-line after a sentence end, a glued colon (`as follows:THE CLERK:`)
// or an SRT cue time; the label itself is checked by `isLabelLike`.
const MID_LINE_COLON_LABEL = /(?:[.?!]["'\u201d\u2019)]?[ \t]+|:|\d\d:\d\d:\d\d,\d{3}[ \t]+)(\p{Lu}[^:\n\r?!]{0,59}?):(?=[ \t\u00A0]|$)/gu;
// Two or more ALL-CAPS name words before a colon after any word, as PDF text glues them:
// `ICANN - Toronto, Canada NANCY LUPIANO: Ladies and gentlemen`.
const MID_LINE_CAPS_LABEL = /(?<=[ \t])(\p{Lu}[\p{Lu}\p{M}.'\u2019\u2011-]*(?:[ \t]+\p{Lu}[\p{Lu}\p{M}.'\u2019\u2011-]*){1,5}):(?=[ \t])/gu;

// ---------------------------------------------------------------------------------------------
// Chevrons

/** The end of a run of chevrons at `start` and how many it holds; `> >` (Markdown quoting) counts two. */
export function chevronRunEnd(text: string, start: number): { end: number; chevrons: number; quoted: boolean } {
  let end = start;
  let chevrons = 0;
  let quoted = false;
  for (;;) {
    if (text.charCodeAt(end) === 62) {
      chevrons++;
      end++;
    } else if ((chevrons === 1 || quoted) && text.charCodeAt(end - 2) !== 62 && text.charCodeAt(end) === 32 && text.charCodeAt(end + 1) === 62) {
      // Only single chevrons quote: `> >` is Markdown's `>>`, while `>> >` is a marker and speech.
      quoted = true;
      end++;
    } else break;
  }
  return { end, chevrons, quoted };
}

const NAME_SAID_ALOUD = /^\s*[\p{Lu}\d][\p{Lu}\d.-]{0,11}\s*$/u;

/** A line's rest that is a note and nothing else: `(doorbell)`, `*[Applause]*`. */
export const NOTE_ONLY = /^\s*[*_]*\\?[([][^)\]]{0,80}\\?[)\]][*_.\s]*$/;

/** What may stand right before a mid-line `>>`: white space or the end of a sentence or quote. */
function isMarkerBoundary(ch: number): boolean {
  return isWhitespace(ch) || ch === 46 || ch === 63 || ch === 33 || ch === 34 || ch === 39 || ch === 41 || ch === 93 || ch === 0x201d || ch === 0x2019;
}

function chevronMarker(text: string, start: number, run: { end: number; chevrons: number; quoted: boolean }, lineEnd: number, flattened: boolean): MarkerCandidate {
  const kind: MarkerKind = run.chevrons >= 3 ? 'section' : run.chevrons === 2 ? 'chevron' : 'single-chevron';
  const labelStart = skipHorizontalSpace(text, run.end, lineEnd);
  let reading = readLabel(text, labelStart, lineEnd);
  // `>> Live:  JS`: one Mixed Case word before a colon and one word of no speech after it is a name
  // said aloud (a show, a product), not a speaker.
  if (reading && !reading.emphasis && /^\p{Lu}\p{Ll}+$/u.test(reading.label.raw) && NAME_SAID_ALOUD.test(text.slice(reading.end, lineEnd))) reading = null;
  return { start, end: run.end, labelEnd: reading?.end, kind, label: reading?.label ?? null, flattened, markdown: run.quoted || reading?.emphasis };
}

/**
 * Chevron markers of some lines: `>>` (and `> >`) at line starts and mid-line, and single `>` at
 * line starts when `singlesAccepted` or when a label follows (`> Dana Reyes: Welcome.`).
 */
export function findChevronMarkers(text: string, lines: readonly Line[], singlesAccepted: boolean): MarkerCandidate[] {
  const markers: MarkerCandidate[] = [];
  let nextChevrons = lines.length > 0 ? text.indexOf('>>', lines[0].start) : -1;
  for (const line of lines) {
    const content = skipIndent(text, line.start, line.end);
    let from = content;
    if (content < line.end && text.charCodeAt(content) === 62 /* > */) {
      const run = chevronRunEnd(text, content);
      const marker = chevronMarker(text, content, run, line.end, false);
      if (run.chevrons >= 2 || singlesAccepted || marker.label !== null) markers.push(marker);
      from = run.end;
    }
    // Markers standing mid-line: the line breaks before them were lost.
    if (nextChevrons !== -1 && nextChevrons < from) nextChevrons = text.indexOf('>>', from);
    while (nextChevrons !== -1 && nextChevrons < line.end) {
      const run = chevronRunEnd(text, nextChevrons);
      if (run.chevrons <= 3 && !run.quoted && isMarkerBoundary(text.charCodeAt(nextChevrons - 1))) {
        markers.push(chevronMarker(text, nextChevrons, run, line.end, true));
      }
      nextChevrons = text.indexOf('>>', run.end);
    }
  }
  return markers;
}

// ---------------------------------------------------------------------------------------------
// `NAME:` at a line start

export interface ColonCandidate {
  marker: MarkerCandidate;
  reading: LabelReading;
  /** Could be a label: it reads as no heading, header field or title. */
  viable: boolean;
  /** ALL CAPS, two or more name words, a name with a role, or Markdown emphasis. */
  strong: boolean;
  /** The line before is blank or ends a sentence: where a new turn would start. */
  atTurnPosition: boolean;
  /** Speech follows the label (on its line, or on the next when the label stands alone). */
  speechAfter: boolean;
  /** The line is also shaped as a court `Q.`/`A.` line. */
  courtLine?: boolean;
}

/** The `NAME:` candidate a line starts with (never a chevron or Markdown heading line). */
export function colonCandidateAt(text: string, line: Line): ColonCandidate | null {
  const content = skipIndent(text, line.start, line.end);
  const first = text.charCodeAt(content);
  if (content >= line.end || first === 62 /* > */) return null;
  // A Markdown heading that is a label alone on its line (`### Audrey Tang:`), the speech below it.
  const heading = first === 35 /* # */ ? MARKDOWN_HEADING_MARK.exec(text.slice(content, content + 8)) : null;
  if (first === 35 && heading === null) return null;
  const reading = readLabel(text, heading ? content + heading[0].length : content, line.end);
  if (reading === null || (heading !== null && skipHorizontalSpace(text, reading.end, line.end) < line.end)) return null;
  const { label } = reading;
  const body = bodyAfterLabel(text, reading.end, line.end);
  const titleLike = readsAsTitle(body);
  const letters = label.raw.replace(/[^\p{L}]/gu, '').length;
  const nameWords = label.raw.split(/\s+/).filter((word) => /^\p{Lu}/u.test(word)).length;
  return {
    marker: { start: content, end: label.colon!.end, labelEnd: reading.end, kind: 'colon', label, flattened: false, markdown: reading.emphasis },
    reading,
    viable: !titleLike && !readsAsHeadingOrField(label.raw),
    strong: (isAllCaps(label.raw) && letters >= 2) || nameWords >= 2 || isNameWithRole(label.raw) || reading.emphasis,
    atTurnPosition: standsWhereTurnsStart(text, line.start),
    speechAfter: body.length > 0 && !titleLike && (/[.?!\u2026"\u201d]$/.test(body) || body.split(/\s+/).length >= 3),
  };
}

const MARKDOWN_HEADING_MARK = /^#{1,6}[ \t]+/;

/** The words after a label: the rest of its line, or the next non-blank line when it stands alone. */
function bodyAfterLabel(text: string, from: number, lineEnd: number): string {
  const rest = text.slice(from, lineEnd).trim();
  if (rest.length > 0) return rest.slice(0, 200);
  const next = /\S[^\r\n]{0,199}/.exec(text.slice(lineEnd, lineEnd + 400));
  return next ? next[0].trim() : '';
}

// Words speech opens with, which a title or a name list does not: `Thank you Chair`, `Good Morning`.
const SPEECH_OPENERS = new Set([
  'thank',
  'thanks',
  'good',
  'hello',
  'hi',
  'hey',
  'yes',
  'yeah',
  'no',
  'okay',
  'ok',
  'so',
  'well',
  'and',
  'but',
  'i',
  "i'm",
  'we',
  "we're",
  'you',
  'let',
  "let's",
  'please',
  'sorry',
  'oh',
  'right',
  'sure',
  'now',
  'just',
  'can',
  'could',
  'would',
  'is',
  'are',
  'do',
  'what',
  'how',
  'why',
]);

/** Title Case words with no sentence punctuation: `Shared Buoy Catalogue`, a heading's rest, a name list. */
function readsAsTitle(spoken: string): boolean {
  // Annotations are no words of a title or of speech: `Monads. (laughter)`.
  const body = spoken.replace(/\\?[([][^)\]]*[)\]]/g, ' ').trim();
  if (body.length === 0 || /[.?!\u2026\-\u2013\u2014\u001e]["'\u201d\u2019)]*$/.test(body) || body === body.toUpperCase()) return false;
  const words = body.split(/\s+/).filter((word) => /[\p{L}\d]/u.test(word));
  // A list of names is a header field's value (`Remote: Ana Ruiz (AR), Ben Ode (BO)`), however long.
  const nameList = (body.match(/,/g)?.length ?? 0) >= 2 && words.every((word) => word.length < 4 || /^[\p{Lu}\d]/u.test(word));
  if (nameList) return true;
  if (words.length > 8 || SPEECH_OPENERS.has(words[0]?.toLowerCase().replace(/[^\p{L}']/gu, ''))) return false;
  const capitalised = words.filter((word) => /^[\p{Lu}\d("'\u201c]/u.test(word)).length;
  return capitalised >= 2 && words.every((word) => word.length < 4 || /^[\p{Lu}\d("'\u201c]/u.test(word));
}

/** Whether the line at `lineStart` follows a blank line, a sentence end, or starts the text. */
function standsWhereTurnsStart(text: string, lineStart: number): boolean {
  let i = lineStart - 1;
  if (i < 0) return true;
  if (text.charCodeAt(i) === 10 && text.charCodeAt(i - 1) === 13) i--;
  i--;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 0xa0)) i--;
  if (i < 0) return true;
  const ch = text.charAt(i);
  return ch === '\n' || ch === '\r' || '.?!\u2026:"\'\u201d\u2019)]*-\u2013\u2014\u2011'.includes(ch);
}

// ---------------------------------------------------------------------------------------------
// Mid-line labels (flattened and PDF text)

/** Whether a mid-line label ends the label of a chevron turn: `>> C. MASSANGO:` holds `MASSANGO:`. */
export function endsChevronLabel(text: string, label: Label): boolean {
  const stop = Math.max(0, label.span.start - MAX_LABEL_LENGTH);
  for (let i = label.span.start - 1; i >= stop; i--) {
    const ch = text.charCodeAt(i);
    if (ch === 62 /* > */) return isLabelLike(text.slice(skipHorizontalSpace(text, i + 1, label.span.end), label.span.end));
    if (ch === 10 || ch === 13 || ch === 58 /* : */) return false;
  }
  return false;
}

/** Label-like `NAME:` groups standing mid-line in [from, to) (flattened or PDF text), in no particular order. */
export function* midLineColonLabels(text: string, from = 0, to = text.length): Generator<Label> {
  // Matches never cross a line, so the lines alone give the same matches as the whole text.
  const region = regionFor(text, from, to);
  for (const pattern of [MID_LINE_COLON_LABEL, MID_LINE_CAPS_LABEL]) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(region)) !== null) {
      const colon = from + match.index + match[0].length - 1;
      const label = makeLabel(text, colon - match[1].length, colon, { start: colon, end: colon + 1 });
      if (label === null) {
        // `... so MR. HARVEY:` fails from the sentence start but succeeds from the title.
        pattern.lastIndex = match.index + 1;
        continue;
      }
      pattern.lastIndex = colon - from; // the search runs in the region, not the text
      yield label;
    }
  }
}

/** `called AI. MIRABAI:` reads as one caps run; keep `MIRABAI` when the file knows that speaker. */
function withoutLeadingSentence(text: string, label: Label, knownSpeakers: ReadonlySet<string>): Label {
  const cut = label.raw.lastIndexOf('. ');
  if (cut === -1) return label;
  const rest = label.raw.slice(cut + 2).trimStart();
  if (!knownSpeakers.has(speakerKey(rest))) return label;
  return makeLabel(text, label.span.end - rest.length, label.span.end, label.colon) ?? label;
}

// ---------------------------------------------------------------------------------------------
// The whole file

/** Whole lines [start, end), `end` being the next slice's first line start: what one parse step reads. */
export interface LineSlice {
  start: number;
  end: number;
  lines: Line[];
  /** The slice's line-start `NAME:` candidates, read once with its dialect evidence. */
  candidates: ColonCandidate[];
}

export interface MarkerReading {
  markers: MarkerCandidate[];
  doubts: LabelDoubt[];
}

/** What the first pass collects from one slice. */
interface SliceScan {
  chevrons: MarkerCandidate[];
  colon: ColonCandidate[];
  court: MarkerCandidate[];
  midLine: Label[];
}

/**
 * The markers of the whole text, a slice per step: a first pass collects every candidate and the
 * speakers they name, a second decides each on that evidence.
 */
export function* markerSteps(text: string, slices: readonly LineSlice[], dialect: Dialect, speakingSingleLines: number, answers: SpeakerAnswers): Generator<void, MarkerReading> {
  const colonText = dialect === 'colon' || dialect === 'court';
  // Single `>` lines mark turns when the file speaks after them; `> (doorbell)` alone is a Markdown quote.
  const singlesAccepted = dialect === 'single-chevron' || speakingSingleLines >= 2;
  const scans: SliceScan[] = [];
  const speakerCounts = new Map<string, number>();
  const lineStartSpeakers = new Set<string>();
  const midLineCounts = new Map<string, number>();
  for (const { start, end, lines, candidates } of slices) {
    const scan: SliceScan = { chevrons: findChevronMarkers(text, lines, singlesAccepted), colon: [], court: [], midLine: [] };
    for (const marker of scan.chevrons) if (marker.label) addCount(speakerCounts, marker.label.speaker, 1);
    if (dialect === 'court') {
      for (const line of lines) {
        const court = courtMarker(text, line);
        if (court) scan.court.push(court);
      }
    }
    for (const candidate of candidates) {
      // In court text a `Q.`/`A.` line is an examination marker, whatever follows it.
      if (candidate.courtLine && dialect === 'court') continue;
      scan.colon.push(candidate);
      if (candidate.viable) {
        addCount(speakerCounts, candidate.reading.label.speaker, 1);
        lineStartSpeakers.add(candidate.reading.label.speaker);
      }
    }
    if (colonText) {
      // Matches never cross a line, so a slice of whole lines finds what the whole text would.
      scan.midLine = [...midLineColonLabels(text, start, end)];
      for (const label of scan.midLine) addCount(midLineCounts, label.speaker, 1);
    }
    scans.push(scan);
    yield;
  }
  const knownSpeakers = new Set([...lineStartSpeakers, ...midLineCounts.keys()]);
  const markers: MarkerCandidate[] = [];
  const doubts: LabelDoubt[] = [];
  for (const scan of scans) {
    const sliceMarkers: MarkerCandidate[] = [...scan.chevrons, ...scan.court];
    for (const candidate of scan.colon) {
      const verdict = judgeColonCandidate(candidate, colonText, speakerCounts, answers);
      if (verdict.accepted) sliceMarkers.push(candidate.marker);
      if (verdict.doubt) doubts.push({ text: candidate.reading.label.raw, span: { ...candidate.reading.label.span }, readAs: verdict.accepted ? 'label' : 'text' });
    }
    // Mid-line labels (flattened text, glued `as follows:THE CLERK:`): ALL CAPS, or a speaker the file
    // names at a line start, or one that recurs mid-line; anything else is running text (`Note: ...`).
    for (const found of scan.midLine) {
      const label = withoutLeadingSentence(text, found, knownSpeakers);
      if (answers.notSpeakers.has(label.speaker) || readsAsHeadingOrField(label.raw)) continue;
      const trusted = isAllCaps(label.raw) || lineStartSpeakers.has(label.speaker) || (midLineCounts.get(label.speaker) ?? 0) >= 2 || answers.speakers.has(label.speaker);
      if (trusted) sliceMarkers.push({ start: label.span.start, end: label.colon!.end, kind: 'colon', label, flattened: true });
    }
    sliceMarkers.sort((a, b) => a.start - b.start);
    // No marker reaches past its line, and slices hold whole lines: each slice is cleared of overlaps alone.
    for (const marker of dropOverlapping(sliceMarkers)) {
      if (marker.label && answers.notSpeakers.has(marker.label.speaker)) marker.label = null;
      markers.push(marker);
    }
    yield;
  }
  return { markers, doubts };
}

/** Whether a line-start `NAME:` starts a turn, and whether that reading is doubtful. */
function judgeColonCandidate(
  candidate: ColonCandidate,
  colonText: boolean,
  speakerCounts: ReadonlyMap<string, number>,
  answers: SpeakerAnswers,
): { accepted: boolean; doubt: boolean } {
  const { speaker } = candidate.reading.label;
  if (answers.notSpeakers.has(speaker)) return { accepted: false, doubt: false };
  if (answers.speakers.has(speaker)) return { accepted: true, doubt: false };
  if (!candidate.viable) return { accepted: false, doubt: candidate.atTurnPosition && candidate.speechAfter };
  // Colon text labels its turns this way: every viable candidate is a turn, as before.
  if (colonText) return { accepted: true, doubt: false };
  if ((speakerCounts.get(speaker) ?? 0) >= 2) return { accepted: true, doubt: false };
  if (!candidate.atTurnPosition) return { accepted: false, doubt: false };
  if (candidate.strong) return { accepted: true, doubt: !candidate.speechAfter };
  // A single Mixed Case word once in the file (`Amanda:  Thank you!`): read as a label, and asked.
  if (candidate.speechAfter) return { accepted: true, doubt: true };
  return { accepted: false, doubt: false };
}

function courtMarker(text: string, line: Line): MarkerCandidate | null {
  const match = matchAt(COURT_MARKER, text, line.start, line.end);
  if (match === null) return null;
  const start = match.index + match[0].length - 2;
  const kind: MarkerKind = match[1] === 'Q' ? 'question' : 'answer';
  const label: Label = { raw: `${match[1]}.`, span: { start, end: start + 2 }, colon: null, speaker: match[1] };
  return { start, end: start + 2, kind, label, flattened: false };
}

/** Keeps the first of overlapping markers; a marker reaches to the end of its label. */
function dropOverlapping(markers: MarkerCandidate[]): MarkerCandidate[] {
  const kept: MarkerCandidate[] = [];
  let keptEnd = -1;
  for (const marker of markers) {
    if (marker.start < keptEnd) continue;
    kept.push(marker);
    keptEnd = Math.max(marker.end, marker.labelEnd ?? 0, marker.label ? (marker.label.colon ?? marker.label.span).end : marker.end);
  }
  return kept;
}

/** Speakers the markers name with a label, before colon-less labels are resolved. */
export function countColonSpeakers(markers: readonly MarkerCandidate[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const marker of markers) if (marker.label) addCount(counts, marker.label.speaker, 1);
  return counts;
}

/**
 * `>> MODERATOR Thank you` without a colon: accepted only when the words are a speaker the file
 * labels elsewhere with a colon, so `>> Good morning` never becomes a speaker.
 */
export function resolveColonlessLabels(text: string, markers: MarkerCandidate[], colonSpeakers: ReadonlyMap<string, number>): void {
  if (colonSpeakers.size === 0) return;
  const wordCounts = [...new Set([...colonSpeakers.keys()].map((speaker) => speaker.split(' ').length))].sort((a, b) => b - a);
  const word = /[^\s]+/g;
  for (const marker of markers) {
    if (marker.label !== null || marker.kind === 'colon' || marker.kind === 'question' || marker.kind === 'answer') continue;
    const start = skipHorizontalSpace(text, marker.end, text.length);
    const window = text.slice(start, start + MAX_LABEL_LENGTH + 2);
    const wordEnds: number[] = [];
    word.lastIndex = 0;
    let match: RegExpExecArray | null;
    while (wordEnds.length < 7 && (match = word.exec(window)) !== null) {
      if (window.slice(wordEnds.length ? wordEnds[wordEnds.length - 1] : 0, match.index).includes('\n')) break;
      wordEnds.push(match.index + match[0].length);
    }
    for (const count of wordCounts) {
      // The label must be followed by more words: a lone `>> MODERATOR` line stays speech.
      if (count >= wordEnds.length) continue;
      const candidate = window.slice(0, wordEnds[count - 1]);
      if (colonSpeakers.has(speakerKey(candidate)) && isLabelLike(candidate)) {
        const raw = detached(candidate);
        marker.label = { raw, span: { start, end: start + raw.length }, colon: null, speaker: speakerKey(raw) };
        break;
      }
    }
  }
}
