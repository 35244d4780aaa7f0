// Completing a speaker label where a turn starts: after `>>` / `>> `, or at the start of a line in a
// colon-dialect file. Candidates are the file's speakers and the configured roster, written in the
// file's style (`>>NAME:` or `>> NAME:  `, ALL CAPS or as written).
import { inFileCase } from '../speakers/labelStyle';
import type { Span, Transcript } from '../model';
import { speakerKey } from '../speakers/speakers';
import { turnIndexAt } from '../speech';
import { TranscriptFacts } from '../speakers/transcriptFacts';

export interface LabelCompletion {
  /** The label as shown in the list. */
  label: string;
  /** Replaces `replace`: the label with the file's spacing and colon. */
  newText: string;
  replace: Span;
  /** What the editor matches the typed text against: the replaced text's counterpart. */
  filterText: string;
  /** Position in the list, 0 first. */
  rank: number;
  source: 'file' | 'roster';
  /** Turns of this speaker in the file (0 for roster names not in the file). */
  turns: number;
}

// What stands before the cursor on its line where a label may be typed.
const AFTER_CHEVRON = /^[ \t\uFEFF]*(>{1,3})([ \t]*)([\p{L}][\p{L}\p{M}\p{N} .'\u2019\u2011-]*)?$/u;
const LINE_START = /^([ \t\uFEFF]*)([\p{L}][\p{L}\p{M}\p{N} .'\u2019\u2011-]*)?$/u;
/** How many of the most recent distinct speakers are listed before the rest, which follow by number of turns. */
const RECENT_SPEAKERS = 4;

/**
 * Label completions at the offset, or null when the offset is not where a label is written. `facts`
 * are the version's speakers and label style, computed once for every request about it.
 */
export function labelCompletions(transcript: Transcript, offset: number, roster: readonly string[] = [], facts = new TranscriptFacts(transcript)): LabelCompletion[] | null {
  const { text } = transcript;
  let lineStart = offset;
  while (lineStart > 0 && text.charAt(lineStart - 1) !== '\n' && text.charAt(lineStart - 1) !== '\r') lineStart--;
  const before = text.slice(lineStart, offset);
  const style = facts.labelStyle();
  // Speech may follow the cursor already, spaced or not; otherwise the user goes on typing after the colon's spacing.
  const afterColon = /[ \t]/.test(text.charAt(offset)) ? '' : style.afterColon;

  let replace: Span;
  let lead: string;
  const chevron = AFTER_CHEVRON.exec(before);
  if (chevron) {
    const gap = chevron[2];
    const typed = chevron[3] ?? '';
    replace = { start: offset - typed.length - gap.length, end: offset };
    // Keep the space the user typed; after a bare `>>` write the file's own spacing.
    lead = gap.length > 0 ? gap : style.afterMarker;
  } else {
    const lineStartLabel = LINE_START.exec(before);
    if (!lineStartLabel || (transcript.dialect !== 'colon' && transcript.dialect !== 'court')) return null;
    replace = { start: lineStart + lineStartLabel[1].length, end: offset };
    lead = '';
  }

  const candidates = rankedSpeakers(transcript, facts, offset);
  const known = new Set(candidates.map((candidate) => candidate.key));
  for (const name of roster) {
    const key = speakerKey(name);
    if (key.length === 0 || known.has(key)) continue;
    known.add(key);
    candidates.push({ key, label: inFileCase(name.trim(), style), turns: 0, source: 'roster' });
  }
  return candidates.map((candidate, rank) => ({
    label: candidate.label,
    newText: `${lead}${candidate.label}:${afterColon}`,
    replace,
    filterText: `${lead}${candidate.label}`,
    rank,
    source: candidate.source,
    turns: candidate.turns,
  }));
}

interface Candidate {
  key: string;
  label: string;
  turns: number;
  source: 'file' | 'roster';
}

/**
 * The file's speakers, most likely next first: the speakers of the last few turns before the
 * offset, most recent first, except that the speaker who just spoke goes last among them (a new
 * marker means someone else speaks); then everyone else by number of turns.
 */
function rankedSpeakers(transcript: Transcript, facts: TranscriptFacts, offset: number): Candidate[] {
  const groups = facts.speakerGroups();
  const recent: string[] = [];
  for (let i = turnIndexAt(transcript.turns, offset); i >= 0 && recent.length < RECENT_SPEAKERS; i--) {
    const turn = transcript.turns[i];
    if (turn.span.start >= offset || !turn.label || turn.marker.end >= offset) continue;
    if (!recent.includes(turn.label.speaker)) recent.push(turn.label.speaker);
  }
  if (recent.length > 1) recent.push(recent.shift()!);
  const others = groups.filter((group) => !recent.includes(group.key)).sort((a, b) => b.turns.length - a.turns.length);
  return [...recent.map((key) => facts.speaker(key)!), ...others].map((group) => ({ key: group.key, label: group.labels[0], turns: group.turns.length, source: 'file' as const }));
}
