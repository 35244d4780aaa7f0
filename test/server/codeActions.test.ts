import { strict as assert } from 'assert';
import { existsSync } from 'fs';
import { fileURLToPath } from 'url';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/check/fixes';
import { LineIndex } from '../../server/src/core/lineIndex';
import { startServer, type ServerSession } from '../helpers/lspClient';

const TEXT = ['>> MODERATOR:  Welcome to the the session.  >> ANNA:  Thank you (unintelligible) for', '>> Moderator:  Next  speaker please.', '>> MODERATOR:  Go ahead.', ''].join(
  '\n',
);
const URI = 'file:///session.transcript';

/** Applies LSP edits to a text, as the editor does with a workspace edit. */
function applyLspEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  return applyEdits(
    text,
    edits.map((edit) => ({ span: lines.spanOf(edit.range), newText: edit.newText })),
  );
}

describe('code actions', function () {
  let server: ServerSession;

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    await server.close();
  });

  async function openWithDiagnostics(text = TEXT): Promise<Diagnostic[]> {
    const published = server.nextDiagnostics(URI);
    server.open(URI, text);
    return published;
  }

  /** Diagnostics published from now on until one set satisfies the test (earlier publishes may still be in flight). */
  async function diagnosticsWhere(test: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    for (;;) {
      const diagnostics = await server.nextDiagnostics(URI);
      if (test(diagnostics)) return diagnostics;
    }
  }

  function changeSettings(settings: Record<string, unknown>): Promise<void> {
    server.settings = settings;
    return server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  function requestActions(diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range, context: { diagnostics, only } });
  }

  it('links every diagnostic to its section of docs/rules.md', async () => {
    const diagnostics = await openWithDiagnostics();
    assert.ok(diagnostics.length > 0);
    for (const diagnostic of diagnostics) {
      const href = diagnostic.codeDescription!.href;
      assert.ok(href.endsWith(`/docs/rules.md#${diagnostic.code}`), href);
      assert.ok(existsSync(fileURLToPath(href.replace(/#.*$/, ''))), `${href} must point at a file that ships with the server`);
    }
  });

  it('offers the rule fixes for a diagnostic, and applying one changes just that', async () => {
    const diagnostics = await openWithDiagnostics();
    const repeated = diagnostics.find((d) => d.code === 'repeated-word')!;
    const actions = await requestActions([repeated]);
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Drop the repeated "the"', 'Keep both as a false start: "the -- the"'],
    );
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(actions[0].diagnostics, [repeated]);
    const after = applyLspEdits(TEXT, actions[0].edit!.changes![URI]);
    assert.equal(after, TEXT.replace('the the session', 'the session'));
  });

  it("offers to change a label variant to the speaker's usual spelling", async () => {
    const diagnostics = await openWithDiagnostics();
    const variant = diagnostics.find((d) => d.code === 'label-variant')!;
    const actions = await requestActions([variant]);
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Change label to MODERATOR'],
    );
    assert.equal(applyLspEdits(TEXT, actions[0].edit!.changes![URI]), TEXT.replace('>> Moderator:', '>> MODERATOR:'));
  });

  it('offers a fix that would make the parser read other words as an ordinary quick fix, not the preferred one', async () => {
    // Writing (Inaudible.) as (inaudible) would drop the full stop that makes "SARAH LUDFORD:" a mid-line label.
    const text = 'x.\n>>(Inaudible.) SARAH LUDFORD: Is it (unintelligible) working?\n';
    const diagnostics = await openWithDiagnostics(text);
    const inaudible = diagnostics.filter((d) => d.code === 'inaudible');
    const preferredOf = async (written: string) => {
      const diagnostic = inaudible.find((d) => text.split('\n')[d.range.start.line].slice(d.range.start.character).startsWith(written));
      assert.ok(diagnostic, `an inaudible diagnostic on ${written}`);
      return (await requestActions([diagnostic])).map((action) => action.isPreferred === true);
    };
    assert.deepEqual(await preferredOf('(Inaudible.)'), [false]);
    assert.deepEqual(await preferredOf('(unintelligible)'), [true]);
  });

  it('answers source.fixAll.verbatim with one edit that changes no spoken word, and nothing when asked for quick fixes only', async () => {
    const diagnostics = await openWithDiagnostics();
    const [fixAll] = await requestActions([], ['source.fixAll.verbatim']);
    assert.equal(fixAll.kind, 'source.fixAll.verbatim');
    const after = applyLspEdits(TEXT, fixAll.edit!.changes![URI]);
    assert.equal(
      after,
      ['>> MODERATOR:  Welcome to the the session.', '>> ANNA:  Thank you (inaudible) for', '>> MODERATOR:  Next  speaker please.', '>> MODERATOR:  Go ahead.', ''].join('\n'),
    );
    // Also served when the editor asks for every source.fixAll action on save.
    assert.equal((await requestActions([], ['source.fixAll'])).length, 1);
    const quickFixesOnly = await requestActions(diagnostics, ['quickfix']);
    assert.ok(quickFixesOnly.every((action) => action.kind === 'quickfix'));
  });

  it('finds no fix for a stale diagnostic whose range no longer matches', async () => {
    const diagnostics = await openWithDiagnostics();
    const repeated = diagnostics.find((d) => d.code === 'repeated-word')!;
    const moved = { ...repeated, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } } };
    assert.deepEqual(await requestActions([moved]), []);
  });

  it('applies new severities and rules turned off on didChangeConfiguration', async () => {
    const before = await openWithDiagnostics();
    assert.equal(before.find((d) => d.code === 'repeated-word')!.severity, 2);
    const changed = diagnosticsWhere((diagnostics) => diagnostics.find((d) => d.code === 'repeated-word')?.severity === 1);
    await changeSettings({ rules: { 'repeated-word': 'error', 'label-variant': 'off' } });
    const diagnostics = await changed;
    assert.equal(
      diagnostics.some((d) => d.code === 'label-variant'),
      false,
    );
    // The quick fixes follow the settings too: a new dash style is used at once.
    const restyled = diagnosticsWhere((published) => published.some((d) => d.code === 'label-variant'));
    await changeSettings({ dashStyle: '\u2014' });
    const repeated = (await restyled).find((d) => d.code === 'repeated-word')!;
    const actions = await requestActions([repeated]);
    assert.match(actions[1].title, /the \u2014 the/);
  });

  it('reports a broken setting once, keeps the defaults and keeps serving', async () => {
    const diagnostics = await openWithDiagnostics();
    const republished = diagnosticsWhere(() => true);
    await changeSettings({ dashStyle: 'long', rules: { 'repeated-word': 'loud' } });
    await republished;
    await changeSettings({ dashStyle: 'long', rules: { 'repeated-word': 'loud' } });
    const again = await diagnosticsWhere(() => true);
    const shown = server.messages.map((message) => message.message);
    assert.equal(again.find((d) => d.code === 'repeated-word')!.severity, 2);
    assert.equal(shown.filter((message) => /dashStyle/.test(message)).length, 1, JSON.stringify(shown));
    assert.match(
      shown.find((message) => /dashStyle/.test(message))!,
      /"dashStyle" must be one of "--", "\u2014", "\u2011\u2011"; got "long"; using "--"/,
    );
    assert.equal(shown.filter((message) => /repeated-word/.test(message)).length, 1);
    const actions = await requestActions([diagnostics.find((d) => d.code === 'repeated-word')!]);
    assert.match(actions[1].title, /the -- the/);
  });
});
