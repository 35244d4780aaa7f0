// How counts and shares read in hovers and symbol details.

/** `1 turn`, `2,345 words`. */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/** A share (0-1) as a whole percentage; a small but non-zero share reads `under 1%`. */
export function percent(share: number): string {
  if (share > 0 && share < 0.01) return 'under 1%';
  return `${Math.round(share * 100)}%`;
}
