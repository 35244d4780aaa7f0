// The formatter: normalises how a transcript is written, never what was said. Marker spacing,
// label case, the colon's spacing, dash style, annotation brackets and trailing whitespace follow
// the settings and the file's dominant style; every spoken word stays as it is.
import { inaudibleTermsOf } from './analysis';
import { applyEditsSteps } from './fixes';
import { labelStyleOf } from '../speakers/labelStyle';
import type { Transcript, Turn } from '../model';
import { parseSteps } from '../parse';
import type { TextEdit } from './rules/rule';
import type { Settings } from '../config/settings';
import { annotationsByTurn, bodyParts, spokenWordsOfTurn } from '../speech';
import { runSteps } from '../steps';

// An interruption dash in speech: `--` (not part of `-->` or a longer rule), two U+2011, an em dash, or a spaced en dash.
const DASH = /(?<![-<>])--(?![->])|(?<!\u2011)\u2011\u2011(?!\u2011)|\u2014|(?<=\s)\u2013(?=\s)/g;
// Matches start at the first blank of a run only: otherwise a long mid-line run is retried from each of its blanks.
const TRAILING_WHITESPACE = /(?<![ \t\u00A0])[ \t\u00A0]+(?=\r\n|\r|\n|$)/g;

export type FormatStep = 'markers' | 'labels' | 'dashes' | 'annotations' | 'whitespace';

/**
 * Edits that format the whole text, in document order and not overlapping. Checked before they are
 * returned: if applying them would change the spoken words or the annotations, the bracket edits
 * are dropped, and if that is not enough, nothing is changed.
 */
export function formatEdits(text: string, settings: Settings): TextEdit[] {
  return runSteps(formatEditsSteps(text, settings));
}

/** Turns one step of the formatter reads, and characters its whitespace scan reads: a few milliseconds. */
const TURNS_PER_STEP = 200;
const CHARACTERS_PER_STEP = 1 << 20;
const ANNOTATIONS_PER_STEP = 5000;

/** `formatEdits` in bounded steps (two parses and three readings of every turn), for a server to run in slices. */
export function* formatEditsSteps(text: string, settings: Settings): Generator<void, TextEdit[]> {
  const parse = (source: string) => parseSteps(source, { inaudibleTerms: inaudibleTermsOf(settings) });
  const { transcript } = yield* parse(text);
  const all = yield* collectEdits(transcript, settings);
  const before = yield* fingerprint(transcript);
  for (const steps of [all, all.filter((edit) => edit.step !== 'annotations')]) {
    const edits = withoutOverlaps(steps);
    if (edits.length === 0) return [];
    yield;
    const formatted = yield* applyEditsSteps(text, edits);
    const after = yield* fingerprint((yield* parse(formatted)).transcript);
    if (yield* sameList(after, before)) return edits.map(({ span, newText }) => ({ span, newText }));
  }
  return [];
}

/** Compared a batch per step: each entry is a turn's words, built as a string only now. */
function* sameList(a: readonly string[], b: readonly string[]): Generator<void, boolean> {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    if (a[index] !== b[index]) return false;
    if (index % TURNS_PER_STEP === TURNS_PER_STEP - 1) yield;
  }
  return true;
}

interface StepEdit extends TextEdit {
  step: FormatStep;
}

function* collectEdits(transcript: Transcript, settings: Settings): Generator<void, StepEdit[]> {
  const { text } = transcript;
  const edits: StepEdit[] = [];
  const replace = (step: FormatStep, start: number, end: number, newText: string) => {
    if (text.slice(start, end) !== newText) edits.push({ step, span: { start, end }, newText });
  };
  const style = labelStyleOf(transcript);
  const turnAnnotations = annotationsByTurn(transcript);

  for (const turn of transcript.turns) {
    const { label } = turn;
    const chevron = turn.markerKind === 'chevron' || turn.markerKind === 'single-chevron' || turn.markerKind === 'section';
    // Marker spacing: a label after a chevron as the file writes most of them; an unlabelled turn's speech one space after it.
    if (chevron) {
      const next = label ? label.span.start : turn.body.start;
      const sameLine = /^[ \t]*$/.test(text.slice(turn.marker.end, next));
      if (sameLine && (label || turn.body.end > turn.body.start)) replace('markers', turn.marker.end, next, label ? style.afterMarker : ' ');
    }
    if (label) {
      if (settings.labelCase === 'upper') replace('labels', label.span.start, label.span.end, text.slice(label.span.start, label.span.end).toUpperCase());
      const colon = label.colon;
      if (colon) {
        // No space before the colon; the file's spacing between the colon and speech on the same line.
        if (/^[ \t]+$/.test(text.slice(label.span.end, colon.start))) replace('labels', label.span.end, colon.start, '');
        const gap = text.slice(colon.end, turn.body.start);
        if (turn.body.end > turn.body.start && /^[ \t]*$/.test(gap)) replace('labels', colon.end, turn.body.start, style.afterColon);
      }
    }
    for (const part of bodyParts(text, turn, turnAnnotations[turn.index])) {
      if (part.kind === 'speech') {
        DASH.lastIndex = 0;
        const speech = text.slice(part.span.start, part.span.end);
        for (const match of speech.matchAll(DASH)) replace('dashes', part.span.start + match.index, part.span.start + match.index + match[0].length, settings.dashStyle);
        continue;
      }
      // Annotations in turns only: the header is the provider's block, left as published.
      const annotation = part.annotation;
      if (!annotation.closed) continue;
      const [open, close] = settings.annotationBrackets;
      const inner = text.slice(annotation.span.start + 1, annotation.span.end - 1);
      if (/[\r\n()[\]]/.test(inner)) continue;
      replace('annotations', annotation.span.start, annotation.span.end, `${open}${inner.trim()}${close}`);
    }
    if (turn.index % TURNS_PER_STEP === TURNS_PER_STEP - 1) yield;
  }
  // One pass over the whole text: a step per megabyte or so.
  TRAILING_WHITESPACE.lastIndex = 0;
  let stepEnd = CHARACTERS_PER_STEP;
  for (let match = TRAILING_WHITESPACE.exec(text); match !== null; match = TRAILING_WHITESPACE.exec(text)) {
    replace('whitespace', match.index, match.index + match[0].length, '');
    if (match.index > stepEnd) {
      stepEnd = match.index + CHARACTERS_PER_STEP;
      yield;
    }
  }
  return edits;
}

/** Edits sorted by position; one that overlaps an earlier one is left for the next formatting. */
function withoutOverlaps(edits: readonly StepEdit[]): StepEdit[] {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const kept: StepEdit[] = [];
  let end = -1;
  for (const edit of sorted) {
    if (edit.span.start < end || (edit.span.start === end && edit.span.start === edit.span.end)) continue;
    kept.push(edit);
    end = edit.span.end;
  }
  return kept;
}

/** What formatting must keep, as a list to compare: each turn's speaker and spoken words, then the annotations' kinds and words. */
function* fingerprint(transcript: Transcript): Generator<void, string[]> {
  const byTurn = annotationsByTurn(transcript);
  const parts: string[] = [];
  for (let first = 0; first < transcript.turns.length; first += TURNS_PER_STEP) {
    const turns: Turn[] = transcript.turns.slice(first, first + TURNS_PER_STEP);
    for (const turn of turns) parts.push(`${turn.label?.speaker ?? ''}\u0000${spokenWordsOfTurn(transcript.text, turn, byTurn[turn.index]).join(' ')}`);
    yield;
  }
  const { annotations } = transcript;
  for (let index = 0; index < annotations.length; index++) {
    parts.push(`${annotations[index].kind}\u0000${annotations[index].content.toUpperCase()}`);
    if (index % ANNOTATIONS_PER_STEP === ANNOTATIONS_PER_STEP - 1) yield;
  }
  return parts;
}
