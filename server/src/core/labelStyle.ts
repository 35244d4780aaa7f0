// How a transcript writes its labels, so that anything the editor inserts (a completed label, a
// suggested label) looks like the rest of the file: `>>NAME:` or `>> NAME:  `, ALL CAPS or Mixed.
import type { Transcript } from './model';
import { isAllCaps } from './speakers';

export interface LabelStyle {
  /** Written before a label at a line start: `>>`, `>` or nothing (colon dialect). */
  marker: string;
  /** Between the marker and the label: a space, or nothing for glued `>>NAME:`. */
  afterMarker: string;
  /** Between the label's colon and the speech on the same line. */
  afterColon: string;
  /** Labels are written ALL CAPS. */
  allCaps: boolean;
}

/** The file's dominant label style; a file without labels gets the most common CART style `>> NAME:  `. */
export function labelStyleOf(transcript: Transcript): LabelStyle {
  const { text, dialect } = transcript;
  const afterMarker = new Tally<string>();
  const afterColon = new Tally<string>();
  const caps = new Tally<boolean>();
  for (const turn of transcript.turns) {
    // Only labels count: files that glue `>>NAME:` often space their unlabelled `>> text` turns.
    if (!turn.label) continue;
    if (turn.markerKind === 'chevron' || turn.markerKind === 'single-chevron') {
      const gap = text.slice(turn.marker.end, turn.label.span.start);
      if (/^[ \t]*$/.test(gap)) afterMarker.add(gap);
    }
    caps.add(isAllCaps(turn.label.raw));
    const colon = turn.label.colon;
    if (colon && turn.body.start > colon.end) {
      const gap = text.slice(colon.end, turn.body.start);
      if (/^[ \t]+$/.test(gap)) afterColon.add(gap);
    }
  }
  const marker = dialect === 'colon' || dialect === 'court' ? '' : dialect === 'single-chevron' ? '>' : '>>';
  return {
    marker,
    afterMarker: marker === '' ? '' : afterMarker.mostFrequent() ?? ' ',
    afterColon: afterColon.mostFrequent() ?? ' ',
    allCaps: caps.mostFrequent() ?? true,
  };
}

/** A speaker name in the file's case: `Thomas Schneider` becomes `THOMAS SCHNEIDER` in an ALL CAPS file. */
export function inFileCase(name: string, style: Pick<LabelStyle, 'allCaps'>): string {
  return style.allCaps ? name.toUpperCase() : name;
}

/** Counts values and returns the most frequent one (the first seen on a tie). */
class Tally<T> {
  private readonly counts = new Map<T, number>();

  add(value: T): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
  }

  mostFrequent(): T | undefined {
    let best: T | undefined;
    let bestCount = 0;
    for (const [value, count] of this.counts) {
      if (count > bestCount) {
        best = value;
        bestCount = count;
      }
    }
    return best;
  }
}
