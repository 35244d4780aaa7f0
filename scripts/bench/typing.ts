// Single-character edits at deterministic random places, with the LSP positions the editor would send.
import type { Position } from './lspSession';
import { SeededRandom } from './random';

export interface Keystroke {
  start: Position;
  end: Position;
  text: string;
}

/**
 * The client's copy of the document. Keystrokes never type or delete a line break, so the line
 * count stays fixed and only the line starts after the edited line move.
 */
export class TypedDocument {
  private readonly lineStarts: number[] = [0];
  private readonly random: SeededRandom;
  private typed = 0;

  constructor(
    private text: string,
    seed: number,
  ) {
    this.random = new SeededRandom(seed);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** Alternately types a letter or a space and deletes a character, anywhere in the text. */
  nextKeystroke(): Keystroke {
    const insert = this.typed++ % 2 === 0;
    let offset = this.random.int(0, this.text.length - 1);
    while (!insert && (this.text[offset] === '\n' || this.text[offset] === '\r')) offset = this.random.int(0, this.text.length - 1);
    const line = this.lineOf(offset);
    const start = { line, character: offset - this.lineStarts[line] };
    if (insert) {
      const typed = this.random.pick([...'etaoinshrdlu ']);
      this.text = this.text.slice(0, offset) + typed + this.text.slice(offset);
      this.shiftLinesAfter(line, 1);
      return { start, end: start, text: typed };
    }
    this.text = this.text.slice(0, offset) + this.text.slice(offset + 1);
    this.shiftLinesAfter(line, -1);
    return { start, end: { line, character: start.character + 1 }, text: '' };
  }

  private lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private shiftLinesAfter(line: number, delta: number): void {
    for (let i = line + 1; i < this.lineStarts.length; i++) this.lineStarts[i] += delta;
  }
}
