// How counts, shares and file names read in messages, hovers, symbol details and the client's views.

/** `1 turn`, `2,345 words`. */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/** A share (0-1) as a whole percentage; a small but non-zero share reads `under 1%` (or `small`: `<1%` where space is short). */
export function percent(share: number, small = 'under 1%'): string {
  if (share > 0 && share < 0.01) return small;
  return `${Math.round(share * 100)}%`;
}

/** The file name a URI ends with, %-escapes decoded (a malformed one shown as sent). */
export function fileNameOf(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1) || uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
