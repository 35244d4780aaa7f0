// What the server does with input it cannot afford to analyse in full: binary files get no
// features, files above the size limit keep the outline and the cheap diagnostics only.
import type { RuleCode } from './settings';

/** How much of a file's opening decides that it is binary. */
export const BINARY_SAMPLE_LENGTH = 8192;

export const BINARY_REASON = 'binary file (it contains NUL bytes), not a transcript';

/** A NUL character in the opening marks a binary file: no transcript, however mangled, has one. */
export function looksBinary(text: string): boolean {
  return text.slice(0, BINARY_SAMPLE_LENGTH).includes('\0');
}

export const DEFAULT_MAX_FILE_SIZE_MB = 20;

/**
 * Rules linear in the number of turns, annotations or the reader's doubts, kept above the size limit. The others scan
 * the whole text with regular expressions (lost-dash, repeated-word) or compare speakers across the
 * file (label-variant, and unlabeled-turn's who-said-it): on a 30 MB file each costs 0.1–2 s more.
 * A rule missing from this list is expensive by default, so a new rule never slows a huge file down.
 */
export const CHEAP_RULES: ReadonlySet<RuleCode> = new Set<RuleCode>(['broken-turn', 'inaudible', 'empty-turn', 'flattened-turns', 'unclosed-annotation', 'label-doubt']);

export type DocumentLimit = { kind: 'full' } | { kind: 'reduced'; sizeMB: number; maxMB: number } | { kind: 'binary' };

/** How much analysis a document gets. `text.length` counts UTF-16 units: a megabyte is 2^20 of them. */
export function documentLimit(text: string, maxFileSizeMB: number): DocumentLimit {
  if (looksBinary(text)) return { kind: 'binary' };
  const sizeMB = text.length / (1024 * 1024);
  return sizeMB > maxFileSizeMB ? { kind: 'reduced', sizeMB, maxMB: maxFileSizeMB } : { kind: 'full' };
}

/** The one message a user gets when a document is not analysed in full. */
export function limitMessage(limit: DocumentLimit, fileName: string): string | null {
  switch (limit.kind) {
    case 'full':
      return null;
    case 'binary':
      return `${fileName} looks like a ${BINARY_REASON}: Verbatim shows no outline or diagnostics for it.`;
    case 'reduced':
      return (
        `${fileName} is ${limit.sizeMB.toFixed(1)} MB, above verbatim.maxFileSizeMB (${limit.maxMB} MB): ` +
        `Verbatim keeps the outline and the cheap checks (${[...CHEAP_RULES].join(', ')}) and skips the rest.`
      );
  }
}

/** Whether a rule runs on a document with this limit. */
export function ruleRunsUnder(limit: DocumentLimit, code: RuleCode): boolean {
  return limit.kind === 'full' || (limit.kind === 'reduced' && CHEAP_RULES.has(code));
}
