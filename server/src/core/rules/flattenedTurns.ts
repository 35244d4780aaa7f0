import { speakerName } from '../speech';
import type { Rule } from './rule';

export const flattenedTurnsRule: Rule = {
  code: 'flattened-turns',
  defaultSeverity: 'warning',
  description: 'A speaker marker standing mid-line: the line breaks of the transcript were lost.',
  scope: 'document',
  check({ transcript }) {
    const { text } = transcript;
    // The file's first line break is its style; searching the whole text for `\r\n` costs a pass per edit.
    const firstBreak = text.search(/[\r\n]/);
    const eol = firstBreak >= 0 && text.startsWith('\r\n', firstBreak) ? '\r\n' : '\n';
    const flattened = transcript.turns.filter((turn) => turn.flattened);
    // Every mid-line marker goes to a line of its own; the white space before it becomes the line break.
    const lineBreakBefore = (start: number) => {
      let gapStart = start;
      while (gapStart > 0 && (text.charAt(gapStart - 1) === ' ' || text.charAt(gapStart - 1) === '\t')) gapStart--;
      return { span: { start: gapStart, end: start }, newText: eol };
    };
    const allEdits = flattened.map((turn) => lineBreakBefore(turn.span.start));
    return flattened.map((turn) => {
      const label = turn.label ? turn.label.raw : text.slice(turn.marker.start, turn.marker.end);
      const fixes = [{ title: `Put ${speakerName(turn)}'s turn on its own line`, edits: [lineBreakBefore(turn.span.start)], safe: true, preferred: true }];
      if (flattened.length > 1) fixes.push({ title: `Put all ${flattened.length} mid-line turns on their own lines`, edits: allEdits, safe: true, preferred: false });
      return { span: { start: turn.marker.start, end: turn.label ? turn.label.span.end : turn.marker.end }, message: `Turn of ${label} starts mid-line: the line break before it was lost.`, fixes };
    });
  },
};
