// Lines and the small scanning helpers every part of the reader shares. Offsets are UTF-16 indices
// into the whole text; a line's `end` is where its content stops, before the line break.

export interface Line {
  start: number;
  /** End of the content, before the line break. */
  end: number;
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

/** The start of the line after the one holding `offset` (or the end of the text). */
export function nextLineStartAfter(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  for (let i = offset; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) return i + 1;
    if (ch === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}

/** The start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

/** The lines from the one holding `offset` on (binary search; the lines are in order). */
export function linesFrom(lines: Line[], offset: number): Line[] {
  const index = lineIndexAt(lines, offset);
  return index === 0 ? lines : lines.slice(index);
}

/** Index of the line holding `offset` (the last line starting at or before it). */
function lineIndexAt(lines: readonly Line[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The text between two line starts (or the ends of the text): the text itself when that is all of it. */
export function regionFor(text: string, from: number, to: number): string {
  return from === 0 && to === text.length ? text : text.slice(from, to);
}

// Leading indentation; a BOM or no-break space at the start of a line counts as indentation.
const INDENT = /[ \t\uFEFF\u00A0]*/y;
const HORIZONTAL_SPACE = /[ \t\u00A0]*/y;

export function skipIndent(text: string, from: number, to: number): number {
  INDENT.lastIndex = from;
  INDENT.exec(text);
  return Math.min(INDENT.lastIndex, to);
}

export function skipHorizontalSpace(text: string, from: number, to: number): number {
  HORIZONTAL_SPACE.lastIndex = from;
  HORIZONTAL_SPACE.exec(text);
  return Math.min(HORIZONTAL_SPACE.lastIndex, to);
}

export function isWhitespace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 0xa0 || ch === 0xfeff || ch === 0x2028 || ch === 0x2029 || ch === 11 || ch === 12;
}

export function skipWhitespace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

export function trimEndOffset(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isWhitespace(text.charCodeAt(i - 1))) i--;
  return i;
}

/** A sticky pattern matched at `from`, when its match ends by `to`. */
export function matchAt(pattern: RegExp, text: string, from: number, to: number): RegExpExecArray | null {
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match !== null && match.index + match[0].length <= to ? match : null;
}

/** Whether a line holds nothing but white space. */
export function isBlankLine(text: string, line: Line): boolean {
  return skipWhitespace(text, line.start, line.end) >= line.end;
}

export function addCount(counts: Map<string, number>, key: string, change: number): void {
  const next = (counts.get(key) ?? 0) + change;
  if (next === 0) counts.delete(key);
  else counts.set(key, next);
}
