import type { Span } from './model';

/** A position as LSP counts it: 0-based line, UTF-16 code-unit column. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Converts between string offsets and LSP positions of one text. */
export interface Positions {
  readonly lineCount: number;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  /** Offset of a line's first character. */
  lineStart(line: number): number;
  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number;
  rangeOf(span: Span): Range;
  spanOf(range: Range): Span;
}

/**
 * How many characters one step of the line scan reads: well under a millisecond on a transcript,
 * and a bounded amount of work even on a text made only of line breaks.
 */
const SCAN_STEP_LENGTH = 64 * 1024;
/** Line starts one edit may hand to `splice` as arguments; more would overflow the call stack. */
const SPLICE_ARGUMENTS = 10_000;

/**
 * Positions of a text, kept up to date edit by edit. Lines end at `\n`, `\r\n` or a lone `\r`,
 * exactly as LSP and VS Code split them, and conversions agree with vscode-languageserver-textdocument.
 * The line starts are found only as far as a conversion needs them, or ahead of time in bounded
 * steps (`indexSteps`): no call scans a 20 MB text in one go unless it needs the whole of it.
 */
export class LineIndex implements Positions {
  /** The offset of each line's first character, for every line that starts at or before `scanned`. */
  private lineStarts = [0];
  /** How far the text has been scanned for line breaks. */
  private scanned = 0;

  /** `scanStepLength` is smaller in tests, to stop the scan anywhere. */
  constructor(
    private content: string,
    private readonly scanStepLength = SCAN_STEP_LENGTH,
  ) {}

  get text(): string {
    return this.content;
  }

  /** Whether every line start is known: conversions then never scan. */
  get indexed(): boolean {
    return this.scanned === this.content.length;
  }

  /** Scans the rest of the text, one step per `yield`. Edits between steps are fine. */
  *indexSteps(): Generator<void, void> {
    while (!this.indexed) {
      this.scanStep();
      yield;
    }
  }

  /**
   * Replaces `span` (offsets of the current text, in order) by `newText`, as an editor's change does.
   * Only the line starts from `span.start` to the end of the inserted text are looked for again: a
   * line start depends on the characters just before and at it (`\r` then `\n` is one line break),
   * so this also splits or joins a `\r\n` at either end of the edit. Later line starts move by the
   * change in length.
   */
  edit(span: Span, newText: string): void {
    this.scanThroughOffset(span.end);
    const before = this.content;
    // The new text is a rope until something reads it, and the first read copies all of it (~30 ms
    // at 20 MB): its new line starts are read from the pieces instead, and the copy happens in a
    // slice of the analysis, not here.
    this.content = before.slice(0, span.start) + newText + before.slice(span.end);
    // Line 0 starts at 0 whatever the edit.
    const first = this.firstLineStartFrom(Math.max(span.start, 1));
    const after = this.firstLineStartFrom(span.end + 1);
    const found: number[] = [];
    const from = Math.max(span.start - 1, 0);
    const around = before.slice(from, span.start) + newText + before.slice(span.end, span.end + 1);
    pushLineStarts(around, 0, span.start + newText.length - from, found);
    for (let i = 0; i < found.length; i++) found[i] += from;
    const delta = newText.length - (span.end - span.start);
    if (delta !== 0) for (let i = after; i < this.lineStarts.length; i++) this.lineStarts[i] += delta;
    if (found.length <= SPLICE_ARGUMENTS) this.lineStarts.splice(first, after - first, ...found);
    else this.lineStarts = this.lineStarts.slice(0, first).concat(found, this.lineStarts.slice(after));
    this.scanned += delta;
  }

  get lineCount(): number {
    this.scanThroughOffset(this.content.length);
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.content.length));
    this.scanThroughOffset(clamped);
    const line = this.firstLineStartFrom(clamped + 1) - 1;
    // An offset between `\r` and `\n` is not a position of its own: it is the end of its line.
    return { line, character: Math.min(clamped, this.lineEnd(line)) - this.lineStarts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    const line = this.scannedLine(position.line);
    if (line < position.line) return this.content.length;
    const lineStart = this.lineStarts[line];
    return Math.max(lineStart, Math.min(lineStart + position.character, this.lineEnd(line)));
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    const known = this.scannedLine(line);
    const start = this.lineStarts[known];
    let end = known + 1 < this.lineStarts.length ? this.lineStarts[known + 1] : this.content.length;
    if (end > start && this.content.charCodeAt(end - 1) === 10 /* \n */) end--;
    if (end > start && this.content.charCodeAt(end - 1) === 13 /* \r */) end--;
    return end;
  }

  lineStart(line: number): number {
    return this.lineStarts[this.scannedLine(line)];
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  spanOf(range: Range): Span {
    return { start: this.offsetAt(range.start), end: this.offsetAt(range.end) };
  }

  /** The line, as the first or last line if it lies past either end, once its end is known. */
  private scannedLine(line: number): number {
    const wanted = Math.max(0, line);
    while (this.lineStarts.length <= wanted + 1 && !this.indexed) this.scanStep();
    return Math.min(wanted, this.lineStarts.length - 1);
  }

  /** Scans until every line start at or before `offset` is known. */
  private scanThroughOffset(offset: number): void {
    while (this.scanned < offset && !this.indexed) this.scanStep();
  }

  private scanStep(): void {
    const to = Math.min(this.scanned + this.scanStepLength, this.content.length);
    pushLineStarts(this.content, this.scanned, to, this.lineStarts);
    this.scanned = to;
  }

  /** The index of the first known line start at or after `offset`. */
  private firstLineStartFrom(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.lineStarts[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/**
 * Appends the line starts after `from` and up to `to`: the offset just past each `\n` and lone `\r`
 * in [from, to). Searching with indexOf is about seven times faster than reading each character; the
 * slice (a view in V8, not a copy), one character longer to tell a lone `\r` from a `\r\n`, keeps
 * each search in range.
 */
function pushLineStarts(text: string, from: number, to: number, starts: number[]): void {
  const range = text.slice(from, to + 1);
  const length = to - from;
  let lf = indexOrEnd(range, '\n', 0);
  let cr = indexOrEnd(range, '\r', 0);
  while (Math.min(lf, cr) < length) {
    if (lf < cr) {
      starts.push(from + lf + 1);
      lf = indexOrEnd(range, '\n', lf + 1);
    } else {
      if (range.charCodeAt(cr + 1) !== 10) starts.push(from + cr + 1);
      cr = indexOrEnd(range, '\r', cr + 1);
    }
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from);
  return index < 0 ? text.length : index;
}
