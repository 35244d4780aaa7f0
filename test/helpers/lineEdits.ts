// Random editor changes for the property tests of the line table, and the check that positions
// convert exactly as the editor's own document (vscode-languageserver-textdocument) converts them.
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Positions, Range } from '../../server/src/core/lineIndex';

/** What a change inserts: every kind of line break, alone or next to words, so that changes split and join `\r\n` pairs. */
const insertedText = fc.array(fc.constantFrom('', 'a', ' ', '>> ANA:  Hi.', '\n', '\r', '\r\n', '\n\r', '\u{1F600}'), { maxLength: 4 }).map((parts) => parts.join(''));

/** A change whose range is drawn as numbers, fitted by `rangeIn` to the document it meets. */
export const lineEdit = fc.record({ start: fc.tuple(fc.nat(), fc.nat()), end: fc.tuple(fc.nat(), fc.nat()), text: insertedText });

export type LineEdit = typeof lineEdit extends fc.Arbitrary<infer T> ? T : never;

/**
 * The change's range in `text`: each end on a line from one before the first to one past the last,
 * at a column from -1 to the end of the line's break (inside a `\r\n` included). `startInside` keeps
 * the start on a line of the text: `TextDocument.update` mis-tracks lines for a start past the last line.
 */
export function rangeIn(text: string, edit: LineEdit, startInside: boolean): Range {
  const editor = TextDocument.create('file:///edited.transcript', 'caption-transcript', 1, text);
  const positionOf = ([line, character]: [number, number], inside: boolean): Position => {
    const fitted = inside ? line % editor.lineCount : (line % (editor.lineCount + 2)) - 1;
    const lineLength = editor.offsetAt({ line: fitted + 1, character: 0 }) - editor.offsetAt({ line: fitted, character: 0 });
    return { line: fitted, character: (character % (lineLength + 2)) - 1 };
  };
  return { start: positionOf(edit.start, startInside), end: positionOf(edit.end, false) };
}

/** `lines` converts every offset, position and line of `editor`'s text as `editor` does. */
export function assertConvertsAs(lines: Positions, editor: TextDocument): void {
  const text = editor.getText();
  assert.equal(lines.lineCount, editor.lineCount, `line count of ${JSON.stringify(text)}`);
  for (let offset = -1; offset <= text.length + 1; offset++) {
    assert.deepEqual(lines.positionAt(offset), editor.positionAt(offset), `offset ${offset} of ${JSON.stringify(text)}`);
  }
  for (let line = -1; line <= editor.lineCount; line++) {
    const lineLength = editor.offsetAt({ line: line + 1, character: 0 }) - editor.offsetAt({ line, character: 0 });
    for (let character = -1; character <= lineLength + 1; character++) {
      assert.equal(lines.offsetAt({ line, character }), editor.offsetAt({ line, character }), `position ${line}:${character} of ${JSON.stringify(text)}`);
    }
  }
  for (let line = 0; line < editor.lineCount; line++) {
    assert.equal(lines.lineStart(line), editor.offsetAt({ line, character: 0 }), `start of line ${line}`);
    assert.equal(lines.lineEnd(line), editor.offsetAt({ line, character: text.length }), `end of line ${line}`);
  }
}
