import type { Turn } from '../../model';
import { speakerName } from '../../speech';
import { ITEMS_PER_STEP, type FileRule, type RuleFinding } from './rule';

export const flattenedTurnsRule: FileRule<'flattened-turns'> = {
  code: 'flattened-turns',
  defaultSeverity: 'warning',
  description: 'A speaker marker standing mid-line: the line breaks of the transcript were lost.',
  cheap: true,
  settings: [],
  example: '`... complete. >> CHAIR: Thank you.`',
  quickFixes: '**put the turn (or all) on its own line**',
  scope: 'document',
  *check({ transcript }) {
    const { text } = transcript;
    // The file's first line break is its style; searching the whole text for `\r\n` costs a pass per edit.
    const firstBreak = text.search(/[\r\n]/);
    const eol = firstBreak >= 0 && text.startsWith('\r\n', firstBreak) ? '\r\n' : '\n';
    const flattened: Turn[] = [];
    for (let first = 0; first < transcript.turns.length; first += ITEMS_PER_STEP) {
      for (const turn of transcript.turns.slice(first, first + ITEMS_PER_STEP)) if (turn.flattened) flattened.push(turn);
      yield;
    }
    // Every mid-line marker goes to a line of its own; the white space before it becomes the line break.
    const lineBreakBefore = (start: number) => {
      let gapStart = start;
      while (gapStart > 0 && (text.charAt(gapStart - 1) === ' ' || text.charAt(gapStart - 1) === '\t')) gapStart--;
      return { span: { start: gapStart, end: start }, newText: eol };
    };
    const allEdits = flattened.map((turn) => lineBreakBefore(turn.span.start));
    const findings: RuleFinding[] = [];
    for (const turn of flattened) {
      const label = turn.label ? turn.label.raw : text.slice(turn.marker.start, turn.marker.end);
      const fixes = [{ title: `Put ${speakerName(turn)}'s turn on its own line`, edits: [lineBreakBefore(turn.span.start)], safe: true, preferred: true }];
      if (flattened.length > 1) fixes.push({ title: `Put all ${flattened.length} mid-line turns on their own lines`, edits: allEdits, safe: true, preferred: false });
      findings.push({
        span: { start: turn.marker.start, end: turn.label ? turn.label.span.end : turn.marker.end },
        message: `Turn of ${label} starts mid-line: the line break before it was lost.`,
        fixes,
      });
      if (findings.length % ITEMS_PER_STEP === 0) yield;
    }
    return findings;
  },
};
