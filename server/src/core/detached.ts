/**
 * A copy of a string that does not keep alive the text it was cut from. V8 represents `slice`
 * results (and concatenations of them) as views into the whole text, so a label or a message kept
 * across edits would hold every edited version of a 10 MB transcript in memory. Concatenating
 * forces a flat copy of just these characters.
 */
export function detached(value: string): string {
  return value.length === 0 ? value : (value + ' ').slice(0, -1);
}
