import {
  FENCE,
  PROVIDER_BLOCK,
  DISCLAIMER_PATTERNS,
  inaudibleTermSet,
  isInaudibleTerm,
  isNoteTerm,
  isSoundTerm,
  normaliseTerm,
} from './lexicon';
import type { Annotation, AnnotationKind, Dialect, Header, Label, MarkerKind, ReadingSummary, Section, Span, Timestamp, Transcript, Turn } from './model';
import { detached } from './detached';
import { turnIndexAt } from './speech';
import { runSteps } from './steps';
import { isAllCaps, isLabelLike, MAX_LABEL_LENGTH, speakerKey } from './speakers';

export interface ParseOptions {
  /** Normalised inaudible terms (see `inaudibleTermSet`); defaults to the built-in lexicon. */
  inaudibleTerms?: ReadonlySet<string>;
}

export interface Line {
  start: number;
  /** End of the content, before the line break. */
  end: number;
}

/** Whole lines [start, end), `end` being the next slice's first line start: what one parse step reads. */
interface LineSlice {
  start: number;
  end: number;
  lines: Line[];
}

export interface MarkerCandidate {
  start: number;
  /** End of the marker characters (for colon turns: end of the label's colon). */
  end: number;
  kind: MarkerKind;
  label: Label | null;
  flattened: boolean;
}

const DEFAULT_INAUDIBLE_TERMS = inaudibleTermSet();
const TITLE_MAX_LENGTH = 80;

// Leading indentation; a BOM or no-break space at the start of a line counts as indentation.
const INDENT = /[ \t\uFEFF\u00A0]*/y;
const HORIZONTAL_SPACE = /[ \t\u00A0]*/y;
const COURT_MARKER = /[ \t\uFEFF\u00A0]*([QA])\.(?=[ \t]|$)/y;
// A colon label at a line start: `NAME:` followed by white space or the end of the line.
const LINE_START_COLON_LABEL = /[ \t\uFEFF\u00A0]*([^\s:>][^:\n\r]{0,59}?):(?=[ \t\u00A0]|$)/y;
// A colon label standing mid-line after a sentence end, a glued colon (`as follows:THE CLERK:`)
// or an SRT cue time; the label itself is checked by `isLabelLike`.
const MID_LINE_COLON_LABEL = /(?:[.?!]["'\u201d\u2019)]?[ \t]+|:|\d\d:\d\d:\d\d,\d{3}[ \t]+)(\p{Lu}[^:\n\r?!]{0,59}?):(?=[ \t\u00A0]|$)/gu;
// Two or more ALL-CAPS name words before a colon after any word, as PDF text glues them:
// `ICANN - Toronto, Canada NANCY LUPIANO: Ladies and gentlemen`.
const MID_LINE_CAPS_LABEL = /(?<=[ \t])(\p{Lu}[\p{Lu}\p{M}.'\u2019\u2011-]*(?:[ \t]+\p{Lu}[\p{Lu}\p{M}.'\u2019\u2011-]*){1,5}):(?=[ \t])/gu;
const MID_LINE_CHEVRON = /(^|[\s.?!"'\u201d\u2019)\]])(>>>?)(?!>)/g;
const TIMESTAMP_LINE = /^[ \t]*(\[\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\]|\d{1,2}:\d{2}(?::\d{2})?[ \t]*(?:[AaPp]\.?[Mm]\.?))[ \t]*$/;
const BRACKET_CLOSE: Record<string, string> = { '(': ')', '[': ']' };

export function parseTranscript(text: string, options: ParseOptions = {}): Transcript {
  return parseWithState(text, options).transcript;
}

/**
 * A parse plus what an incremental update needs to stay identical to a fresh parse: the dialect
 * evidence and the speakers labelled with a colon, both kept as sums over lines and turns.
 */
export interface ParseState {
  transcript: Transcript;
  evidence: DialectEvidence;
  /** Speakers of colon labels (the ones a colon-less label may repeat), with their counts. */
  colonSpeakers: Map<string, number>;
  inaudibleTerms: ReadonlySet<string>;
}

export function parseWithState(text: string, options: ParseOptions = {}): ParseState {
  return runSteps(parseSteps(text, options));
}

/** Characters one step of the parser reads: a few milliseconds of work. */
const STEP_LENGTH = 64 * 1024;
/** Markers one step turns into turns. */
const MARKERS_PER_STEP = 2000;

/**
 * The parse, as a sequence of bounded steps (a `yield` after each), so that a server can parse a
 * 20 MB file between other requests. Every pass that reads lines reads them a slice at a time; the
 * dialect evidence adds up over slices as it does over edits (incremental.ts).
 */
export function* parseSteps(text: string, options: ParseOptions = {}): Generator<void, ParseState> {
  const inaudibleTerms = options.inaudibleTerms ?? DEFAULT_INAUDIBLE_TERMS;
  // Slices of whole lines: [start, end) with `end` the next slice's first line start.
  const slices: LineSlice[] = [];
  for (let start = 0; ; ) {
    const end = nextLineStartAfter(text, Math.min(text.length, start + STEP_LENGTH));
    slices.push({ start, end, lines: splitLines(text, start, end) });
    if (end >= text.length) break;
    start = end;
    yield;
  }
  let evidence = emptyEvidence();
  for (const { start, end, lines } of slices) {
    evidence = combineEvidence(evidence, dialectEvidence(text, lines, start, end), 1);
    yield;
  }
  const dialect = decideDialect(evidence);
  const allLines = slices.length === 1 ? slices[0].lines : slices.flatMap((slice) => slice.lines);
  const markers = yield* markerSteps(text, slices, dialect);
  const colonSpeakers = countColonSpeakers(markers);
  const turns: Turn[] = [];
  for (let first = 0; first < markers.length; first += MARKERS_PER_STEP) {
    const batch = markers.slice(first, first + MARKERS_PER_STEP);
    resolveColonlessLabels(text, batch, colonSpeakers);
    const end = first + MARKERS_PER_STEP < markers.length ? markers[first + MARKERS_PER_STEP].start : text.length;
    for (const turn of buildTurns(text, linesFrom(allLines, batch[0].start), batch, end)) {
      turn.index += first;
      turns.push(turn);
    }
    yield;
  }
  const headerEnd = turns.length > 0 ? turns[0].span.start : text.length;
  const header = buildHeader(text, allLines, headerEnd);
  const timestamps: Timestamp[] = [];
  const annotations: Annotation[] = [];
  for (const { start, end, lines } of slices) {
    const found = findTimestamps(text, lines);
    timestamps.push(...found);
    // The turns that can hold this slice's annotations: the one the slice starts in, and those starting in it.
    const firstTurn = Math.max(0, turnIndexAt(turns, start));
    let endTurn = firstTurn;
    while (endTurn < turns.length && turns[endTurn].span.start < end) endTurn++;
    for (const annotation of findAnnotations(text, lines, turns.slice(firstTurn, endTurn), inaudibleTerms, found)) {
      if (annotation.turn >= 0) annotation.turn += firstTurn;
      annotations.push(annotation);
    }
    yield;
  }
  const sections = buildSections(text, turns, timestamps);
  return { transcript: { text, dialect, header, turns, annotations, timestamps, sections, doubts: [], reading: readingSummary(turns) }, evidence, colonSpeakers, inaudibleTerms };
}

/** The start of the line after the one holding `offset` (or the end of the text). */
function nextLineStartAfter(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  for (let i = offset; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) return i + 1;
    if (ch === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}

/** The lines from the one holding `offset` on (binary search; the lines are in order). */
function linesFrom(lines: Line[], offset: number): Line[] {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? lines : lines.slice(low);
}


/** Lines that start in [from, to): `from` must be a line start; `to` a line start or the text's end. */
export function splitLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) {
      lines.push({ start, end: i });
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < to || to === text.length) lines.push({ start, end: to });
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Dialect

/** What decides the dialect: counts over lines, so an edit can update them by its lines alone. */
export interface DialectEvidence {
  chevronLines: number;
  singleChevronLines: number;
  questionLines: number;
  answerLines: number;
  colonLabels: number;
  /** Line-start colon labels of two words or three ALL-CAPS letters: one is enough for colon text. */
  strongColonLabels: number;
  midLineChevrons: number;
  /** Mid-line ALL-CAPS labels (not the end of a chevron label). */
  midLineCapsLabels: number;
  lineStartSpeakers: Map<string, number>;
  /** Mid-line Mixed Case labels, by speaker. */
  midLineMixedSpeakers: Map<string, number>;
}

/** Evidence from the lines given, which cover [from, to) of the text. */
export function dialectEvidence(text: string, lines: Line[], from: number, to: number): DialectEvidence {
  const evidence: DialectEvidence = { ...emptyEvidence(), midLineChevrons: countMidLineChevrons(text, from, to) };
  for (const line of lines) {
    const content = skipIndent(text, line.start, line.end);
    if (text.startsWith('>>', content)) evidence.chevronLines++;
    else if (text.charCodeAt(content) === 62 /* > */) evidence.singleChevronLines++;
    else {
      const court = matchAt(COURT_MARKER, text, line.start, line.end);
      if (court) {
        if (court[1] === 'Q') evidence.questionLines++;
        else evidence.answerLines++;
        continue;
      }
      const label = lineStartColonLabel(text, line);
      if (label === null) continue;
      evidence.colonLabels++;
      addCount(evidence.lineStartSpeakers, label.speaker, 1);
      if (label.raw.includes(' ') || (isAllCaps(label.raw) && label.raw.length >= 3)) evidence.strongColonLabels++;
    }
  }
  for (const label of midLineColonLabels(text, from, to)) {
    if (endsChevronLabel(text, label)) continue;
    if (isAllCaps(label.raw)) evidence.midLineCapsLabels++;
    else addCount(evidence.midLineMixedSpeakers, label.speaker, 1);
  }
  return evidence;
}

function emptyEvidence(): DialectEvidence {
  return {
    chevronLines: 0,
    singleChevronLines: 0,
    questionLines: 0,
    answerLines: 0,
    colonLabels: 0,
    strongColonLabels: 0,
    midLineChevrons: 0,
    midLineCapsLabels: 0,
    lineStartSpeakers: new Map(),
    midLineMixedSpeakers: new Map(),
  };
}

/** `total` plus (`sign` 1) or minus (`sign` -1) the evidence of some lines, as a new record. */
export function combineEvidence(total: DialectEvidence, part: DialectEvidence, sign: 1 | -1): DialectEvidence {
  const counts = (key: 'lineStartSpeakers' | 'midLineMixedSpeakers') => {
    const result = new Map(total[key]);
    for (const [speaker, count] of part[key]) addCount(result, speaker, sign * count);
    return result;
  };
  const sum = (key: Exclude<keyof DialectEvidence, 'lineStartSpeakers' | 'midLineMixedSpeakers'>) => total[key] + sign * part[key];
  return {
    chevronLines: sum('chevronLines'),
    singleChevronLines: sum('singleChevronLines'),
    questionLines: sum('questionLines'),
    answerLines: sum('answerLines'),
    colonLabels: sum('colonLabels'),
    strongColonLabels: sum('strongColonLabels'),
    midLineChevrons: sum('midLineChevrons'),
    midLineCapsLabels: sum('midLineCapsLabels'),
    lineStartSpeakers: counts('lineStartSpeakers'),
    midLineMixedSpeakers: counts('midLineMixedSpeakers'),
  };
}

export function decideDialect(evidence: DialectEvidence): Dialect {
  const chevrons = Math.max(evidence.chevronLines, evidence.midLineChevrons);
  if (evidence.singleChevronLines >= 2 && evidence.singleChevronLines > evidence.chevronLines) return 'single-chevron';
  // An examination has both questions and answers; a lone `A.` line is a list item or an initial.
  if (evidence.questionLines > 0 && evidence.answerLines > 0) return 'court';
  // Mid-line labels that would start colon turns, by the trust rule of `findColonMarkers`: ALL CAPS,
  // a speaker also labelled at a line start, or a Mixed Case label seen again.
  let midLineColonTurns = evidence.midLineCapsLabels;
  for (const [speaker, count] of evidence.midLineMixedSpeakers) {
    midLineColonTurns += evidence.lineStartSpeakers.has(speaker) ? count : 2 * (count - 1);
  }
  const colonTurns = evidence.colonLabels + midLineColonTurns;
  if (chevrons > 0 && chevrons >= colonTurns) return 'chevron';
  if (colonTurns >= 2 || evidence.strongColonLabels > 0 || (colonTurns === 1 && chevrons === 0)) return 'colon';
  if (chevrons > 0) return 'chevron';
  return 'none';
}

/** Mid-line `>>` in [from, to), each counted where its chevrons stand. */
function countMidLineChevrons(text: string, from: number, to: number): number {
  let count = 0;
  // One character back, so that a boundary character just before `from` is seen as in a whole-text
  // scan; a slice, so that the search stops at `to` instead of running on to the next match.
  const regionStart = Math.max(0, from - 1);
  const region = regionFor(text, regionStart, to);
  MID_LINE_CHEVRON.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = MID_LINE_CHEVRON.exec(region)) !== null) {
    if (regionStart + match.index + match[1].length >= from) count++;
  }
  return count;
}

/** The text between two line starts (or the ends of the text): the text itself when that is all of it. */
function regionFor(text: string, from: number, to: number): string {
  return from === 0 && to === text.length ? text : text.slice(from, to);
}

export function addCount(counts: Map<string, number>, key: string, change: number): void {
  const next = (counts.get(key) ?? 0) + change;
  if (next === 0) counts.delete(key);
  else counts.set(key, next);
}

/** Whether a mid-line label ends the label of a chevron turn: `>> C. MASSANGO:` holds `MASSANGO:`. */
function endsChevronLabel(text: string, label: Label): boolean {
  const stop = Math.max(0, label.span.start - MAX_LABEL_LENGTH);
  for (let i = label.span.start - 1; i >= stop; i--) {
    const ch = text.charCodeAt(i);
    if (ch === 62 /* > */) return isLabelLike(text.slice(skipHorizontalSpace(text, i + 1, label.span.end), label.span.end));
    if (ch === 10 || ch === 13 || ch === 58 /* : */) return false;
  }
  return false;
}

/** Label-like `NAME:` groups standing mid-line in [from, to) (flattened or PDF text), in no particular order. */
function* midLineColonLabels(text: string, from = 0, to = text.length): Generator<Label> {
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

// ---------------------------------------------------------------------------------------------
// Markers and labels

/** The markers of every slice of lines, in order, a slice per step. */
function* markerSteps(text: string, slices: readonly LineSlice[], dialect: Dialect): Generator<void, MarkerCandidate[]> {
  const markers: MarkerCandidate[] = [];
  switch (dialect) {
    case 'chevron':
    case 'single-chevron':
      for (const { lines } of slices) {
        for (const marker of findChevronMarkers(text, lines, dialect === 'single-chevron')) markers.push(marker);
        yield;
      }
      return markers;
    case 'colon':
    case 'court':
      return yield* colonMarkerSteps(text, slices, dialect === 'court');
    case 'none':
      return markers;
  }
}

export function findChevronMarkers(text: string, lines: Line[], singleAllowed: boolean): MarkerCandidate[] {
  const markers: MarkerCandidate[] = [];
  let nextChevrons = lines.length > 0 ? text.indexOf('>>', lines[0].start) : -1;
  for (const line of lines) {
    const content = skipIndent(text, line.start, line.end);
    let from = content;
    if (content < line.end && text.charCodeAt(content) === 62 /* > */) {
      const end = chevronRunEnd(text, content);
      if (end - content >= 2 || singleAllowed) markers.push(chevronMarker(text, content, end, line.end, false));
      from = end;
    }
    // Markers standing mid-line: the line breaks before them were lost.
    if (nextChevrons !== -1 && nextChevrons < from) nextChevrons = text.indexOf('>>', from);
    while (nextChevrons !== -1 && nextChevrons < line.end) {
      const end = chevronRunEnd(text, nextChevrons);
      if (end - nextChevrons <= 3 && isMarkerBoundary(text.charCodeAt(nextChevrons - 1))) {
        markers.push(chevronMarker(text, nextChevrons, end, line.end, true));
      }
      nextChevrons = text.indexOf('>>', end);
    }
  }
  return markers;
}

function chevronRunEnd(text: string, start: number): number {
  let end = start;
  while (text.charCodeAt(end) === 62) end++;
  return end;
}

/** What may stand right before a mid-line `>>`: white space or the end of a sentence or quote. */
function isMarkerBoundary(ch: number): boolean {
  return isWhitespace(ch) || ch === 46 || ch === 63 || ch === 33 || ch === 34 || ch === 39 || ch === 41 || ch === 93 || ch === 0x201d || ch === 0x2019;
}

function chevronMarker(text: string, start: number, end: number, lineEnd: number, flattened: boolean): MarkerCandidate {
  const chevronCount = end - start;
  const kind: MarkerKind = chevronCount >= 3 ? 'section' : chevronCount === 2 ? 'chevron' : 'single-chevron';
  const labelStart = skipHorizontalSpace(text, end, lineEnd);
  return { start, end, kind, label: labelAfterMarker(text, labelStart, lineEnd), flattened };
}

/** A `NAME:` label right after a chevron, on the same line, before any further marker. */
function labelAfterMarker(text: string, start: number, lineEnd: number): Label | null {
  const limit = Math.min(lineEnd, start + MAX_LABEL_LENGTH + 1);
  let colon = -1;
  for (let i = start; i < limit; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 58 /* : */) {
      colon = i;
      break;
    }
    if (ch === 62 /* > */) return null;
  }
  if (colon <= start) return null;
  const after = text.charCodeAt(colon + 1);
  if (colon + 1 < lineEnd && after !== 32 && after !== 9 && after !== 0xa0) return null;
  return makeLabel(text, start, colon, { start: colon, end: colon + 1 });
}

function makeLabel(text: string, start: number, end: number, colon: Span | null): Label | null {
  const raw = text.slice(start, end);
  const trimmed = raw.trimEnd();
  if (!isLabelLike(trimmed)) return null;
  const own = detached(trimmed);
  return { raw: own, span: { start, end: start + own.length }, colon, speaker: speakerKey(own) };
}

function lineStartColonLabel(text: string, line: Line): Label | null {
  LINE_START_COLON_LABEL.lastIndex = line.start;
  const match = LINE_START_COLON_LABEL.exec(text);
  if (match === null || match.index + match[0].length > line.end) return null;
  const colon = match.index + match[0].length - 1;
  const start = colon - match[1].length;
  return makeLabel(text, start, colon, { start: colon, end: colon + 1 });
}

/**
 * Colon (or court) markers, with the chevrons that still mark unlabelled turns in colon-labelled
 * text (`JOLY: ... >> Yeah, yeah.`). Whether a mid-line label is trusted depends on the whole file,
 * so a first pass over the slices collects labels and a second one decides, a slice per step each.
 */
function* colonMarkerSteps(text: string, slices: readonly LineSlice[], court: boolean): Generator<void, MarkerCandidate[]> {
  const lineStartMarkers: MarkerCandidate[][] = [];
  const midLineLabels: Label[][] = [];
  const lineStartSpeakers = new Set<string>();
  const midLineCounts = new Map<string, number>();
  for (const { start, end, lines } of slices) {
    const found = lineStartColonMarkers(text, lines, court);
    for (const marker of found) if (marker.kind === 'colon') lineStartSpeakers.add(marker.label!.speaker);
    lineStartMarkers.push(found);
    // Matches never cross a line, so a slice of whole lines finds what the whole text would.
    const midLine = [...midLineColonLabels(text, start, end)];
    for (const label of midLine) midLineCounts.set(label.speaker, (midLineCounts.get(label.speaker) ?? 0) + 1);
    midLineLabels.push(midLine);
    yield;
  }
  // Mid-line labels (flattened text, glued `as follows:THE CLERK:`): ALL CAPS, or a speaker the file
  // names at a line start, or one that recurs mid-line; anything else is running text (`Note: ...`).
  const knownSpeakers = new Set([...lineStartSpeakers, ...midLineCounts.keys()]);
  const markers: MarkerCandidate[] = [];
  // No marker reaches past its line, and slices hold whole lines: each slice is ordered and cleared of overlaps alone.
  for (let index = 0; index < slices.length; index++) {
    const colonMarkers = lineStartMarkers[index];
    for (const found of midLineLabels[index]) {
      const label = withoutLeadingSentence(text, found, knownSpeakers);
      const trusted = isAllCaps(label.raw) || lineStartSpeakers.has(label.speaker) || (midLineCounts.get(label.speaker) ?? 0) >= 2;
      if (trusted) colonMarkers.push({ start: label.span.start, end: label.colon!.end, kind: 'colon', label, flattened: true });
    }
    colonMarkers.sort((a, b) => a.start - b.start);
    const sliceMarkers = [...dropOverlapping(colonMarkers), ...findChevronMarkers(text, slices[index].lines, false)].sort((a, b) => a.start - b.start);
    for (const marker of dropOverlapping(sliceMarkers)) markers.push(marker);
    yield;
  }
  return markers;
}

/** Court `Q.`/`A.` markers (in court text) and colon labels standing at line starts. */
function lineStartColonMarkers(text: string, lines: readonly Line[], court: boolean): MarkerCandidate[] {
  const markers: MarkerCandidate[] = [];
  for (const line of lines) {
    if (court) {
      const courtMatch = matchAt(COURT_MARKER, text, line.start, line.end);
      if (courtMatch) {
        const start = courtMatch.index + courtMatch[0].length - 2;
        const kind: MarkerKind = courtMatch[1] === 'Q' ? 'question' : 'answer';
        const label: Label = { raw: `${courtMatch[1]}.`, span: { start, end: start + 2 }, colon: null, speaker: courtMatch[1] };
        markers.push({ start, end: start + 2, kind, label, flattened: false });
        continue;
      }
    }
    const label = lineStartColonLabel(text, line);
    if (label !== null) markers.push({ start: label.span.start, end: label.colon!.end, kind: 'colon', label, flattened: false });
  }
  return markers;
}

/** `called AI. MIRABAI:` reads as one caps run; keep `MIRABAI` when the file knows that speaker. */
function withoutLeadingSentence(text: string, label: Label, knownSpeakers: ReadonlySet<string>): Label {
  const cut = label.raw.lastIndexOf('. ');
  if (cut === -1) return label;
  const rest = label.raw.slice(cut + 2).trimStart();
  if (!knownSpeakers.has(speakerKey(rest))) return label;
  return makeLabel(text, label.span.end - rest.length, label.span.end, label.colon) ?? label;
}

/** Keeps the first of overlapping markers; a marker reaches to the end of its label. */
function dropOverlapping(markers: MarkerCandidate[]): MarkerCandidate[] {
  const kept: MarkerCandidate[] = [];
  let keptEnd = -1;
  for (const marker of markers) {
    if (marker.start < keptEnd) continue;
    kept.push(marker);
    keptEnd = Math.max(marker.end, marker.label ? (marker.label.colon ?? marker.label.span).end : marker.end);
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

// ---------------------------------------------------------------------------------------------
// Turns

/** Turns from markers; the last one runs to `end` (the next marker, or the end of the text). */
export function buildTurns(text: string, lines: Line[], markers: MarkerCandidate[], end: number): Turn[] {
  const turns: Turn[] = [];
  let lineIndex = 0;
  for (let i = 0; i < markers.length; i++) {
    const marker = markers[i];
    const limit = i + 1 < markers.length ? markers[i + 1].start : end;
    const turnEnd = trimEndOffset(text, marker.start, limit);
    const afterLabel = marker.label ? Math.max(marker.end, (marker.label.colon ?? marker.label.span).end) : marker.end;
    const bodyStart = skipWhitespace(text, afterLabel, turnEnd);
    const body = { start: bodyStart, end: Math.max(bodyStart, turnEnd) };
    while (lineIndex + 1 < lines.length && lines[lineIndex + 1].start <= body.start) lineIndex++;
    turns.push({
      index: i,
      span: { start: marker.start, end: turnEnd },
      marker: { start: marker.start, end: marker.end },
      markerKind: marker.kind,
      label: marker.label,
      body,
      paragraphs: splitParagraphs(text, lines, lineIndex, body),
      flattened: marker.flattened,
    });
  }
  return turns;
}

/** Non-blank runs of lines within a span; a line holding only white space separates paragraphs. */
function splitParagraphs(text: string, lines: Line[], firstLine: number, body: Span): Span[] {
  const paragraphs: Span[] = [];
  if (body.start >= body.end) return paragraphs;
  let current: Span | null = null;
  for (let l = firstLine; l < lines.length && lines[l].start < body.end; l++) {
    const start = Math.max(lines[l].start, body.start);
    const end = Math.min(lines[l].end, body.end);
    const contentStart = skipWhitespace(text, start, end);
    if (contentStart >= end) {
      if (current) paragraphs.push(current);
      current = null;
      continue;
    }
    const contentEnd = trimEndOffset(text, contentStart, end);
    if (current) current.end = contentEnd;
    else current = { start: contentStart, end: contentEnd };
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

/** How the turns are marked, for the status bar. */
export function readingSummary(turns: readonly Turn[]): ReadingSummary {
  const markers: ReadingSummary['markers'] = {};
  for (const turn of turns) markers[turn.markerKind] = (markers[turn.markerKind] ?? 0) + 1;
  const kinds = Object.keys(markers).filter((kind) => kind !== 'section');
  return { markers, mixed: kinds.length > 1, markdown: false, providerHeader: false };
}

// ---------------------------------------------------------------------------------------------
// Header

export function buildHeader(text: string, lines: Line[], headerEnd: number): Header | null {
  const start = skipWhitespace(text, 0, headerEnd);
  const end = trimEndOffset(text, start, headerEnd);
  if (start >= end) return null;
  let titleSpan: Span | null = null;
  for (const line of lines) {
    if (line.start >= end) break;
    const lineStart = skipWhitespace(text, line.start, Math.min(line.end, end));
    const lineEnd = trimEndOffset(text, lineStart, Math.min(line.end, end));
    if (lineStart >= lineEnd) continue;
    const content = text.slice(lineStart, lineEnd);
    if (FENCE.test(content)) continue;
    // A provider block is no title, but a flattened header goes on after it on the same line.
    const provider = PROVIDER_BLOCK.exec(content);
    const titleStart = provider ? skipWhitespace(text, lineStart + provider[0].length, lineEnd) : lineStart;
    if (titleStart >= lineEnd) continue;
    titleSpan = { start: titleStart, end: lineEnd };
    break;
  }
  const title = titleSpan ? shortenTitle(text.slice(titleSpan.start, titleSpan.end)) : null;
  if (titleSpan && title) titleSpan = { start: titleSpan.start, end: Math.min(titleSpan.end, titleSpan.start + title.replace(/…$/, '').length) };
  return { span: { start, end }, title: title === null ? null : detached(title), titleSpan, disclaimer: findDisclaimer(text, lines, start, end) };
}

function shortenTitle(line: string): string {
  const collapsed = line.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= TITLE_MAX_LENGTH) return collapsed;
  const cut = collapsed.lastIndexOf(' ', TITLE_MAX_LENGTH);
  return `${collapsed.slice(0, cut > TITLE_MAX_LENGTH / 2 ? cut : TITLE_MAX_LENGTH)}…`;
}

/** The paragraph (run of non-blank, non-fence lines) of the header that carries a disclaimer. */
function findDisclaimer(text: string, lines: Line[], headerStart: number, headerEnd: number): Span | null {
  const headerText = text.slice(headerStart, headerEnd);
  let firstMatch = -1;
  for (const pattern of DISCLAIMER_PATTERNS) {
    const match = pattern.exec(headerText);
    if (match && (firstMatch === -1 || match.index < firstMatch)) firstMatch = match.index;
  }
  if (firstMatch === -1) return null;
  const at = headerStart + firstMatch;
  const isSeparator = (line: Line) => {
    const content = text.slice(line.start, line.end);
    return content.trim().length === 0 || FENCE.test(content);
  };
  let first = lines.findIndex((line) => line.end >= at);
  let last = first;
  while (first > 0 && lines[first - 1].start >= headerStart && !isSeparator(lines[first - 1])) first--;
  while (last + 1 < lines.length && lines[last + 1].end <= headerEnd && !isSeparator(lines[last + 1])) last++;
  const start = skipWhitespace(text, Math.max(lines[first].start, headerStart), headerEnd);
  return { start, end: trimEndOffset(text, start, Math.min(lines[last].end, headerEnd)) };
}

// ---------------------------------------------------------------------------------------------
// Timestamps and sections

export function findTimestamps(text: string, lines: Line[]): Timestamp[] {
  const timestamps: Timestamp[] = [];
  for (const line of lines) {
    if (line.end - line.start > 24) continue;
    const match = TIMESTAMP_LINE.exec(text.slice(line.start, line.end));
    if (match) {
      const start = line.start + match[0].indexOf(match[1]);
      timestamps.push({ span: { start, end: start + match[1].length }, text: detached(match[1]) });
    }
  }
  return timestamps;
}

export function buildSections(text: string, turns: Turn[], timestamps: Timestamp[]): Section[] {
  const sections: Section[] = [];
  let turnIndex = 0;
  let timestampIndex = 0;
  while (timestampIndex < timestamps.length || turnIndex < turns.length) {
    const timestamp = timestamps[timestampIndex];
    const turn = turns[turnIndex];
    if (timestamp && (!turn || timestamp.span.start < turn.span.start)) {
      // A bare time in the header (`7:00 P.M.` under the title) dates the event and heads no
      // section; a bracketed elapsed time (`[00:02:21]`) is a video platform's section mark.
      if (turnIndex > 0 || timestamp.text.startsWith('[')) sections.push({ span: timestamp.span, title: timestamp.text, firstTurn: turnIndex });
      timestampIndex++;
    } else {
      if (turn.markerKind === 'section') {
        const title = shortenTitle(text.slice(turn.body.start, turn.paragraphs[0]?.end ?? turn.body.end)) || '(section)';
        sections.push({ span: turn.marker, title: detached(title), firstTurn: turnIndex });
      }
      turnIndex++;
    }
  }
  return sections;
}

// ---------------------------------------------------------------------------------------------
// Annotations

// Longer bracketed content cannot be a lexicon term; only a group alone on its line can still be a note.
const MAX_TERM_LENGTH = 120;

export function findAnnotations(text: string, lines: Line[], turns: Turn[], inaudibleTerms: ReadonlySet<string>, timestamps: Timestamp[]): Annotation[] {
  const annotations: Annotation[] = [];
  const excluded = new Set(timestamps.map((timestamp) => timestamp.span.start));
  let turnCursor = -1;
  for (const line of lines) {
    const contentStart = skipWhitespace(text, line.start, line.end);
    const contentEnd = trimEndOffset(text, contentStart, line.end);
    // The first closing bracket after the last search, per kind: keeps runs of `((((` linear.
    const closeAfter: Record<string, number> = { '(': -2, '[': -2 };
    let position = contentStart;
    while (position < contentEnd) {
      const open = nextBracket(text, position, contentEnd);
      if (open === -1) break;
      position = open + 1;
      if (excluded.has(open)) continue;
      const bracket = text.charAt(open) as '(' | '[';
      if (closeAfter[bracket] !== -1 && closeAfter[bracket] <= open) {
        closeAfter[bracket] = indexOfWithin(text, BRACKET_CLOSE[bracket], open + 1, contentEnd);
      }
      const close = closeAfter[bracket];
      const closed = close !== -1;
      const spanEnd = closed ? close + 1 : contentEnd;
      const innerEnd = closed ? close : contentEnd;
      const alone = open === contentStart && spanEnd + 3 >= contentEnd && /^[\s.,;:!?-]*$/.test(text.slice(spanEnd, contentEnd));
      const rawContent = innerEnd - open <= MAX_TERM_LENGTH ? text.slice(open + 1, innerEnd) : '';
      const kind = classifyAnnotation(normaliseTerm(rawContent), alone, inaudibleTerms);
      // An unclosed bracket counts only at a line start; mid-line it is speech that wraps.
      if (kind === null || (!closed && open !== contentStart)) continue;
      while (turnCursor + 1 < turns.length && turns[turnCursor + 1].span.start <= open) turnCursor++;
      const content = (rawContent || text.slice(open + 1, Math.min(innerEnd, open + 1 + MAX_TERM_LENGTH))).trim().replace(/[\s.,;:!]+$/, '');
      annotations.push({ kind, span: { start: open, end: spanEnd }, content: detached(content), bracket, closed, turn: turnCursor });
      position = spanEnd;
    }
  }
  return annotations;
}

function indexOfWithin(text: string, search: string, from: number, to: number): number {
  const code = search.charCodeAt(0);
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

function nextBracket(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 40 /* ( */ || ch === 91 /* [ */) return i;
  }
  return -1;
}

function classifyAnnotation(content: string, alone: boolean, inaudibleTerms: ReadonlySet<string>): AnnotationKind | null {
  if (isInaudibleTerm(content, inaudibleTerms)) return 'inaudible';
  if (isNoteTerm(content)) return 'note';
  if (isSoundTerm(content)) return 'sound';
  return alone ? 'note' : null;
}

// ---------------------------------------------------------------------------------------------
// Small scanning helpers

function skipIndent(text: string, from: number, to: number): number {
  INDENT.lastIndex = from;
  INDENT.exec(text);
  return Math.min(INDENT.lastIndex, to);
}

function skipHorizontalSpace(text: string, from: number, to: number): number {
  HORIZONTAL_SPACE.lastIndex = from;
  HORIZONTAL_SPACE.exec(text);
  return Math.min(HORIZONTAL_SPACE.lastIndex, to);
}

function isWhitespace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 0xa0 || ch === 0xfeff || ch === 0x2028 || ch === 0x2029 || ch === 11 || ch === 12;
}

function skipWhitespace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

function trimEndOffset(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isWhitespace(text.charCodeAt(i - 1))) i--;
  return i;
}

function matchAt(pattern: RegExp, text: string, from: number, to: number): RegExpExecArray | null {
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match !== null && match.index + match[0].length <= to ? match : null;
}
