// The reader: text in, Transcript out, in bounded steps so that a server can read a 20 MB file
// between other requests. Lines, markers and their evidence, turns, the header, annotations and
// sections each have their own module here; incremental.ts updates a reading after an edit through
// the functions this index exports.
import { inaudibleTermSet } from '../lexicon';
import type { Annotation, LabelDoubt, ReadingSummary, Timestamp, Transcript, Turn } from '../model';
import { speakerKey } from '../speakers/speakers';
import { turnIndexAt } from '../speech';
import { runSteps } from '../steps';
import { findAnnotations, findTimestamps } from './annotations';
import { combineEvidence, decideDialect, dialectEvidence, emptyEvidence, type DialectEvidence } from './evidence';
import { buildHeader, hasProviderLines } from './header';
import { isBlankLine, lineStartOf, linesFrom, nextLineStartAfter, splitLines } from './lines';
import { countColonSpeakers, markerSteps, resolveColonlessLabels, type LineSlice, type SpeakerAnswers } from './markers';
export type { ColonCandidate } from './markers';
export { addCount, lineStartOf } from './lines';
import { buildSections, confirmHeadings, findHeadings, type Heading } from './sections';
import { buildTurns } from './turns';

export interface ParseOptions {
  /** Normalised inaudible terms (see `inaudibleTermSet`); defaults to the built-in lexicon. */
  inaudibleTerms?: ReadonlySet<string>;
  /** Names the user says are speakers: a `NAME:` with one of them starts a turn. */
  speakers?: readonly string[];
  /** Names the user says are not speakers: never read as a label. */
  notSpeakers?: readonly string[];
}

/**
 * A reading plus what an incremental update needs to stay identical to a fresh one: the dialect
 * evidence and the speakers labelled with a colon (sums over lines and turns), and the headings.
 */
export interface ParseState {
  transcript: Transcript;
  evidence: DialectEvidence;
  /** Speakers of colon labels (the ones a colon-less label may repeat), with their counts. */
  colonSpeakers: Map<string, number>;
  /** Headings inside the text (after the first turn). */
  headings: Heading[];
  tally: MarkerTally;
  inaudibleTerms: ReadonlySet<string>;
  answers: SpeakerAnswers;
  /** What the text was read with, for a fresh reading after an edit. */
  options: ParseOptions;
}

const DEFAULT_INAUDIBLE_TERMS = inaudibleTermSet();

export function parseTranscript(text: string, options: ParseOptions = {}): Transcript {
  return parseWithState(text, options).transcript;
}

export function parseWithState(text: string, options: ParseOptions = {}): ParseState {
  return runSteps(parseSteps(text, options));
}

/** Characters one step of the reader reads: a few milliseconds of work. */
const STEP_LENGTH = 64 * 1024;
/** Markers one step turns into turns. */
const MARKERS_PER_STEP = 2000;

export function answersOf(options: ParseOptions): SpeakerAnswers {
  return { speakers: new Set((options.speakers ?? []).map(speakerKey)), notSpeakers: new Set((options.notSpeakers ?? []).map(speakerKey)) };
}

/**
 * The reading, as a sequence of bounded steps (a `yield` after each). Every pass that reads lines
 * reads them a slice at a time; the evidence adds up over slices as it does over edits.
 */
export function* parseSteps(text: string, options: ParseOptions = {}): Generator<void, ParseState> {
  const inaudibleTerms = options.inaudibleTerms ?? DEFAULT_INAUDIBLE_TERMS;
  const answers = answersOf(options);
  const slices: LineSlice[] = [];
  for (let start = 0; ;) {
    const end = nextLineStartAfter(text, Math.min(text.length, start + STEP_LENGTH));
    slices.push({ start, end, lines: splitLines(text, start, end), candidates: [] });
    if (end >= text.length) break;
    start = end;
    yield;
  }
  let evidence = emptyEvidence();
  const headingCandidates: Heading[] = [];
  for (const { start, end, lines, candidates } of slices) {
    evidence = combineEvidence(evidence, dialectEvidence(text, lines, start, end, candidates), 1);
    headingCandidates.push(...findHeadings(text, lines, lineBeforeIsBlank(text, start)));
    yield;
  }
  const dialect = decideDialect(evidence);
  const allLines = slices.length === 1 ? slices[0].lines : slices.flatMap((slice) => slice.lines);
  const { markers, doubts } = yield* markerSteps(text, slices, dialect, evidence.singleChevronLines - evidence.noteOnlySingleLines, answers);
  const headings = confirmHeadings(
    text,
    headingCandidates,
    markers.map((marker) => marker.start),
  );
  const barriers = headings.map((heading) => heading.span.start);
  const colonSpeakers = countColonSpeakers(markers);
  const turns: Turn[] = [];
  for (let first = 0; first < markers.length; first += MARKERS_PER_STEP) {
    const batch = markers.slice(first, first + MARKERS_PER_STEP);
    resolveColonlessLabels(text, batch, colonSpeakers);
    const end = first + MARKERS_PER_STEP < markers.length ? markers[first + MARKERS_PER_STEP].start : text.length;
    for (const turn of buildTurns(text, linesFrom(allLines, batch[0].start), batch, end, barriers)) {
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
  const sections = buildSections(text, turns, timestamps, headings);
  const tally = tallyTurns({ kinds: {}, markdown: 0 }, text, turns, 1);
  const reading = readingSummary(text, tally, header, headings);
  const transcript: Transcript = { text, dialect, header, turns, annotations, timestamps, sections, doubts: doubtsAfterHeader(doubts, headerEnd), reading };
  return { transcript, evidence, colonSpeakers, headings, tally, inaudibleTerms, answers, options };
}

/** Doubts about the header's own lines are not asked: the header has no turns to decide. */
function doubtsAfterHeader(doubts: LabelDoubt[], headerEnd: number): LabelDoubt[] {
  return doubts.filter((doubt) => doubt.readAs === 'label' || doubt.span.start > headerEnd);
}

export function lineBeforeIsBlank(text: string, lineStart: number): boolean {
  if (lineStart === 0) return true;
  let end = lineStart - 1;
  if (text.charCodeAt(end) === 10 && text.charCodeAt(end - 1) === 13) end--;
  const start = lineStartOf(text, end);
  return isBlankLine(text, { start, end });
}

/** How many turns each marker kind starts, and how many of them are written in Markdown. */
export interface MarkerTally {
  kinds: ReadingSummary['markers'];
  markdown: number;
}

/** Adds (`sign` 1) or removes (`sign` -1) turns from a tally, in place. */
export function tallyTurns(tally: MarkerTally, text: string, turns: readonly Turn[], sign: 1 | -1): MarkerTally {
  for (const turn of turns) {
    const count = (tally.kinds[turn.markerKind] ?? 0) + sign;
    if (count === 0) delete tally.kinds[turn.markerKind];
    else tally.kinds[turn.markerKind] = count;
    if (isMarkdownTurn(text, turn)) tally.markdown += sign;
  }
  return tally;
}

/** `> > text`, or a label in emphasis (`**DANA:**`, `>> __Dana:__`). */
function isMarkdownTurn(text: string, turn: Turn): boolean {
  if (text.charCodeAt(turn.marker.start) === 62 && text.charCodeAt(turn.marker.start + 1) === 32 && text.charCodeAt(turn.marker.start + 2) === 62) return true;
  if (!turn.label) return false;
  const before = text.charCodeAt(turn.label.span.start - 1);
  return before === 42 /* * */ || before === 95; /* _ */
}

/** What the reader found, for the status bar: how turns are marked, Markdown, a provider's header. */
export function readingSummary(
  text: string,
  tally: MarkerTally,
  header: Transcript['header'],
  headings: readonly Heading[],
  providerHeader = hasProviderLines(text, header),
): ReadingSummary {
  const counts = tally.kinds;
  // Court text labels its colloquy between `Q.` and `A.` lines: one style, not a mix.
  const styles = new Set(
    Object.keys(counts).map((kind) => (kind === 'question' || kind === 'answer' || (kind === 'colon' && counts.question) ? 'court' : kind === 'section' ? 'chevron' : kind)),
  );
  return {
    markers: { ...counts },
    mixed: styles.size > 1,
    markdown: tally.markdown > 0 || headings.some((heading) => heading.markdown),
    providerHeader,
  };
}
