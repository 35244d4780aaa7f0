// An independent, deliberately simple reading of the corpus files the end-to-end tests use, so
// that expectations come from the file itself (the corpus text is never copied into the repo)
// and not from the server under test. It only has to be right for the files listed in
// E2E_FILES: clean `>>` / `>` transcripts with one marker at the start of a line.

import * as fs from 'fs';
import * as path from 'path';

/** Corpus files the end-to-end tests open, by role. */
export const E2E_FILES = {
  /** `>> NAME:` turns, one unlabelled `>>` turn, a header, ends mid-word. */
  chevrons: '010-igf2009-afternoon-sep16.txt',
  /** Unlabelled first turn and a standalone `(off microphone)` inaudible marker. */
  inaudible: '042-igf2019-berlin-igf-for-beginners.txt',
  /** Single `>` markers and an inline `(Off microphone).` */
  singleChevron: '059-itu-jca-ahf-london-2015-doc198.txt',
  /** Flattened: the whole transcript on one line, `>>NAME:` markers mid-line. */
  flattened: '002-igf2006-athens-taking-stock.txt',
} as const;

export const INAUDIBLE_TERMS = ['inaudible', 'indiscernible', 'unintelligible', 'off microphone', 'off mic', 'crosstalk'];

export interface OracleTurn {
  /** The label as written, or null for an unlabelled turn. */
  label: string | null;
  /** 0-based line of the marker. */
  line: number;
}

export interface Oracle {
  text: string;
  /** Everything before the first marker: where the header's title must come from. */
  headerText: string;
  turns: OracleTurn[];
  /** Symbol names the outline should list after the header, in order. */
  turnNames: string[];
  /**
   * Top-level outline entries after the header: consecutive turns of one speaker are gathered
   * into one entry named by the speaker, with the turns as children (a single turn stands alone).
   */
  runs: Array<{ name: string; turns: OracleTurn[] }>;
  /** Bracketed inaudible markers, with their 0-based line. */
  inaudible: Array<{ text: string; line: number }>;
}

const MARKER = /^[ \t]*>{1,2}(?!>)[ \t]*(.*)$/;
const LABEL = /^([A-Z][A-Z0-9À-Ý .,'()-]*?):\s/;

export function readCorpus(corpusDir: string, name: string): string {
  return fs.readFileSync(path.join(corpusDir, name), 'utf8');
}

export function oracle(text: string): Oracle {
  const lines = text.split(/\r?\n/);
  const turns: OracleTurn[] = [];
  const inaudible: Oracle['inaudible'] = [];
  const inaudibleRe = new RegExp(`[([]\\s*(?:${INAUDIBLE_TERMS.join('|')})[^)\\]]*[)\\]]`, 'gi');
  lines.forEach((line, i) => {
    const marker = MARKER.exec(line);
    if (marker) {
      const label = LABEL.exec(marker[1]);
      turns.push({ label: label && label[1].split(/\s+/).length <= 6 ? label[1].trim() : null, line: i });
    }
    for (const m of line.matchAll(inaudibleRe)) inaudible.push({ text: m[0], line: i });
  });
  const runs: Oracle['runs'] = [];
  for (const turn of turns) {
    const name = turn.label ?? '(unidentified)';
    const last = runs[runs.length - 1];
    if (last && last.name === name) last.turns.push(turn);
    else runs.push({ name, turns: [turn] });
  }
  return {
    text,
    runs,
    headerText: lines.slice(0, turns[0]?.line ?? lines.length).join('\n'),
    turns,
    turnNames: turns.map((t) => t.label ?? '(unidentified)'),
    inaudible,
  };
}

/**
 * The header symbol names the event with words of the header (possibly shortened with a trailing
 * ellipsis; case and spacing aside), never a date alone; `(header)` when the header names no event.
 */
export function isHeaderNameOf(symbolName: string, headerText: string): boolean {
  if (symbolName === '(header)') return true;
  const fold = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  const stem = fold(symbolName.replace(/(…|\.\.\.)$/, ''));
  const isDate = /^[\d\s,./:-]*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\d\s,./:-]*)?$/.test(stem);
  return stem.length > 0 && !isDate && fold(headerText).includes(stem);
}
