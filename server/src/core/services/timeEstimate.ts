// When was this said? Times in the recording for any place in a transcript, estimated from the known
// points around it (timestamps in the text, sync points the user set, the start and end of the
// recording) by interpolating over the spoken words between them, with a bound on the error.
// Plain text in, plain data out: offsets are UTF-16 string indices, times are seconds.
import type { Span, Transcript } from '../model';
import { turnIndexAt } from '../speech';
import { runSteps } from '../steps';
import { findMediaTimestamps, type MediaTimestamp } from './timestamps';

/** "This is being said now": a time the user gave for a place in the text, kept outside the text. */
export interface SyncPoint {
  seconds: number;
  anchor: TextAnchor;
}

/**
 * A place in the text that survives edits elsewhere: the text that stood there (`quote`) and where it
 * stood (`offset`, a hint). Text inserted or deleted before it moves the quote; the nearest
 * occurrence of the quote is the place.
 */
export interface TextAnchor {
  offset: number;
  quote: string;
}

export type KnownPointKind = 'start' | 'timestamp' | 'sync' | 'end';

export interface KnownPoint {
  kind: KnownPointKind;
  offset: number;
  seconds: number;
  /** Spoken words before the point. */
  words: number;
}

export interface TimeEstimate {
  seconds: number;
  /** How far the estimate may be off, in seconds (see `errorBound`). */
  plusMinus: number;
  /** The known points it was interpolated between; `after` is null past the last one (extrapolated). */
  before: KnownPoint;
  after: KnownPoint | null;
}

export interface Recording {
  /** Length of the recording in seconds; null while unknown (then the end is extrapolated). */
  durationSeconds: number | null;
  syncPoints: readonly SyncPoint[];
}

/** A typical captioned speaking rate (150 words a minute), for times past the last known point. */
export const DEFAULT_WORDS_PER_SECOND = 2.5;
/** Speaking rate may differ by this share between two known points (pauses, applause, fast readers). */
export const RATE_VARIATION = 0.25;
/** How exact each kind of point is, in seconds: timestamps are whole seconds, a sync point is a keypress after hearing the words. */
const PRECISION: Record<KnownPointKind, number> = { start: 0, end: 0, timestamp: 1, sync: 1.5 };
/** Characters of text a sync point remembers; an edit inside them falls back to the first `SHORT_QUOTE`. */
const QUOTE_LENGTH = 48;
const SHORT_QUOTE = 16;
/** Characters of text one step of `prepareSteps` reads (about 5 ms on a slow machine). */
const STEP_CHARACTERS = 256 * 1024;

/** Counts of spoken words per turn, for word positions of any offset. Built once per transcript. */
class WordIndex {
  /** Spoken words before each turn. */
  readonly before: Int32Array;
  total = 0;
  /** Per turn, the spans inside its body that are not speech: annotations and timestamps, in order. */
  private readonly skipped: Span[][];

  private constructor(
    private readonly transcript: Transcript,
    timestamps: readonly MediaTimestamp[],
  ) {
    const { turns, annotations } = transcript;
    this.skipped = turns.map(() => []);
    // Annotations and timestamps are both in document order: merge them into each turn's list.
    let a = 0;
    let t = 0;
    while (a < annotations.length || t < timestamps.length) {
      const annotation = annotations[a];
      const stamp = timestamps[t];
      const takeAnnotation = annotation !== undefined && (stamp === undefined || annotation.span.start <= stamp.span.start);
      const span = takeAnnotation ? annotation.span : stamp.span;
      const turn = takeAnnotation ? annotation.turn : turnIndexAt(turns, span.start);
      if (takeAnnotation) a++;
      else t++;
      if (turn >= 0) this.skipped[turn].push(span);
    }
    this.before = new Int32Array(turns.length);
  }

  /** Counts the words of every turn, yielding after every `STEP_CHARACTERS` or so of text. */
  static *build(transcript: Transcript, timestamps: readonly MediaTimestamp[]): Generator<void, WordIndex> {
    const index = new WordIndex(transcript, timestamps);
    let total = 0;
    let sinceYield = 0;
    for (const turn of transcript.turns) {
      index.before[turn.index] = total;
      total += index.countIn(turn.index, turn.body.end);
      sinceYield += turn.body.end - turn.body.start;
      if (sinceYield >= STEP_CHARACTERS) {
        sinceYield = 0;
        yield;
      }
    }
    index.total = total;
    return index;
  }

  /** Spoken words that start before `offset`. */
  wordsBefore(offset: number): number {
    const turn = turnIndexAt(this.transcript.turns, offset);
    if (turn < 0) return 0;
    return this.before[turn] + this.countIn(turn, Math.min(offset, this.transcript.turns[turn].body.end));
  }

  /** Offset of the start of the word with this index (0-based), or the end of the last turn. */
  offsetOfWord(word: number): number {
    const { turns } = this.transcript;
    if (turns.length === 0) return 0;
    let low = 0;
    let high = turns.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.before[mid] <= word) low = mid;
      else high = mid - 1;
    }
    const found = this.walk(low, turns[low].body.end, word - this.before[low]);
    return found >= 0 ? found : word <= 0 ? turns[low].span.start : turns[low].span.end;
  }

  /** Spoken words of a turn's body that start before `end`. */
  private countIn(turn: number, end: number): number {
    return -2 - this.walk(turn, end, -1);
  }

  /**
   * Walks a turn's speech up to `end`, skipping annotations and timestamps: the offset of word
   * number `stopAt` when it gets there, else `-2 - words seen` (one pass of `charCodeAt` per character).
   */
  private walk(turn: number, end: number, stopAt: number): number {
    const { text } = this.transcript;
    const skipped = this.skipped[turn];
    let next = 0;
    let words = 0;
    let inWord = false;
    for (let i = this.transcript.turns[turn].body.start; i < end; i++) {
      if (next < skipped.length && i >= skipped[next].start) {
        const skipEnd = skipped[next++].end;
        if (skipEnd > i) {
          i = skipEnd - 1;
          inWord = false;
          continue;
        }
      }
      const wordChar = isWordChar(text.charCodeAt(i));
      if (wordChar && !inWord) {
        if (words === stopAt) return i;
        words++;
      }
      inWord = wordChar;
    }
    return -2 - words;
  }
}

/** Letters, digits, inner apostrophes and hyphens of ASCII, and every non-ASCII non-space character. */
function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 39 ||
    (code > 127 && code !== 0xa0 && code !== 0x2014 && code !== 0x2013 && code !== 0x2026 && code !== 0x2011)
  );
}

/** Timestamps and word counts depend only on the transcript: kept while its version lives. */
const indexes = new WeakMap<Transcript, { words: WordIndex; timestamps: MediaTimestamp[] }>();

/**
 * Reads the transcript's timestamps and counts its words in steps of about `STEP_CHARACTERS`
 * characters (a few milliseconds each), for a server that must not hold its event loop; the
 * estimates of that transcript are cheap afterwards. Without it, the first estimate does it at once.
 */
export function* prepareSteps(transcript: Transcript): Generator<void, void> {
  if (indexes.has(transcript)) return;
  const { text } = transcript;
  const timestamps: MediaTimestamp[] = [];
  for (let from = 0; from < text.length;) {
    // Timestamps never span a line break: cut after one.
    const cut = text.indexOf('\n', from + STEP_CHARACTERS);
    const to = cut < 0 ? text.length : cut + 1;
    for (const stamp of findMediaTimestamps(text, from, to)) timestamps.push(stamp);
    from = to;
    yield;
  }
  const words = yield* WordIndex.build(transcript, timestamps);
  indexes.set(transcript, { words, timestamps });
}

function indexOf(transcript: Transcript): { words: WordIndex; timestamps: MediaTimestamp[] } {
  if (!indexes.has(transcript)) runSteps(prepareSteps(transcript));
  return indexes.get(transcript)!;
}

/** The media timestamps written in the transcript (cached with its word counts). */
export function mediaTimestamps(transcript: Transcript): readonly MediaTimestamp[] {
  return indexOf(transcript).timestamps;
}

/** An anchor for a sync point at `offset`: the start of the word there and the text from it. */
export function anchorAt(text: string, offset: number): TextAnchor {
  let start = Math.max(0, Math.min(offset, text.length));
  while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
  return { offset: start, quote: text.slice(start, start + QUOTE_LENGTH) };
}

/**
 * Where an anchor stands in `text` now: its quote at the hinted offset, or the nearest occurrence of
 * it (text moved), or of its first characters (the quote itself was edited); null when it is gone.
 */
export function resolveAnchor(text: string, anchor: TextAnchor): number | null {
  if (anchor.quote.length === 0) return null;
  if (text.startsWith(anchor.quote, anchor.offset)) return anchor.offset;
  const nearest = (quote: string): number | null => {
    const hint = Math.max(0, Math.min(anchor.offset, text.length));
    const after = text.indexOf(quote, hint);
    const before = text.lastIndexOf(quote, hint);
    if (after < 0 && before < 0) return null;
    if (after < 0) return before;
    if (before < 0) return after;
    return hint - before <= after - hint ? before : after;
  };
  return nearest(anchor.quote) ?? (anchor.quote.length > SHORT_QUOTE ? nearest(anchor.quote.slice(0, SHORT_QUOTE)) : null);
}

/** Sync points whose text is still there, with their anchors moved to where it stands now. */
export function resolveSyncPoints(text: string, syncPoints: readonly SyncPoint[]): { resolved: SyncPoint[]; lost: SyncPoint[] } {
  const resolved: SyncPoint[] = [];
  const lost: SyncPoint[] = [];
  for (const point of syncPoints) {
    const offset = resolveAnchor(text, point.anchor);
    if (offset === null) lost.push(point);
    else resolved.push({ seconds: point.seconds, anchor: { offset, quote: text.slice(offset, offset + point.anchor.quote.length) } });
  }
  return { resolved, lost };
}

/**
 * The known points of a transcript and its recording, in text order with times that never go back:
 * a point whose time is earlier than the one before it is dropped (a sync point wins over a
 * timestamp or the end it contradicts), and so is the end when the text has later times.
 */
export class Timeline {
  readonly points: KnownPoint[];
  /** Known points left out because they contradict the others. */
  readonly contradicted: KnownPoint[] = [];
  private readonly words: WordIndex;

  constructor(transcript: Transcript, recording: Recording) {
    const index = indexOf(transcript);
    this.words = index.words;
    const candidates: KnownPoint[] = index.timestamps.map((stamp) => this.point('timestamp', stamp.span.start, stamp.seconds));
    for (const sync of resolveSyncPoints(transcript.text, recording.syncPoints).resolved) candidates.push(this.point('sync', sync.anchor.offset, sync.seconds));
    // Stable sort by offset: at one offset a sync point (the user's word) follows, so it is the one kept.
    candidates.sort((a, b) => a.offset - b.offset || (a.kind === 'sync' ? 1 : 0) - (b.kind === 'sync' ? 1 : 0));
    const points: KnownPoint[] = [{ kind: 'start', offset: 0, seconds: 0, words: 0 }];
    for (const candidate of candidates) this.keep(points, candidate);
    if (recording.durationSeconds !== null && recording.durationSeconds > 0) {
      this.keep(points, { kind: 'end', offset: transcript.text.length, seconds: recording.durationSeconds, words: this.words.total });
    }
    this.points = points;
  }

  /** Estimated time at `offset`. */
  estimateAt(offset: number): TimeEstimate {
    const { points } = this;
    let after = 0;
    while (after < points.length && points[after].offset <= offset) after++; // points are few: a scan is enough
    const before = points[Math.max(0, after - 1)];
    const next = after < points.length ? points[after] : null;
    const words = Math.max(this.words.wordsBefore(offset), before.words);
    let seconds: number;
    if (next && next.words > before.words) seconds = before.seconds + ((words - before.words) / (next.words - before.words)) * (next.seconds - before.seconds);
    else if (next) seconds = before.seconds;
    else seconds = before.seconds + (words - before.words) / this.wordsPerSecond();
    return { seconds, plusMinus: errorBound(seconds, before, next), before, after: next };
  }

  /** The offset of the word being said at `seconds`, and the estimate there. */
  offsetAt(seconds: number): { offset: number; estimate: TimeEstimate } {
    const { points } = this;
    let index = 0;
    while (index + 1 < points.length && points[index + 1].seconds <= seconds) index++;
    const before = points[index];
    const next = index + 1 < points.length ? points[index + 1] : null;
    let word: number;
    if (next && next.seconds > before.seconds) word = before.words + ((seconds - before.seconds) / (next.seconds - before.seconds)) * (next.words - before.words);
    else if (next) word = before.words;
    else word = before.words + (seconds - before.seconds) * this.wordsPerSecond();
    const whole = Math.min(Math.floor(word), Math.max(0, this.words.total - 1));
    const offset = whole <= before.words ? Math.max(before.offset, this.words.offsetOfWord(before.words)) : this.words.offsetOfWord(whole);
    return { offset, estimate: this.estimateAt(offset) };
  }

  /** Speaking rate for extrapolation: that of the known stretch before the last point, or a typical one. */
  private wordsPerSecond(): number {
    const { points } = this;
    const last = points[points.length - 1];
    for (let i = points.length - 2; i >= 0; i--) {
      const words = last.words - points[i].words;
      const seconds = last.seconds - points[i].seconds;
      if (words > 0 && seconds > 0) return words / seconds;
    }
    return DEFAULT_WORDS_PER_SECOND;
  }

  private point(kind: KnownPointKind, offset: number, seconds: number): KnownPoint {
    return { kind, offset, seconds, words: this.words.wordsBefore(offset) };
  }

  private keep(points: KnownPoint[], candidate: KnownPoint): void {
    while (points.length > 1 && points[points.length - 1].seconds > candidate.seconds && candidate.kind === 'sync' && points[points.length - 1].kind !== 'sync') {
      this.contradicted.push(points.pop()!);
    }
    if (candidate.seconds < points[points.length - 1].seconds) this.contradicted.push(candidate);
    else points.push(candidate);
  }
}

/**
 * How far an estimate may be off. Between two known points the true time lies between them, and
 * the speaking rate varies by about `RATE_VARIATION`, so the error grows with the distance to the
 * nearer point; past the last point it grows with the distance from it. Plus the points' own
 * precision. Rounded up to whole seconds.
 */
export function errorBound(seconds: number, before: KnownPoint, after: KnownPoint | null): number {
  const precision = Math.max(PRECISION[before.kind], after ? PRECISION[after.kind] : 0);
  const fromBefore = Math.max(0, seconds - before.seconds);
  if (!after) return Math.ceil(RATE_VARIATION * fromBefore + precision);
  const toAfter = Math.max(0, after.seconds - seconds);
  const bound = Math.min(RATE_VARIATION * Math.min(fromBefore, toAfter), Math.max(fromBefore, toAfter));
  return Math.ceil(bound + precision);
}
