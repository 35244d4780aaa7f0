// Applying the rules' fixes: text edits, and fix-all (every fix that changes no spoken word).
import { analyzeText } from './analysis';
import type { Finding, TextEdit } from './rules/rule';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { firstStartingAtOrAfter } from './speech';

/** Applies non-overlapping edits (offsets into `text`) in one go. Throws on overlapping edits: a caller bug. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const pieces: string[] = [];
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.span.start < cursor || edit.span.end > text.length) throw new Error(`overlapping or out-of-range edit at ${edit.span.start}-${edit.span.end}`);
    pieces.push(text.slice(cursor, edit.span.start), edit.newText);
    cursor = edit.span.end;
  }
  pieces.push(text.slice(cursor));
  return pieces.join('');
}

/**
 * The edits fix-all makes for these findings: each finding's first safe fix, in document order.
 * Duplicates (the "fix all N" variants repeat single fixes) count once; a fix that would overlap an
 * earlier one waits for the next pass. Returns the edits and the findings they fix.
 */
export function safeFixEdits(findings: readonly Finding[]): { edits: TextEdit[]; fixed: Finding[] } {
  const chosen: { finding: Finding; edits: TextEdit[] }[] = [];
  for (const finding of findings) {
    const fix = finding.fixes?.find((candidate) => candidate.safe);
    if (fix && fix.edits.length > 0) chosen.push({ finding, edits: fix.edits });
  }
  chosen.sort((a, b) => firstStart(a.edits) - firstStart(b.edits));
  const fixed: Finding[] = [];
  const taken: TextEdit[] = []; // sorted by start, non-overlapping
  const takenKeys = new Set<string>();
  for (const { finding, edits: candidate } of chosen) {
    const fresh = candidate.filter((edit) => !takenKeys.has(editKey(edit)));
    if (fresh.some((edit) => overlapsAny(taken, edit))) continue;
    for (const edit of fresh) {
      taken.splice(insertionPoint(taken, edit), 0, edit);
      takenKeys.add(editKey(edit));
    }
    fixed.push(finding);
  }
  return { edits: taken, fixed };
}

/** Index of the first taken edit that starts after `edit`. */
function insertionPoint(taken: readonly TextEdit[], edit: TextEdit): number {
  return firstStartingAtOrAfter(taken, edit.span.start + 1);
}

function overlapsAny(taken: readonly TextEdit[], edit: TextEdit): boolean {
  const at = insertionPoint(taken, edit);
  // Neighbours are enough: taken edits do not overlap each other, so only these two can reach `edit`.
  return (at > 0 && overlaps(taken[at - 1], edit)) || (at < taken.length && overlaps(taken[at], edit));
}

export interface FixAllResult {
  text: string;
  /** How many findings were fixed, by rule code. */
  fixedByCode: Record<string, number>;
  fixedCount: number;
}

/** A fix can reveal the next (a turn put on its own line gets its label read): passes repeat until nothing is left. */
const MAX_PASSES = 5;

/** Applies every safe fix, pass after pass, until no safe fix remains. */
export function fixAll(text: string, settings: Settings = DEFAULT_SETTINGS): FixAllResult {
  const fixedByCode: Record<string, number> = {};
  let fixedCount = 0;
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { edits, fixed } = safeFixEdits(analyzeText(current, settings).findings);
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
    for (const finding of fixed) fixedByCode[finding.code] = (fixedByCode[finding.code] ?? 0) + 1;
    fixedCount += fixed.length;
  }
  return { text: current, fixedByCode, fixedCount };
}

/** One edit turning `before` into `after`: the changed middle between their common prefix and suffix. */
export function differenceEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Never split a CRLF or a surrogate pair between the kept and the replaced text.
  while (prefix > 0 && isSecondHalf(before, prefix)) prefix--;
  while (suffix > 0 && isSecondHalf(before, before.length - suffix)) suffix--;
  return { span: { start: prefix, end: before.length - suffix }, newText: after.slice(prefix, after.length - suffix) };
}

function isSecondHalf(text: string, offset: number): boolean {
  const previous = text.charCodeAt(offset - 1);
  const current = text.charCodeAt(offset);
  return (previous === 13 && current === 10) || (previous >= 0xd800 && previous <= 0xdbff && current >= 0xdc00 && current <= 0xdfff);
}

function firstStart(edits: readonly TextEdit[]): number {
  return edits.reduce((min, edit) => Math.min(min, edit.span.start), Number.POSITIVE_INFINITY);
}

function editKey(edit: TextEdit): string {
  return `${edit.span.start}:${edit.span.end}:${edit.newText}`;
}

/** Two edits touch the same text, or insert at the same point (their order would be ambiguous). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.span.start === b.span.start && (a.span.start === a.span.end || b.span.start === b.span.end)) return true;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}
