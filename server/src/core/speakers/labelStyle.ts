// How a transcript writes its labels, so that anything the editor inserts (a completed label, a
// suggested label) looks like the rest of the file: `>>NAME:` or `>> NAME:  `, ALL CAPS or Mixed.
import type { Dialect, Transcript, Turn } from '../model';
import { isAllCaps } from './speakers';

export interface LabelStyle {
  /** Written before a label at a line start: `>>`, `>` or nothing (colon dialect). */
  marker: string;
  /** Between a marker and its label: a space, or nothing for glued `>>NAME:`. */
  afterMarker: string;
  /** Between the label's colon and the speech on the same line. */
  afterColon: string;
  /** Labels are written ALL CAPS. */
  allCaps: boolean;
}

/** The file's dominant label style; a file without labels gets the most common CART style `>> NAME:  `. */
export function labelStyleOf(transcript: Transcript): LabelStyle {
  const tally = new LabelStyleTally();
  for (const turn of transcript.turns) tally.add(transcript.text, turn);
  return tally.style(transcript.dialect);
}

/** How labels are written, tallied turn by turn (so that a large file can be read a batch at a time). */
export class LabelStyleTally {
  private readonly afterMarker = new Tally<string>();
  private readonly afterColon = new Tally<string>();
  private readonly caps = new Tally<boolean>();

  add(text: string, turn: Turn): void {
    // Only labels count: files that glue `>>NAME:` often space their unlabelled `>> text` turns.
    if (!turn.label) return;
    if (turn.markerKind === 'chevron' || turn.markerKind === 'single-chevron') {
      const gap = text.slice(turn.marker.end, turn.label.span.start);
      if (/^[ \t]*$/.test(gap)) this.afterMarker.add(gap);
    }
    this.caps.add(isAllCaps(turn.label.raw));
    const colon = turn.label.colon;
    if (colon && turn.body.start > colon.end) {
      const gap = text.slice(colon.end, turn.body.start);
      if (/^[ \t]+$/.test(gap)) this.afterColon.add(gap);
    }
  }

  style(dialect: Dialect): LabelStyle {
    const marker = dialect === 'colon' || dialect === 'court' ? '' : dialect === 'single-chevron' ? '>' : '>>';
    return {
      marker,
      // From the turns that have a marker, whatever the dialect: a colon file's few `>> NAME:` turns
      // keep their own spacing (reading it from the dialect made formatting flip it back and forth).
      afterMarker: this.afterMarker.mostFrequent() ?? (marker === '' ? '' : ' '),
      afterColon: this.afterColon.mostFrequent() ?? ' ',
      allCaps: this.caps.mostFrequent() ?? true,
    };
  }
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
