// What the whole file says about how it marks turns: counts over lines, so that an edit can update
// them by its lines alone (incremental.ts) and a 20 MB file can be read a slice at a time. The counts
// decide the file's dominant dialect; each line is then read on its own, with this evidence.
import type { Dialect } from '../model';
import { isAllCaps } from '../speakers/speakers';
import { colonCandidateAt, chevronRunEnd, midLineColonLabels, endsChevronLabel, MID_LINE_CHEVRON, NOTE_ONLY, type ColonCandidate } from './markers';
import { addCount, regionFor, skipHorizontalSpace, skipIndent, matchAt, type Line } from './lines';
import { readLabel } from './labels';

export const COURT_MARKER = /[ \t\uFEFF\u00A0]*([QA])\.(?=[ \t]|$)/y;

export interface DialectEvidence {
  chevronLines: number;
  singleChevronLines: number;
  /** Single `>` lines with a label after the chevron (`> DANA:`, `>DANA:`). */
  labelledSingleLines: number;
  /** Single `>` lines holding a note and nothing else (`> (doorbell)`). */
  noteOnlySingleLines: number;
  questionLines: number;
  answerLines: number;
  /** Line-start `NAME:` candidates that could be labels (not headings, fields or titles). */
  colonLabels: number;
  /** Line-start colon labels of two words or three ALL-CAPS letters: one is enough for colon text. */
  strongColonLabels: number;
  midLineChevrons: number;
  /** Mid-line ALL-CAPS labels (not the end of a chevron label). */
  midLineCapsLabels: number;
  lineStartSpeakers: Map<string, number>;
  /** Mid-line Mixed Case labels, by speaker. */
  midLineMixedSpeakers: Map<string, number>;
}

/**
 * Evidence from the lines given, which cover [from, to) of the text. The line-start `NAME:`
 * candidates it reads are added to `candidates` when given, so that the markers need not read them again.
 */
export function dialectEvidence(text: string, lines: readonly Line[], from: number, to: number, candidates?: ColonCandidate[]): DialectEvidence {
  const evidence: DialectEvidence = { ...emptyEvidence(), midLineChevrons: countMidLineChevrons(text, from, to) };
  for (const line of lines) {
    const content = skipIndent(text, line.start, line.end);
    if (text.charCodeAt(content) === 62 /* > */) {
      const run = chevronRunEnd(text, content);
      if (run.chevrons >= 2) evidence.chevronLines++;
      else {
        evidence.singleChevronLines++;
        if (readLabel(text, skipHorizontalSpace(text, run.end, line.end), line.end) !== null) evidence.labelledSingleLines++;
        else if (NOTE_ONLY.test(text.slice(run.end, line.end))) evidence.noteOnlySingleLines++;
      }
      continue;
    }
    const court = matchAt(COURT_MARKER, text, line.start, line.end);
    if (court) {
      if (court[1] === 'Q') evidence.questionLines++;
      else evidence.answerLines++;
      // Outside court text such a line may still be a label (`A. Smith: …`), but it is no evidence.
      const candidate = candidates && colonCandidateAt(text, line);
      if (candidate) candidates.push({ ...candidate, courtLine: true });
      continue;
    }
    const candidate = colonCandidateAt(text, line);
    if (candidate !== null) candidates?.push(candidate);
    if (candidate === null || !candidate.viable) continue;
    const label = candidate.reading.label;
    evidence.colonLabels++;
    addCount(evidence.lineStartSpeakers, label.speaker, 1);
    if (label.raw.includes(' ') || (isAllCaps(label.raw) && label.raw.length >= 3)) evidence.strongColonLabels++;
  }
  for (const label of midLineColonLabels(text, from, to)) {
    if (endsChevronLabel(text, label)) continue;
    if (isAllCaps(label.raw)) evidence.midLineCapsLabels++;
    else addCount(evidence.midLineMixedSpeakers, label.speaker, 1);
  }
  return evidence;
}

export function emptyEvidence(): DialectEvidence {
  return {
    chevronLines: 0,
    singleChevronLines: 0,
    labelledSingleLines: 0,
    noteOnlySingleLines: 0,
    questionLines: 0,
    answerLines: 0,
    colonLabels: 0,
    strongColonLabels: 0,
    midLineChevrons: 0,
    midLineCapsLabels: 0,
    lineStartSpeakers: new Map(),
    midLineMixedSpeakers: new Map(),
  };
}

/** `total` plus (`sign` 1) or minus (`sign` -1) the evidence of some lines, as a new record. */
export function combineEvidence(total: DialectEvidence, part: DialectEvidence, sign: 1 | -1): DialectEvidence {
  const counts = (key: 'lineStartSpeakers' | 'midLineMixedSpeakers') => {
    const result = new Map(total[key]);
    for (const [speaker, count] of part[key]) addCount(result, speaker, sign * count);
    return result;
  };
  const sum = (key: Exclude<keyof DialectEvidence, 'lineStartSpeakers' | 'midLineMixedSpeakers'>) => total[key] + sign * part[key];
  return {
    chevronLines: sum('chevronLines'),
    singleChevronLines: sum('singleChevronLines'),
    labelledSingleLines: sum('labelledSingleLines'),
    noteOnlySingleLines: sum('noteOnlySingleLines'),
    questionLines: sum('questionLines'),
    answerLines: sum('answerLines'),
    colonLabels: sum('colonLabels'),
    strongColonLabels: sum('strongColonLabels'),
    midLineChevrons: sum('midLineChevrons'),
    midLineCapsLabels: sum('midLineCapsLabels'),
    lineStartSpeakers: counts('lineStartSpeakers'),
    midLineMixedSpeakers: counts('midLineMixedSpeakers'),
  };
}

/** The dominant way the file marks turns. */
export function decideDialect(evidence: DialectEvidence): Dialect {
  const chevrons = Math.max(evidence.chevronLines, evidence.midLineChevrons);
  // The dialect is how labels are written: unlabelled `>` lines next to `NAME:` labels are the
  // unlabelled turns of colon text.
  if (evidence.singleChevronLines >= 2 && evidence.singleChevronLines > chevrons && evidence.labelledSingleLines >= evidence.colonLabels) return 'single-chevron';
  // An examination has both questions and answers; a lone `A.` line is a list item or an initial.
  if (evidence.questionLines > 0 && evidence.answerLines > 0) return 'court';
  // Mid-line labels that would start colon turns, by the trust rule of the colon markers: ALL CAPS,
  // a speaker also labelled at a line start, or a Mixed Case label seen again.
  let midLineColonTurns = evidence.midLineCapsLabels;
  for (const [speaker, count] of evidence.midLineMixedSpeakers) {
    midLineColonTurns += evidence.lineStartSpeakers.has(speaker) ? count : 2 * (count - 1);
  }
  const colonTurns = evidence.colonLabels + midLineColonTurns;
  if (chevrons > 0 && chevrons >= colonTurns) return 'chevron';
  if (colonTurns >= 2 || evidence.strongColonLabels > 0 || (colonTurns === 1 && chevrons === 0)) return 'colon';
  if (chevrons > 0) return 'chevron';
  if (evidence.singleChevronLines >= 2) return 'single-chevron';
  return 'none';
}

/** Mid-line `>>` in [from, to), each counted where its chevrons stand. */
function countMidLineChevrons(text: string, from: number, to: number): number {
  let count = 0;
  // One character back, so that a boundary character just before `from` is seen as in a whole-text
  // scan; a slice, so that the search stops at `to` instead of running on to the next match.
  const regionStart = Math.max(0, from - 1);
  const region = regionFor(text, regionStart, to);
  MID_LINE_CHEVRON.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = MID_LINE_CHEVRON.exec(region)) !== null) {
    if (regionStart + match.index + match[1].length >= from) count++;
  }
  return count;
}
