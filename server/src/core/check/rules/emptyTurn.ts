import type { TurnRule } from './rule';

export const emptyTurnRule: TurnRule<'empty-turn'> = {
  code: 'empty-turn',
  defaultSeverity: 'warning',
  description: 'A speaker-change marker with no label and no text before the next marker.',
  cheap: true,
  settings: [],
  example: 'a lone `>>`',
  quickFixes: 'remove the empty marker',
  scope: 'turn',
  check({ transcript, turns }) {
    const { text } = transcript;
    return turns
      .filter((turn) => turn.label === null && turn.body.start === turn.body.end)
      .map((turn) => {
        const marker = text.slice(turn.marker.start, turn.marker.end);
        // A marker alone on its line goes with its line; a mid-line one with the spaces after it.
        // Walk back over blanks only: searching for the line start rescans a long line for each of its markers.
        let lineStart = turn.marker.start;
        while (lineStart > 0 && isBlank(text.charAt(lineStart - 1))) lineStart--;
        const startsLine = lineStart === 0 || text.charAt(lineStart - 1) === '\n' || text.charAt(lineStart - 1) === '\r';
        let end = turn.marker.end;
        while (end < text.length && (text.charAt(end) === ' ' || text.charAt(end) === '\t')) end++;
        const aloneOnLine = startsLine && (end === text.length || text.charAt(end) === '\n' || text.charAt(end) === '\r');
        if (aloneOnLine && end < text.length) end += text.startsWith('\r\n', end) ? 2 : 1;
        const start = aloneOnLine ? lineStart : turn.marker.start;
        // Removing a marker merges two speakers' turns; it is the editor's call, never fix-all's.
        const fixes = [{ title: `Remove the empty "${marker}"`, edits: [{ span: { start, end }, newText: '' }], safe: false, preferred: true }];
        return { span: turn.marker, message: `Empty turn: "${marker}" has no speaker label and no text before the next turn.`, fixes };
      });
  },
};

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\ufeff';
}
