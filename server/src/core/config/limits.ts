// What the server does with input it cannot afford to analyse in full: binary files get no
// features, files above the size limit keep the outline and the cheap diagnostics only.
import { CHEAP_RULES, type RuleCode } from '../check/rules/index';
import type { Span } from '../model';

export { CHEAP_RULES };

/** How much of a file's opening decides that it is binary. */
export const BINARY_SAMPLE_LENGTH = 8192;

export const BINARY_REASON = 'binary file (it contains NUL bytes), not a transcript';

/** A NUL character in the opening marks a binary file: no transcript, however mangled, has one. */
export function looksBinary(text: string): boolean {
  return text.slice(0, BINARY_SAMPLE_LENGTH).includes('\0');
}

export type DocumentLimit = { kind: 'full' } | { kind: 'reduced'; sizeMB: number; maxMB: number } | { kind: 'binary' };

/** How much analysis a document gets. `text.length` counts UTF-16 units: a megabyte is 2^20 of them. */
export function documentLimit(text: string, maxFileSizeMB: number): DocumentLimit {
  return limitOfSize(looksBinary(text), text.length, maxFileSizeMB);
}

/**
 * `documentLimit` of `before` with `span` replaced by `newText`, reading only `before` around the
 * edit: the edited text itself is not read (a first read of it copies the whole text).
 */
export function limitAfterEdit(before: string, beforeLimit: DocumentLimit, span: Span, newText: string, maxFileSizeMB: number): DocumentLimit {
  const binary =
    span.start >= BINARY_SAMPLE_LENGTH
      ? beforeLimit.kind === 'binary'
      : looksBinary(before.slice(0, span.start) + newText.slice(0, BINARY_SAMPLE_LENGTH) + before.slice(span.end, span.end + BINARY_SAMPLE_LENGTH));
  return limitOfSize(binary, before.length - (span.end - span.start) + newText.length, maxFileSizeMB);
}

function limitOfSize(binary: boolean, length: number, maxFileSizeMB: number): DocumentLimit {
  if (binary) return { kind: 'binary' };
  const sizeMB = length / (1024 * 1024);
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
