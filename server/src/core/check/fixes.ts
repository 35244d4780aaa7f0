// Applying the rules' fixes: text edits, the check that a safe fix keeps the spoken words as the
// re-parsed text reads them, and fix-all (every safe fix that passes that check).
import { analysisSteps, parseOptionsOf, parseWithSettings, type Analysis } from './analysis';
import type { Span, Transcript } from '../model';
import type { Finding, Fix, TextEdit } from './rules/rule';
import { DEFAULT_SETTINGS, type Settings } from '../config/settings';
import { parseSteps } from '../parse';
import { annotationsOfTurn, firstStartingAtOrAfter, speechOf, spokenWordsOfTurn, wordsOfSpeech } from '../speech';
import { runSteps } from '../steps';

/** Applies non-overlapping edits (offsets into `text`) in one go. Throws on overlapping edits: a caller bug. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return runSteps(applyEditsSteps(text, edits));
}

/** Edits applied per step: fix-all makes some 100,000 on a 20 MB transcript. */
const EDITS_PER_STEP = 2000;

/**
 * `applyEdits` in steps. Each step's part of the text is joined into one string, and the parts are
 * concatenated, which V8 keeps as a rope of a few large strings: no step copies the whole text, and
 * the first read of the result flattens few pieces (a rope of every edit's pieces took 40 ms at 20 MB).
 */
export function* applyEditsSteps(text: string, edits: readonly TextEdit[]): Generator<void, string> {
  const sorted = sortedByStart(edits);
  yield;
  let result = '';
  let cursor = 0;
  for (let first = 0; first < sorted.length; first += EDITS_PER_STEP) {
    const pieces: string[] = [];
    for (const edit of sorted.slice(first, first + EDITS_PER_STEP)) {
      if (edit.span.start < cursor || edit.span.end > text.length) throw new Error(`overlapping or out-of-range edit at ${edit.span.start}-${edit.span.end}`);
      pieces.push(text.slice(cursor, edit.span.start), edit.newText);
      cursor = edit.span.end;
    }
    result += pieces.join('');
    yield;
  }
  return result + text.slice(cursor);
}

/**
 * A finding's fixes as a quick fix offers them. A rule marks a fix safe when its edits touch no
 * spoken word, yet the parser can still read the text around them differently (an annotation
 * rewritten without its full stop no longer ends the sentence before a mid-line label; a turn put on
 * its own line tips the file from colon to chevron turns). A safe fix after which the re-parsed text
 * reads other spoken words is offered as an ordinary fix: neither safe nor preferred.
 * Each safe fix costs a parse of the whole text: this suits the findings under the cursor of a
 * document that parses in milliseconds, not every finding of a large file.
 */
export function checkedFixes(analysis: Analysis, finding: Finding, settings: Settings = DEFAULT_SETTINGS): Fix[] {
  const fixes = finding.fixes ?? [];
  if (!fixes.some((fix) => fix.safe)) return fixes;
  const keepsWords = readsWordsOf(analysis.transcript);
  const fixedText = (fix: Fix) => applyEdits(analysis.transcript.text, fix.edits);
  return fixes.map((fix) => (!fix.safe || runSteps(keepsWords(parseWithSettings(fixedText(fix), settings))) ? fix : { ...fix, safe: false, preferred: false }));
}

/** A finding fix-all means to fix, with the edits of its fix that no earlier chosen fix makes already. */
export interface ChosenFix {
  finding: Finding;
  edits: TextEdit[];
  freshEdits: TextEdit[];
}

/**
 * The fixes one pass of fix-all makes for these findings: each finding's first safe fix, in document
 * order, unless it has an edit in `refused` (by `editKey`: fix-all found it changes the words).
 * Duplicates (the "fix all N" variants repeat single fixes) are made once; a fix that would overlap
 * an earlier one waits for the next pass.
 */
export function safeFixesToApply(findings: readonly Finding[], refused: ReadonlySet<string> = new Set()): ChosenFix[] {
  const candidates: { finding: Finding; edits: TextEdit[] }[] = [];
  for (const finding of findings) {
    const fix = finding.fixes?.find((candidate) => candidate.safe);
    if (fix && fix.edits.length > 0 && !fix.edits.some((edit) => refused.has(editKey(edit)))) candidates.push({ finding, edits: fix.edits });
  }
  candidates.sort((a, b) => firstStart(a.edits) - firstStart(b.edits));
  const chosen: ChosenFix[] = [];
  const taken: TextEdit[] = []; // sorted by start, non-overlapping
  const takenKeys = new Set<string>();
  for (const { finding, edits } of candidates) {
    const freshEdits = edits.filter((edit) => !takenKeys.has(editKey(edit)));
    if (freshEdits.some((edit) => overlapsAny(taken, edit))) continue;
    for (const edit of freshEdits) {
      taken.splice(insertionPoint(taken, edit), 0, edit);
      takenKeys.add(editKey(edit));
    }
    chosen.push({ finding, edits, freshEdits });
  }
  return chosen;
}

/** Index of the first taken edit that starts after `edit`. */
function insertionPoint(taken: readonly TextEdit[], edit: TextEdit): number {
  return firstStartingAtOrAfter(taken, edit.span.start + 1);
}

function overlapsAny(taken: readonly TextEdit[], edit: TextEdit): boolean {
  const at = insertionPoint(taken, edit);
  // Neighbours are enough: taken edits do not overlap each other, so only these two can reach `edit`.
  return (at > 0 && overlaps(taken[at - 1], edit)) || (at < taken.length && overlaps(taken[at], edit));
}

export interface FixAllResult {
  text: string;
  /** The edits that turn the original text into `text`: each pass's, composed, in document order. */
  edits: TextEdit[];
  /** How many findings were fixed, by rule code. */
  fixedByCode: Record<string, number>;
  fixedCount: number;
}

/** A fix can reveal the next (a turn put on its own line gets its label read): passes repeat until nothing is left. */
const MAX_PASSES = 5;

/**
 * Applies every safe fix, pass after pass, until no safe fix remains; a fix after which the
 * re-parsed text reads other spoken words than the original (see `checkedFixes`) is left out.
 */
export function fixAll(text: string, settings: Settings = DEFAULT_SETTINGS): FixAllResult {
  return runSteps(fixAllSteps(text, settings));
}

/** `fixAll` in bounded steps (every analysis and word check of it), for a server to run in slices. */
export function* fixAllSteps(text: string, settings: Settings = DEFAULT_SETTINGS): Generator<void, FixAllResult> {
  const fixedByCode: Record<string, number> = {};
  let fixedCount = 0;
  let analysis: Analysis = yield* analysisSteps(text, settings);
  const keepsWords = readsWordsOf(analysis.transcript);
  // Edits found to change the words, in the current text's offsets: not tried again in later passes.
  let refused: TextEdit[] = [];
  let edits: TextEdit[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const chosen = safeFixesToApply(analysis.findings, new Set(refused.map(editKey)));
    if (chosen.length === 0) break;
    const outcome = yield* applyKeepingWords(
      analysis,
      chosen.map((fix) => fix.freshEdits),
      keepsWords,
      settings,
    );
    const applied = new Set(outcome.applied.map(editKey));
    for (const { finding, edits } of chosen) {
      if (!edits.every((edit) => applied.has(editKey(edit)))) continue;
      fixedByCode[finding.code] = (fixedByCode[finding.code] ?? 0) + 1;
      fixedCount++;
    }
    refused = movedPast(refused.concat(outcome.refused), outcome.applied);
    edits = yield* composeEditsSteps(edits, outcome.applied, analysis.transcript.text);
    analysis = outcome.analysis;
  }
  return { text: analysis.transcript.text, edits, fixedByCode, fixedCount };
}

interface CheckedEdits {
  /** The analysis of the text with `applied` made. */
  analysis: Analysis;
  applied: TextEdit[];
  refused: TextEdit[];
}

/**
 * Makes the groups of edits whose result the parser reads with the original's spoken words. All at
 * once when that keeps them: the analysis that checks it is the one the next pass reads, so the
 * check costs no parse of its own. Otherwise the places that read differently are found by
 * comparing the two readings (no parse): a group alone in such a place changed it and is left out,
 * the groups elsewhere are checked together with one analysis, and only groups sharing such a place
 * are told apart by halving (a parse per halving). A 10 MB transcript whose fixes change the words in
 * a dozen places costs a few analyses instead of a dozen halvings of the whole text.
 */
function* applyKeepingWords(before: Analysis, groups: readonly TextEdit[][], keepsWords: WordsCheck, settings: Settings): Generator<void, CheckedEdits> {
  const { text } = before.transcript;
  const all = groups.flat();
  const analysis = yield* analysisSteps(yield* applyEditsSteps(text, all), settings);
  if (yield* keepsWords(analysis.transcript)) return { analysis, applied: all, refused: [] };
  const places = yield* placesReadDifferently(before.transcript, analysis.transcript, all);
  const sorted = places.length > 0 ? groupsByPlace(groups, places) : null;
  if (sorted && sorted.elsewhere.length > 0) {
    const elsewhere = sorted.elsewhere.flat();
    const checked = yield* analysisSteps(yield* applyEditsSteps(text, elsewhere), settings);
    if (yield* keepsWords(checked.transcript)) {
      const alone = sorted.alone.flat();
      if (sorted.shared.length === 0) return { analysis: checked, applied: elsewhere, refused: alone };
      return yield* halving(before, sorted.shared, keepsWords, settings, { analysis: checked, applied: elsewhere, refused: alone });
    }
  }
  // The reading changed away from every edit (the whole file read another way) or in ways the groups
  // elsewhere share: halving over all of them finds each group that changes the words.
  return yield* halving(before, groups, keepsWords, settings, { analysis: before, applied: [], refused: [] });
}

/**
 * Adds to `start.applied` each group of `groups` that keeps the words: a group that changes them is
 * halved until it stands alone, and is left out. A parse per halving; the rules run once at the end.
 */
function* halving(before: Analysis, groups: readonly TextEdit[][], keepsWords: WordsCheck, settings: Settings, start: CheckedEdits): Generator<void, CheckedEdits> {
  const { text } = before.transcript;
  let applied = start.applied;
  const refused = [...start.refused];
  const parse = (edited: string) => parseSteps(edited, parseOptionsOf(settings));
  // `part` changes the words when added to `applied`: its halves are tried in turn.
  function* halve(part: readonly TextEdit[][]): Generator<void> {
    if (part.length === 1) {
      refused.push(...part[0]);
      return;
    }
    const middle = Math.ceil(part.length / 2);
    for (const half of [part.slice(0, middle), part.slice(middle)]) {
      const edits = applied.concat(half.flat());
      if (yield* keepsWords((yield* parse(yield* applyEditsSteps(text, edits))).transcript)) applied = edits;
      else yield* halve(half);
    }
  }
  yield* halve(groups);
  if (applied === start.applied) return { analysis: start.analysis, applied, refused };
  return { analysis: applied.length > 0 ? yield* analysisSteps(yield* applyEditsSteps(text, applied), settings) : before, applied, refused };
}

/**
 * The groups with an edit in or next to a place that reads differently: `alone` when the only group
 * there (it changed that place), `shared` when others are there too; the rest are `elsewhere`.
 */
function groupsByPlace(groups: readonly TextEdit[][], places: readonly Span[]): { alone: TextEdit[][]; shared: TextEdit[][]; elsewhere: TextEdit[][] } {
  const groupsAt = places.map(() => new Set<number>());
  groups.forEach((group, index) => {
    for (const edit of group) {
      // Places are sorted and apart: the first that does not end before the edit is the only candidate.
      let low = 0;
      let high = places.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (places[middle].end + 1 < edit.span.start) low = middle + 1;
        else high = middle;
      }
      if (low < places.length && places[low].start - 1 <= edit.span.end) groupsAt[low].add(index);
    }
  });
  if (groupsAt.some((at) => at.size === 0)) return { alone: [], shared: [], elsewhere: [] };
  const alone = new Set<number>();
  const shared = new Set<number>();
  for (const at of groupsAt) for (const index of at) (at.size === 1 ? alone : shared).add(index);
  for (const index of alone) shared.delete(index);
  const pick = (indices: Set<number>) => groups.filter((_, index) => indices.has(index));
  return { alone: pick(alone), shared: pick(shared), elsewhere: groups.filter((_, index) => !alone.has(index) && !shared.has(index)) };
}

/**
 * Where `edited` (the original with `edits` made) reads other spoken words than `original`: spans of
 * the original text, sorted and apart. The two readings' stretches of speech are walked side by
 * side, the edited ones mapped back to the original's offsets; where they stop matching, stretches
 * are taken from both until they end at the same place, and that run is a place when its words differ.
 */
function* placesReadDifferently(original: Transcript, edited: Transcript, edits: readonly TextEdit[]): Generator<void, Span[]> {
  const toOriginal = originalOffsets(edits);
  const stretchesOf = (transcript: Transcript, map: (span: Span) => Span) => {
    const stretches = speechOf(transcript.text, transcript.turns, (turn) => annotationsOfTurn(transcript, turn));
    return () => {
      const next = stretches.next();
      return next.done ? null : { span: map(next.value.span), speech: next.value.speech };
    };
  };
  const nextOriginal = stretchesOf(original, (span) => span);
  const nextEdited = stretchesOf(edited, (span) => ({ start: toOriginal(span.start, 'start'), end: toOriginal(span.end, 'end') }));
  const places: Span[] = [];
  let a = nextOriginal();
  let b = nextEdited();
  for (let compared = 1; a || b; compared++) {
    if (compared % STRETCHES_PER_STEP === 0) yield;
    if (a && b && a.span.start === b.span.start && a.span.end === b.span.end && a.speech === b.speech) {
      a = nextOriginal();
      b = nextEdited();
      continue;
    }
    // A run from here until both readings' stretches end at the same offset.
    const wordsA: string[] = [];
    const wordsB: string[] = [];
    const start = Math.min(a?.span.start ?? Infinity, b?.span.start ?? Infinity);
    let endA = -1;
    let endB = -1;
    do {
      if (a && (endA <= endB || !b)) {
        wordsA.push(...wordsOfSpeech(a.speech));
        endA = a.span.end;
        a = nextOriginal();
      } else if (b) {
        wordsB.push(...wordsOfSpeech(b.speech));
        endB = b.span.end;
        b = nextEdited();
      }
      if (++compared % STRETCHES_PER_STEP === 0) yield;
    } while ((a || b) && (endA !== endB || endA < 0 || endB < 0));
    const end = Math.max(endA, endB);
    if (!sameWords(wordsA, wordsB)) {
      const last = places[places.length - 1];
      if (last && last.end + 1 >= start) last.end = Math.max(last.end, end);
      else places.push({ start, end });
    }
  }
  return places;
}

/** Maps an offset of the text with `edits` made to the original's: inside an edit's new text, to its start or end. */
function originalOffsets(edits: readonly TextEdit[]): (offset: number, side: 'start' | 'end') => number {
  const sorted = sortedByStart(edits);
  const newStarts: number[] = [];
  const shiftAfter: number[] = [];
  let shift = 0;
  for (const edit of sorted) {
    newStarts.push(edit.span.start + shift);
    shift += edit.newText.length - (edit.span.end - edit.span.start);
    shiftAfter.push(shift);
  }
  return (offset, side) => {
    // The last edit whose new text starts at or before `offset`.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (newStarts[middle] <= offset) low = middle + 1;
      else high = middle;
    }
    const index = low - 1;
    if (index < 0) return offset;
    const edit = sorted[index];
    const newEnd = newStarts[index] + edit.newText.length;
    if (offset >= newEnd && !(offset === newStarts[index] && side === 'start')) return offset - shiftAfter[index];
    return side === 'start' ? edit.span.start : edit.span.end;
  };
}

/**
 * `edits` (not made) as they stand in the text after `applied` (made): moved by the length change of
 * the applied edits before them. One that overlaps an applied edit is dropped: its text changed.
 */
function movedPast(edits: readonly TextEdit[], applied: readonly TextEdit[]): TextEdit[] {
  const sorted = sortedByStart(applied);
  const shiftBefore: number[] = [0]; // shiftBefore[i]: length change of sorted[0..i)
  for (const edit of sorted) shiftBefore.push(shiftBefore[shiftBefore.length - 1] + edit.newText.length - (edit.span.end - edit.span.start));
  const moved: TextEdit[] = [];
  for (const edit of edits) {
    if (overlapsAny(sorted, edit)) continue;
    const shift = shiftBefore[insertionPoint(sorted, edit)];
    moved.push({ span: { start: edit.span.start + shift, end: edit.span.end + shift }, newText: edit.newText });
  }
  return moved;
}

/**
 * A test of whether a parse reads the spoken words of `original`. Stretches of speech are compared as
 * text first, as a fix leaves nearly all of them as they were; the words themselves, a
 * regular-expression pass over all the speech and ten times slower, only when a stretch differs.
 */
type WordsCheck = (candidate: Transcript) => Generator<void, boolean>;

function readsWordsOf(original: Transcript): WordsCheck {
  let originalWords: string[][] | undefined;
  return function* (candidate) {
    if (yield* sameSpeech(original, candidate)) return true;
    originalWords ??= yield* spokenWordsSteps(original);
    return sameWordSequence(yield* spokenWordsSteps(candidate), originalWords);
  };
}

/** Stretches of speech compared per step: a few milliseconds. */
const STRETCHES_PER_STEP = 5000;

function* sameSpeech(a: Transcript, b: Transcript): Generator<void, boolean> {
  const speechA = speechOf(a.text, a.turns, (turn) => annotationsOfTurn(a, turn));
  const speechB = speechOf(b.text, b.turns, (turn) => annotationsOfTurn(b, turn));
  for (let compared = 1; ; compared++) {
    const nextA = speechA.next();
    const nextB = speechB.next();
    if (nextA.done || nextB.done) return nextA.done === nextB.done;
    if (nextA.value.speech !== nextB.value.speech) return false;
    if (compared % STRETCHES_PER_STEP === 0) yield;
  }
}

/** Turns whose words one step reads: ~5 ms, garbage collection included. */
const TURNS_PER_STEP = 200;

/**
 * `spokenWords`, a batch of turns per step, each batch's words an array of its own: one array of a
 * 20 MB file's three million words grew by copying, 15 ms at a time.
 */
function* spokenWordsSteps(transcript: Transcript): Generator<void, string[][]> {
  const batches: string[][] = [];
  let batch: string[] = [];
  for (const turn of transcript.turns) {
    for (const word of spokenWordsOfTurn(transcript.text, turn, annotationsOfTurn(transcript, turn))) batch.push(word);
    if (turn.index % TURNS_PER_STEP === TURNS_PER_STEP - 1) {
      batches.push(batch);
      batch = [];
      yield;
    }
  }
  batches.push(batch);
  return batches;
}

/** Whether two lists of batches hold the same words in the same order, however they are batched. */
function sameWordSequence(a: readonly string[][], b: readonly string[][]): boolean {
  const fromB = wordsOf(b);
  for (const word of wordsOf(a)) {
    if (fromB.next().value !== word) return false;
  }
  return fromB.next().done === true;
}

function* wordsOf(batches: readonly string[][]): Generator<string> {
  for (const batch of batches) yield* batch;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, i) => word === b[i]);
}

function sortedByStart(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** Groups of edits composed per step. */
const GROUPS_PER_STEP = 2000;

/**
 * Edits of a text A that make what `first` (edits of A) and then `second` (edits of `between`, the
 * text `first` made) make together: a fix-all of many passes becomes the few edits an editor applies
 * where the text changed, instead of one edit replacing everything from the first change to the last.
 * Edits of the two that overlap or touch become one, over the text they cover.
 */
export function composeEdits(first: readonly TextEdit[], second: readonly TextEdit[], between: string): TextEdit[] {
  return runSteps(composeEditsSteps(first, second, between));
}

/** `composeEdits` in steps. */
export function* composeEditsSteps(first: readonly TextEdit[], second: readonly TextEdit[], between: string): Generator<void, TextEdit[]> {
  // Where each edit of `first` stands in `between`.
  let growth = 0;
  const placed = sortedByStart(first).map((edit) => {
    const start = edit.span.start + growth;
    growth += edit.newText.length - (edit.span.end - edit.span.start);
    return { edit, start, end: start + edit.newText.length };
  });
  const later = sortedByStart(second);
  const composed: TextEdit[] = [];
  // `between`'s offset less A's, for text after the groups composed so far.
  let shift = 0;
  for (let i = 0, j = 0, groups = 1; i < placed.length || j < later.length; groups++) {
    const start = Math.min(placed[i]?.start ?? Infinity, later[j]?.span.start ?? Infinity);
    let end = start;
    const firstEdits: TextEdit[] = [];
    const secondEdits: TextEdit[] = [];
    let groupGrowth = 0;
    for (;;) {
      if (i < placed.length && placed[i].start <= end) {
        end = Math.max(end, placed[i].end);
        firstEdits.push(placed[i].edit);
        groupGrowth += placed[i].edit.newText.length - (placed[i].edit.span.end - placed[i].edit.span.start);
        i++;
      } else if (j < later.length && later[j].span.start <= end) {
        end = Math.max(end, later[j].span.end);
        secondEdits.push(later[j]);
        j++;
      } else break;
    }
    if (secondEdits.length === 0) composed.push(...firstEdits);
    else {
      const relative = secondEdits.map((edit) => ({ span: { start: edit.span.start - start, end: edit.span.end - start }, newText: edit.newText }));
      composed.push({ span: { start: start - shift, end: end - shift - groupGrowth }, newText: applyEdits(between.slice(start, end), relative) });
    }
    shift += groupGrowth;
    if (groups % GROUPS_PER_STEP === 0) yield;
  }
  return composed;
}

function firstStart(edits: readonly TextEdit[]): number {
  return edits.reduce((min, edit) => Math.min(min, edit.span.start), Number.POSITIVE_INFINITY);
}

function editKey(edit: TextEdit): string {
  return `${edit.span.start}:${edit.span.end}:${edit.newText}`;
}

/** Two edits touch the same text, or insert at the same point (their order would be ambiguous). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.span.start === b.span.start && (a.span.start === a.span.end || b.span.start === b.span.end)) return true;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}
