// Media timestamps written in a transcript, and writing new ones in the file's own style.
// Plain text in, plain data out: offsets are UTF-16 string indices, times are seconds.
import type { Span } from '../model';

/** A time in the recording, written in the text. */
export interface MediaTimestamp {
  /** The whole timestamp with its brackets (for an SRT cue line, the start time only). */
  span: Span;
  seconds: number;
}

/** How a file writes its timestamps, so that inserted ones look like the rest. */
export interface TimestampStyle {
  open: '[' | '(' | '';
  close: ']' | ')' | '';
  /** `hh:mm:ss` (true) or `mm:ss` (false; an hour or more is still written `h:mm:ss`). */
  hours: boolean;
  /** Two-digit hours (`00:12:34`) rather than one (`0:12:34`). */
  paddedHours: boolean;
}

export const DEFAULT_TIMESTAMP_STYLE: TimestampStyle = { open: '[', close: ']', hours: true, paddedHours: true };

// A bracketed `[h:mm:ss]`, `[mm:ss]`, `(hh:mm:ss)` (with optional `.5`/`,500`), or an SRT/WebVTT cue
// start `00:01:02,500 -->`. Bare times (`10:42`, `10:42 AM`) are speech or clock times, not media times.
// Linear: fixed-width digit groups, no nested quantifiers.
const TIMESTAMP = /(?<![\d:])([[(]?)(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?([\])]?)(?![\d:])([ \t]*-->)?/g;

/**
 * Every media timestamp in `text[from, to)`, in order. Square brackets take `mm:ss` or `h:mm:ss`;
 * round brackets only `h:mm:ss` (a `(10:30)` in speech is more likely a clock time); a cue start
 * needs `-->` after it.
 */
export function findMediaTimestamps(text: string, from = 0, to = text.length): MediaTimestamp[] {
  const found: MediaTimestamp[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  TIMESTAMP.lastIndex = 0;
  for (let match = TIMESTAMP.exec(slice); match; match = TIMESTAMP.exec(slice)) {
    const [whole, open, hours, minutes, secondsText, fraction, close, arrow] = match;
    const bracketed = (open === '[' && close === ']') || (open === '(' && close === ')' && hours !== undefined);
    const cue = arrow !== undefined && open === '' && close === '';
    if (!bracketed && !cue) continue;
    if (Number(secondsText) >= 60 || (hours !== undefined && Number(minutes) >= 60)) continue;
    const seconds = Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(secondsText) + (fraction ? Number(`0.${fraction}`) : 0);
    const length = cue ? whole.length - arrow.length : whole.length;
    found.push({ span: { start: from + match.index, end: from + match.index + length }, seconds });
  }
  return found;
}

/** The style of the first bracketed timestamp in `timestamps`, or `[00:12:34]`. */
export function timestampStyleOf(text: string, timestamps: readonly MediaTimestamp[]): TimestampStyle {
  for (const { span } of timestamps) {
    const written = text.slice(span.start, span.end);
    const open = written[0];
    if (open !== '[' && open !== '(') continue;
    const parts = written.slice(1, -1).split(/[.,]/)[0].split(':');
    return { open, close: open === '[' ? ']' : ')', hours: parts.length === 3, paddedHours: parts.length === 3 && parts[0].length === 2 };
  }
  return DEFAULT_TIMESTAMP_STYLE;
}

/** `seconds` written in `style` (whole seconds, rounded down: the moment has begun). */
export function formatTimestamp(seconds: number, style: TimestampStyle = DEFAULT_TIMESTAMP_STYLE): string {
  return `${style.open}${clockTime(seconds, style)}${style.close}`;
}

/** `hh:mm:ss` (or `mm:ss` in that style, below an hour), without brackets. */
export function clockTime(seconds: number, style: Pick<TimestampStyle, 'hours' | 'paddedHours'> = DEFAULT_TIMESTAMP_STYLE): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  if (!style.hours && hours === 0) return `${two(minutes)}:${two(rest)}`;
  return `${style.paddedHours || !style.hours ? two(hours) : String(hours)}:${two(minutes)}:${two(rest)}`;
}
