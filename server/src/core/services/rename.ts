// Renaming a speaker: every label of that speaker changes, nothing else. Labels the label-variant
// rule links to the speaker (typos, role titles) are edits of their own, for the editor to confirm.
import type { Span, Transcript } from '../model';
import type { Finding } from '../check/rules/rule';
import { turnWithLabelAt } from '../speakers/speakerStats';
import { isLabelLike, speakerKey } from '../speakers/speakers';

export interface RenameTarget {
  /** The label under the cursor. */
  span: Span;
  placeholder: string;
  speaker: string;
}

export interface LabelEdit {
  span: Span;
  newText: string;
  /** The label is spelled differently and linked to the speaker by the label-variant rule: the editor should confirm it. */
  variant: boolean;
  /** The label as written now. */
  oldText: string;
}

/** The label a rename at the offset would change, or null when the offset is on no label. */
export function renameTarget(transcript: Transcript, offset: number): RenameTarget | null {
  const turn = turnWithLabelAt(transcript, offset);
  if (!turn?.label) return null;
  return { span: turn.label.span, placeholder: turn.label.raw, speaker: turn.label.speaker };
}

/** Why a new name cannot be a label, or null when it can. */
export function invalidLabelReason(newName: string): string | null {
  const name = newName.trim();
  if (name.length === 0) return 'A speaker label cannot be empty.';
  if (/[:\r\n>]/.test(name)) return `"${name}" cannot be a speaker label: it contains a colon, a line break or ">".`;
  if (!isLabelLike(name)) return `"${name}" does not read as a speaker label (at most six name words, starting with a capital letter).`;
  return null;
}

/**
 * Edits renaming the speaker at the offset to `newName`: its labels in document order, then the
 * labels of its variant spellings (from the file's `label-variant` findings).
 */
export function renameSpeaker(transcript: Transcript, findings: readonly Finding[], offset: number, newName: string): LabelEdit[] {
  const target = renameTarget(transcript, offset);
  if (!target) return [];
  const name = newName.trim();
  const related = relatedSpeakers(transcript, findings, target.speaker);
  const edits: LabelEdit[] = [];
  for (const turn of transcript.turns) {
    const label = turn.label;
    if (!label || !related.has(label.speaker) || label.raw === name) continue;
    edits.push({ span: label.span, newText: name, variant: label.speaker !== target.speaker, oldText: label.raw });
  }
  return edits;
}

/** The speaker and every speaker the label-variant rule calls a spelling of the same person, transitively. */
function relatedSpeakers(transcript: Transcript, findings: readonly Finding[], speaker: string): Set<string> {
  const labelAtSpan = new Map<number, string>();
  for (const turn of transcript.turns) if (turn.label) labelAtSpan.set(turn.label.span.start, turn.label.speaker);
  const links = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (!links.has(a)) links.set(a, new Set());
    links.get(a)!.add(b);
  };
  for (const finding of findings) {
    if (finding.code !== 'label-variant') continue;
    const variant = labelAtSpan.get(finding.span.start);
    // The finding's first fix rewrites this label to the spelling it is a variant of.
    const preferred = finding.fixes?.[0]?.edits.find((edit) => edit.span.start === finding.span.start)?.newText;
    if (variant === undefined || preferred === undefined) continue;
    link(variant, speakerKey(preferred));
    link(speakerKey(preferred), variant);
  }
  const related = new Set([speaker]);
  const queue = [speaker];
  while (queue.length > 0) {
    for (const next of links.get(queue.pop()!) ?? []) {
      if (!related.has(next)) {
        related.add(next);
        queue.push(next);
      }
    }
  }
  return related;
}
