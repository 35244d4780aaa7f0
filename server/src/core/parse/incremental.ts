// Re-parsing only what an edit touched. The result is, by construction and by property test,
// identical to `parseWithState` on the new text; whenever that cannot be guaranteed cheaply
// (another dialect, colon or court text) it parses afresh. A colon-labelled speaker appearing or
// vanishing re-reads the colon-less labels (`>> MODERATOR Thank you`) of the other turns.
import type { Annotation, Span, Timestamp, Transcript, Turn } from '../model';
import { firstStartingAtOrAfter, turnIndexAt } from '../speech';
import { findAnnotations, findTimestamps } from './annotations';
import { combineEvidence, decideDialect, dialectEvidence } from './evidence';
import { buildHeader } from './header';
import { lineBeforeIsBlank, parseWithState, readingSummary, tallyTurns, type ParseState } from './index';
import { addCount, lineStartOf, nextLineStartAfter, splitLines } from './lines';
import { countColonSpeakers, findChevronMarkers, resolveColonlessLabels, type ColonCandidate, type MarkerCandidate } from './markers';
import { buildSections, confirmHeadings, findHeadings, type Heading } from './sections';
import { buildTurns } from './turns';

/** One replacement, in offsets of the text before it. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** Which turns an update re-parsed; null when it parsed the whole text afresh. */
export interface ReparsedTurns {
  /** The first re-parsed turn (same index before and after). */
  firstTurn: number;
  /** How many turns of the old parse were replaced, and by how many new ones. */
  removed: number;
  added: number;
  /** Offset change for everything after the re-parsed text. */
  delta: number;
  /** The header was re-parsed too. */
  header: boolean;
  /** Turns outside the re-parsed ones whose colon-less label came or went (new indices). */
  relabelled: number[];
}

export interface ParseUpdate {
  state: ParseState;
  reparsed: ReparsedTurns | null;
}

/**
 * The parse of `newText`, which is `state.transcript.text` with `change` applied. The objects of
 * `state` are reused and updated in place: `state` must not be used afterwards.
 */
export function updateParse(state: ParseState, change: TextChange, newText: string): ParseUpdate {
  return updateParseInPlace(state, change, newText) ?? { state: parseWithState(newText, state.options), reparsed: null };
}

/**
 * Only chevron turns are updated in place, in a file with no `NAME:` line that could be a label and
 * no doubtful reading: whether such a line is a label depends on the whole file. Any other text,
 * whatever the edit, is read afresh.
 */
export function parsedAfreshOnEveryEdit({ transcript, evidence }: ParseState): boolean {
  const chevronText = transcript.dialect === 'chevron' || transcript.dialect === 'single-chevron';
  // In `>>` text a single `>` starts a turn only when the file has two of them: a count over the whole file.
  const singlesCounted = transcript.dialect === 'chevron' && evidence.singleChevronLines > 0;
  return !chevronText || transcript.turns.length === 0 || evidence.colonLabels > 0 || transcript.doubts.length > 0 || singlesCounted;
}

/**
 * `updateParse` when the parse can be updated in place; null, with `state` untouched, when the text
 * must be parsed afresh (see `parsedAfreshOnEveryEdit`, or an edit that changes the dialect or
 * writes a `NAME:` line).
 */
export function updateParseInPlace(state: ParseState, change: TextChange, newText: string): { state: ParseState; reparsed: ReparsedTurns } | null {
  const old = state.transcript;
  if (parsedAfreshOnEveryEdit(state)) return null;
  const window = editWindow(old, change);
  const delta = change.text.length - (change.end - change.start);
  const newEnd = window.end + delta;

  const oldLines = splitLines(old.text, window.start, window.end);
  const newLines = splitLines(newText, window.start, newEnd);
  const newCandidates: ColonCandidate[] = [];
  const newEvidence = dialectEvidence(newText, newLines, window.start, newEnd, newCandidates);
  if (newCandidates.length > 0) return null;
  const withoutOld = combineEvidence(state.evidence, dialectEvidence(old.text, oldLines, window.start, window.end), -1);
  const evidence = combineEvidence(withoutOld, newEvidence, 1);
  if (decideDialect(evidence) !== old.dialect || (old.dialect === 'chevron' && evidence.singleChevronLines > 0)) return null;

  const markers = findChevronMarkers(newText, newLines, old.dialect === 'single-chevron');
  for (const marker of markers) if (marker.label && state.answers.notSpeakers.has(marker.label.speaker)) marker.label = null;
  const colonSpeakers = new Map(state.colonSpeakers);
  for (let i = window.firstTurn; i < window.endTurn; i++) {
    const label = old.turns[i].label;
    if (label?.colon) addCount(colonSpeakers, label.speaker, -1);
  }
  for (const [speaker, count] of countColonSpeakers(markers)) addCount(colonSpeakers, speaker, count);
  const speakersChanged = colonSpeakers.size !== state.colonSpeakers.size || [...colonSpeakers.keys()].some((speaker) => !state.colonSpeakers.has(speaker));
  resolveColonlessLabels(newText, markers, colonSpeakers);

  const followingTurns = old.turns.slice(window.endTurn);
  const nextTurnStart = followingTurns.length > 0 ? followingTurns[0].span.start + delta : newText.length;
  const turnStarts = [...(window.firstTurn > 0 ? [old.turns[0].span.start] : []), ...markers.map((marker) => marker.start), ...(followingTurns.length > 0 ? [nextTurnStart] : [])];
  const windowHeadings = confirmHeadings(newText, findHeadings(newText, newLines, lineBeforeIsBlank(newText, window.start)), turnStarts);
  const windowTurns = buildTurns(
    newText,
    newLines,
    markers,
    nextTurnStart,
    windowHeadings.map((heading) => heading.span.start),
  );
  const windowTimestamps = findTimestamps(newText, newLines);
  const windowAnnotations = findAnnotations(newText, newLines, windowTurns, state.inaudibleTerms, windowTimestamps);

  const tally = tallyTurns(tallyTurns(state.tally, old.text, old.turns.slice(window.firstTurn, window.endTurn), -1), newText, windowTurns, 1);
  const turnShift = windowTurns.length - (window.endTurn - window.firstTurn);
  for (const turn of followingTurns) shiftTurn(turn, delta, turnShift);
  windowTurns.forEach((turn) => (turn.index += window.firstTurn));
  const turns = old.turns.slice(0, window.firstTurn).concat(windowTurns, followingTurns);

  for (const annotation of windowAnnotations) if (annotation.turn >= 0) annotation.turn += window.firstTurn;
  const annotations = splice(old.annotations, window, windowAnnotations, (annotation) => {
    shiftSpan(annotation.span, delta);
    if (annotation.turn >= 0) annotation.turn += turnShift;
  });
  const timestamps = splice(old.timestamps, window, windowTimestamps, (timestamp) => shiftSpan(timestamp.span, delta));
  const headings = splice(state.headings, window, windowHeadings, (heading) => shiftSpan(heading.span, delta));

  // Colon-less labels anywhere depend on which speakers the file labels with a colon.
  const relabelled = speakersChanged ? relabelColonless(newText, turns, colonSpeakers, window.firstTurn, window.firstTurn + windowTurns.length) : [];
  const header = window.start === 0 ? buildHeader(newText, newLines, turns.length > 0 ? turns[0].span.start : newText.length) : old.header;
  const transcript: Transcript = {
    text: newText,
    dialect: old.dialect,
    header,
    turns,
    annotations,
    timestamps,
    sections: buildSections(newText, turns, timestamps, headings),
    doubts: [],
    // The header is read again only when the edit reaches it; otherwise what it carries is known.
    reading: window.start === 0 ? readingSummary(newText, tally, header, headings) : readingSummary(newText, tally, header, headings, old.reading.providerHeader),
  };
  return {
    state: { ...state, transcript, evidence, colonSpeakers, headings, tally },
    reparsed: { firstTurn: window.firstTurn, removed: window.endTurn - window.firstTurn, added: windowTurns.length, delta, header: window.start === 0, relabelled },
  };
}

/**
 * Re-reads the colon-less label of every chevron turn outside [skipFrom, skipTo) against the new set
 * of colon-labelled speakers, rebuilding (in `turns`, in place) the turns whose label came or went.
 */
function relabelColonless(text: string, turns: Turn[], colonSpeakers: ReadonlyMap<string, number>, skipFrom: number, skipTo: number): number[] {
  const relabelled: number[] = [];
  for (let i = 0; i < turns.length; i++) {
    if (i === skipFrom) i = skipTo;
    const turn = turns[i];
    if (!turn || (turn.label && turn.label.colon) || turn.markerKind === 'colon' || turn.markerKind === 'question' || turn.markerKind === 'answer') continue;
    const marker: MarkerCandidate = { start: turn.marker.start, end: turn.marker.end, kind: turn.markerKind, label: null, flattened: turn.flattened };
    resolveColonlessLabels(text, [marker], colonSpeakers);
    if (marker.label?.speaker === turn.label?.speaker && marker.label?.span.end === turn.label?.span.end) continue;
    const end = i + 1 < turns.length ? turns[i + 1].span.start : text.length;
    const [rebuilt] = buildTurns(text, splitLines(text, lineStartOf(text, turn.span.start), end), [marker], end);
    rebuilt.index = i;
    turns[i] = rebuilt;
    relabelled.push(i);
  }
  return relabelled;
}

interface EditWindow {
  /** A line start in both texts at or before the edit. */
  start: number;
  /** A line start after the edit in the old text (or its end). */
  end: number;
  /** Turns [firstTurn, endTurn) of the old parse lie in the window. */
  firstTurn: number;
  endTurn: number;
}

/**
 * The lines to re-parse: from the start of a turn that begins a line, before the turn holding the
 * edit (an edit can end the turn before it, by unmaking its marker), to the line of the first turn
 * that begins a line after the line following the edit.
 */
function editWindow(old: Transcript, change: TextChange): EditWindow {
  const { turns, text } = old;
  const editedTurn = turnIndexAt(turns, change.start);
  let firstTurn = editedTurn - 1;
  while (firstTurn >= 0 && turns[firstTurn].flattened) firstTurn--;
  const start = firstTurn < 0 ? 0 : lineStartOf(text, turns[firstTurn].span.start);
  let endTurn = Math.max(editedTurn + 1, 0);
  // A line reads as a turn or not by the line before it too (blank, a heading): the turn on the line
  // after the edit is re-read with it.
  const lineAfterEdit = nextLineStartAfter(text, change.end);
  while (endTurn < turns.length && (turns[endTurn].flattened || lineStartOf(text, turns[endTurn].span.start) <= lineAfterEdit)) endTurn++;
  const end = endTurn < turns.length ? lineStartOf(text, turns[endTurn].span.start) : text.length;
  return { start, end, firstTurn: Math.max(firstTurn, 0), endTurn };
}

/** Items before the window kept, the window's new items, the items after it moved by `shift`. */
function splice<T extends Annotation | Timestamp | Heading>(items: readonly T[], window: EditWindow, replacement: T[], shift: (item: T) => void): T[] {
  const first = firstStartingAtOrAfter(items, window.start);
  const after = firstStartingAtOrAfter(items, window.end);
  const following = items.slice(after);
  for (const item of following) shift(item);
  return items.slice(0, first).concat(replacement, following);
}

function shiftSpan(span: Span, delta: number): void {
  span.start += delta;
  span.end += delta;
}

function shiftTurn(turn: Turn, delta: number, indexShift: number): void {
  turn.index += indexShift;
  shiftSpan(turn.span, delta);
  shiftSpan(turn.marker, delta);
  if (turn.label) {
    shiftSpan(turn.label.span, delta);
    if (turn.label.colon) shiftSpan(turn.label.colon, delta);
  }
  shiftSpan(turn.body, delta);
  for (const paragraph of turn.paragraphs) shiftSpan(paragraph, delta);
}
