// Integration suite: runs inside a real VS Code extension host (code-server offline, or desktop
// VS Code under @vscode/test-electron), with the packaged extension as the development extension.
// Every expectation about a corpus file comes from test/e2e/oracle.ts reading that file.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { KNOWN_CODES } from '../features';
import { E2E_FILES, isHeaderNameOf, oracle, Oracle, readCorpus } from '../oracle';
import {
  applyCodeAction,
  codeOf,
  copyToWorkspace,
  corpusDir,
  diagnostics,
  diagnosticsWithout,
  EXTENSION_ID,
  itWhen,
  LANGUAGE_ID,
  open,
  symbols,
  waitFor,
  words,
  workspaceDir,
} from './util';

/** Invented text (not from the corpus) that triggers the rules the corpus files do not. */
const SYNTHETIC = [
  'WORKSHOP ON CAPTIONING',
  '',
  '>> MODERATOR:  Good morning and welcome to the the workshop.',
  '>> MODERATOR:  Our first speaker needs no introduction.',
  '>> MODERATOR:  Please go ahead.',
  '>> MODERATR:  Thank you.  I wanted to    say a few words about access.',
  '>>',
  '>> PANELIST:  Thank you for having me.',
  '(Applause',
  'That is all for today.',
  '',
];

function expectOutline(got: vscode.DocumentSymbol[], expected: Oracle, document: vscode.TextDocument): void {
  assert.ok(got.length >= 1, 'no symbols');
  const [header, ...entries] = got;
  assert.ok(isHeaderNameOf(header.name, expected.headerText), `first symbol "${header.name}" should be the header, named by words of the header or "(header)"`);
  assert.deepStrictEqual(
    entries.map((s) => s.name),
    expected.runs.map((r) => r.name),
    'one entry per run of one speaker, named by the label, in order',
  );
  // A run of several turns of one speaker holds them as children; a single turn stands alone.
  const turns = entries.flatMap((entry, i) => (expected.runs[i].turns.length > 1 ? entry.children : [entry]));
  assert.deepStrictEqual(
    turns.map((s) => s.name),
    expected.turnNames,
    'one symbol per turn, in order',
  );
  turns.forEach((symbol, i) => {
    const turn = expected.turns[i];
    assert.strictEqual(symbol.range.start.line, turn.line, `turn ${i + 1} (${symbol.name}) starts on line ${turn.line + 1}`);
    if (turn.label) {
      assert.strictEqual(document.getText(symbol.selectionRange), turn.label, `selection range of turn ${i + 1} is its label`);
    }
    assert.ok(symbol.detail && symbol.detail.length > 0, `turn ${i + 1} has the first words as detail`);
    const stem = symbol.detail.replace(/(…|\.\.\.)$/, '').trim();
    assert.ok(words(document.getText(symbol.range)).join(' ').includes(words(stem).join(' ')), `detail "${symbol.detail}" is the start of turn ${i + 1}`);
  });
}

describe('Verbatim in a real VS Code', function () {
  const files: Record<keyof typeof E2E_FILES, vscode.Uri> = {} as never;
  const oracles: Record<keyof typeof E2E_FILES, Oracle> = {} as never;

  before(async function () {
    for (const key of Object.keys(E2E_FILES) as Array<keyof typeof E2E_FILES>) {
      files[key] = copyToWorkspace(E2E_FILES[key], `${key}.cart`);
      oracles[key] = oracle(readCorpus(corpusDir(), E2E_FILES[key]));
    }
    // Fail fast, with the extension's own error, when it cannot activate: otherwise every test
    // below would wait for symbols or diagnostics that never come.
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
    await open(files.chevrons);
    await extension.activate();
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('language and activation', function () {
    it('gives .cart files the caption-transcript language id and activates the extension', async function () {
      const document = await open(files.chevrons);
      assert.strictEqual(document.languageId, LANGUAGE_ID);
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
      await waitFor('the extension to activate', () => (extension.isActive ? true : undefined), 20000);
    });

    it('gives .transcript files the same language id', async function () {
      const uri = copyToWorkspace(E2E_FILES.chevrons, 'chevrons-copy.transcript');
      const document = await vscode.workspace.openTextDocument(uri);
      assert.strictEqual(document.languageId, LANGUAGE_ID);
    });
  });

  describe('document symbols from the server', function () {
    for (const key of ['chevrons', 'inaudible', 'singleChevron'] as const) {
      it(`lists the header, then one symbol per turn in order (${E2E_FILES[key]})`, async function () {
        const document = await open(files[key]);
        const expected = oracles[key];
        assert.ok(expected.turns.length >= 3, 'the oracle found the turns');
        expectOutline(await symbols(files[key]), expected, document);
      });
    }
  });

  describe('diagnostics', function () {
    it('every diagnostic has source verbatim and a known code', async function () {
      for (const key of ['chevrons', 'inaudible', 'singleChevron', 'flattened'] as const) {
        await open(files[key]);
        for (const d of await diagnostics(files[key])) {
          assert.ok(KNOWN_CODES.includes(codeOf(d)), `${E2E_FILES[key]}: unknown code ${codeOf(d)} (${d.message})`);
          assert.ok(d.message.length > 0);
        }
      }
    });

    it('flags the unlabelled turn (unlabeled-turn, hint) and the turn cut off at the end (broken-turn, warning)', async function () {
      await open(files.chevrons);
      const list = await diagnostics(files.chevrons);
      const expected = oracles.chevrons;
      const unlabelled = expected.turns.filter((t) => t.label === null).map((t) => t.line);
      const unlabeledDiags = list.filter((d) => codeOf(d) === 'unlabeled-turn');
      assert.deepStrictEqual(
        unlabeledDiags.map((d) => d.range.start.line),
        unlabelled,
        'one unlabeled-turn per unlabelled turn',
      );
      unlabeledDiags.forEach((d) => assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Hint));
      const lastLine = expected.text.replace(/\s+$/, '').split(/\r?\n/).length - 1;
      const broken = list.filter((d) => codeOf(d) === 'broken-turn');
      assert.ok(
        broken.some((d) => d.range.end.line === lastLine),
        `a broken-turn on the last line (${lastLine + 1}); got ${broken.map((d) => d.range.end.line + 1)}`,
      );
      broken.forEach((d) => assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning));
    });

    for (const key of ['inaudible', 'singleChevron'] as const) {
      it(`reports every inaudible marker as information (${E2E_FILES[key]})`, async function () {
        const document = await open(files[key]);
        const list = (await diagnostics(files[key])).filter((d) => codeOf(d) === 'inaudible');
        const expected = oracles[key].inaudible;
        assert.ok(expected.length > 0, 'the oracle found inaudible markers');
        assert.strictEqual(list.length, expected.length, `one inaudible per marker: ${expected.map((e) => e.text)}`);
        list.forEach((d, i) => {
          assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Information);
          assert.strictEqual(d.range.start.line, expected[i].line);
          assert.ok(
            expected[i].text.includes(document.getText(d.range).replace(/[.]$/, '')) || document.getText(d.range).includes(expected[i].text),
            `range covers the marker ${expected[i].text}: got "${document.getText(d.range)}"`,
          );
        });
      });
    }

    it('flags a flattened transcript (flattened-turns, warning)', async function () {
      await open(files.flattened);
      const list = (await diagnostics(files.flattened)).filter((d) => codeOf(d) === 'flattened-turns');
      assert.ok(list.length >= 1, 'at least one flattened-turns diagnostic');
      list.forEach((d) => assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning));
    });
    itWhen('laterRules', 'reports repeated-word, label-variant, lost-dash, empty-turn and unclosed-annotation (invented text)', async function () {
      const uri = vscode.Uri.file(path.join(workspaceDir(), 'rules.cart'));
      fs.writeFileSync(uri.fsPath, SYNTHETIC.join('\n'));
      await open(uri);
      const list = await diagnostics(uri);
      const at = (code: string) => list.filter((d) => codeOf(d) === code).map((d) => [d.range.start.line, d.severity]);
      const S = vscode.DiagnosticSeverity;
      assert.deepStrictEqual(at('repeated-word'), [[2, S.Warning]], 'repeated-word on "the the"');
      assert.deepStrictEqual(at('label-variant'), [[5, S.Warning]], 'label-variant on MODERATR');
      assert.deepStrictEqual(at('lost-dash'), [[5, S.Hint]], 'lost-dash on the run of spaces');
      assert.deepStrictEqual(at('empty-turn'), [[6, S.Warning]], 'empty-turn on the bare >>');
      assert.deepStrictEqual(at('unclosed-annotation'), [[8, S.Error]], 'unclosed-annotation on "(Applause"');
    });

    itWhen('laterRules', 'the repeated-word and label-variant quick fixes edit only the flagged text', async function () {
      const uri = vscode.Uri.file(path.join(workspaceDir(), 'rules-fix.cart'));
      fs.writeFileSync(uri.fsPath, SYNTHETIC.join('\n'));
      const document = await open(uri);
      for (const [code, expectLine] of [
        ['repeated-word', SYNTHETIC[2].replace('the the', 'the')],
        ['label-variant', SYNTHETIC[5].replace('MODERATR', 'MODERATOR')],
      ] as const) {
        const diag = (await diagnostics(uri)).find((d) => codeOf(d) === code);
        assert.ok(diag, code);
        const line = diag.range.start.line;
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
        const fix = actions.find((a) => a.isPreferred) ?? actions[0];
        assert.ok(fix, `a quick fix for ${code}`);
        await applyCodeAction(fix);
        assert.strictEqual(document.lineAt(line).text, expectLine, `${code} fixed by "${fix.title}"`);
        await diagnosticsWithout(uri, code);
      }
    });
  });

  describe('editing features', function () {
    itWhen('quickFix', 'the flattened-turns quick fix puts each turn on its own line without changing a word', async function () {
      const uri = copyToWorkspace(E2E_FILES.flattened, 'quickfix.cart');
      const document = await open(uri);
      const before = document.getText();
      const diag = (await diagnostics(uri)).find((d) => codeOf(d) === 'flattened-turns');
      assert.ok(diag, 'a flattened-turns diagnostic');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => /own line/i.test(a.title));
      assert.ok(fix, `a quick fix "Put each turn on its own line"; got ${actions.map((a) => a.title)}`);
      await applyCodeAction(fix);
      const after = document.getText();
      assert.notStrictEqual(after, before, 'the document changed');
      assert.deepStrictEqual(words(after.replace(/>>/g, ' >>')), words(before.replace(/>>/g, ' >>')), 'no word changed');
      assert.ok(!/\S[ \t]*>>/.test(after), 'no >> marker is left mid-line');
      await diagnosticsWithout(uri, 'flattened-turns');
      const reread = oracle(after);
      const got = await symbols(uri);
      assert.deepStrictEqual(
        got.slice(1).map((s) => s.name),
        reread.runs.map((r) => r.name),
        'the outline lists the turns now on their own lines',
      );
    });

    itWhen('fixAll', 'source.fixAll.verbatim applies the fixes that change no spoken word', async function () {
      const uri = copyToWorkspace(E2E_FILES.flattened, 'fixall.cart');
      const document = await open(uri);
      const before = document.getText();
      assert.ok(
        (await diagnostics(uri)).some((d) => codeOf(d) === 'flattened-turns'),
        'flattened-turns before',
      );
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        new vscode.Range(0, 0, document.lineCount, 0),
        'source.fixAll.verbatim',
      );
      const fixAll = actions.find((a) => a.kind && vscode.CodeActionKind.SourceFixAll.contains(a.kind));
      assert.ok(fixAll, `a source.fixAll action; got ${actions.map((a) => `${a.title} (${a.kind?.value})`)}`);
      await applyCodeAction(fixAll);
      assert.notStrictEqual(document.getText(), before, 'the document changed');
      assert.deepStrictEqual(words(document.getText().replace(/>>/g, ' >>')), words(before.replace(/>>/g, ' >>')), 'no word changed');
      await diagnosticsWithout(uri, 'flattened-turns');
    });

    itWhen('rename', 'renames a speaker label everywhere it is used as a label', async function () {
      const uri = copyToWorkspace(E2E_FILES.chevrons, 'rename.cart');
      const document = await open(uri);
      const expected = oracle(document.getText());
      const label = expected.turns.find((t) => t.label)!.label!;
      const count = expected.turns.filter((t) => t.label === label).length;
      const line = expected.turns.find((t) => t.label === label)!.line;
      const position = new vscode.Position(line, document.lineAt(line).text.indexOf(label) + 1);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, position, 'CHAIR');
      assert.ok(edit && (await vscode.workspace.applyEdit(edit)), 'the rename edit applies');
      const reread = oracle(document.getText());
      assert.strictEqual(reread.turns.filter((t) => t.label === 'CHAIR').length, count, `all ${count} turns of ${label} renamed`);
      assert.strictEqual(reread.turns.filter((t) => t.label === label).length, 0);
      assert.deepStrictEqual(reread.turnNames.length, expected.turnNames.length);
    });

    itWhen('completion', 'completes known speaker labels after ">> "', async function () {
      const uri = copyToWorkspace(E2E_FILES.chevrons, 'complete.cart');
      const document = await open(uri);
      const labels = [...new Set(oracle(document.getText()).turns.flatMap((t) => (t.label ? [t.label] : [])))];
      const end = document.lineAt(document.lineCount - 1).range.end;
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, end, '\n>> ');
      await vscode.workspace.applyEdit(edit);
      const position = document.lineAt(document.lineCount - 1).range.end;
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
      const offered = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      for (const label of labels)
        assert.ok(
          offered.some((o) => o.startsWith(label)),
          `${label} offered; got ${offered.slice(0, 20)}`,
        );
    });

    itWhen('formatting', 'formats the document without changing a word', async function () {
      // 010 has trailing blanks and mixed spacing after the label colon: something to normalise.
      const uri = copyToWorkspace(E2E_FILES.chevrons, 'format.cart');
      const document = await open(uri);
      const before = document.getText();
      const format = () => vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri, { tabSize: 2, insertSpaces: true });
      const edits = await format();
      assert.ok(edits && edits.length > 0, 'the formatter proposes edits');
      const edit = new vscode.WorkspaceEdit();
      edit.set(uri, edits);
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.notStrictEqual(document.getText(), before, 'the document changed');
      assert.ok(!/[ \t]+$/m.test(document.getText()), 'no trailing blanks left');
      assert.deepStrictEqual(words(document.getText()), words(before), 'no word changed');
      assert.deepStrictEqual(oracle(document.getText()).turnNames, oracles.chevrons.turnNames, 'the same turns after formatting');
      const again = await format();
      assert.strictEqual(again?.length ?? 0, 0, 'formatting is idempotent');
    });

    itWhen('speakersView', "the Speakers view's commands are registered and run for the active transcript", async function () {
      // The view's rows are checked from the page in the UI phase (test/e2e/phases/ui.ts): the
      // extension exports no API for the tree's data, so here only its commands are exercised.
      await open(files.chevrons);
      const commands = await vscode.commands.getCommands(true);
      for (const id of ['verbatim.refreshSpeakers', 'verbatim.revealTurn', 'verbatim.speakers.focus']) {
        assert.ok(commands.includes(id), `command ${id} registered`);
      }
      await vscode.commands.executeCommand('verbatim.refreshSpeakers');
      await vscode.commands.executeCommand('verbatim.speakers.focus');
      const turn = oracles.chevrons.turns[3];
      await vscode.commands.executeCommand('verbatim.revealTurn', files.chevrons.toString(), {
        start: { line: turn.line, character: 3 },
        end: { line: turn.line, character: 3 + (turn.label ?? '').length },
      });
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor && editor.document.uri.toString() === files.chevrons.toString(), 'revealTurn opened the transcript');
      assert.strictEqual(editor.document.getText(editor.selection), turn.label, 'revealTurn selected the label');
    });

    itWhen('answers', 'keeps an answer to a label doubt in the .verbatimrc.json of the workspace folder, or in the user settings for an untitled transcript', async function () {
      // Invented: an agenda line in a chevron file; the turn at the end is cut off, so diagnostics come.
      const text = ['>> CHAIR:  Welcome, everyone.', 'Session 1: Opening remarks', '>> CHAIR:  We begin with', ''].join('\n');
      const rc = path.join(workspaceDir(), '.verbatimrc.json');
      const before = fs.existsSync(rc) ? fs.readFileSync(rc, 'utf8') : undefined;
      const userSpeakers = () => vscode.workspace.getConfiguration('verbatim').inspect<string[]>('speakers')?.globalValue ?? [];
      try {
        const uri = vscode.Uri.file(path.join(workspaceDir(), 'agenda.cart'));
        fs.writeFileSync(uri.fsPath, text);
        await open(uri);
        await diagnostics(uri);
        // What the "is not a speaker" quick fix runs.
        await vscode.commands.executeCommand('verbatim.recordSpeakerAnswer', { uri: uri.toString(), name: 'Session 1', isSpeaker: false });
        await waitFor('the answer in .verbatimrc.json', () => {
          try {
            return (JSON.parse(fs.readFileSync(rc, 'utf8')).notSpeakers ?? []).includes('Session 1') ? true : undefined;
          } catch {
            return undefined;
          }
        });
        const untitled = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
        await vscode.window.showTextDocument(untitled);
        await vscode.commands.executeCommand('verbatim.recordSpeakerAnswer', { uri: untitled.uri.toString(), name: 'Amanda', isSpeaker: true });
        await waitFor('the answer in the user settings', () => (userSpeakers().includes('Amanda') ? true : undefined));
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      } finally {
        if (before === undefined) fs.rmSync(rc, { force: true });
        else fs.writeFileSync(rc, before);
        await vscode.workspace.getConfiguration('verbatim').update('speakers', undefined, vscode.ConfigurationTarget.Global);
      }
    });

    itWhen('answersReader', 'asks "Is … a speaker?" where the reader is unsure, and the answer changes the outline and the hints at once', async function () {
      // Invented: an agenda line and a colon turn without chevrons in a chevron file; the last turn is cut off.
      const text = ['>> CHAIR:  Welcome, everyone.', 'Session 1: Opening remarks', '>> CHAIR:  Over to you, Amanda.', 'Amanda: Thank you!', '>> CHAIR:  We begin with', ''].join(
        '\n',
      );
      const rc = path.join(workspaceDir(), '.verbatimrc.json');
      const before = fs.existsSync(rc) ? fs.readFileSync(rc, 'utf8') : undefined;
      const flat = (list: vscode.DocumentSymbol[] | undefined): string[] => (list ?? []).flatMap((symbol) => [symbol.name, ...flat(symbol.children)]);
      try {
        const uri = vscode.Uri.file(path.join(workspaceDir(), 'doubts.cart'));
        fs.writeFileSync(uri.fsPath, text);
        const document = await open(uri);
        const doubt = await waitFor('a label-doubt hint', () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'label-doubt'));
        assert.strictEqual(doubt.severity, vscode.DiagnosticSeverity.Hint);
        const name = document.getText(doubt.range);
        assert.ok(doubt.message.startsWith(`Is "${name}" a speaker?`), doubt.message);
        const readAsLabel = doubt.message.includes('It is read as one');
        const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, doubt.range)) ?? [];
        // The answer against the reading: the outline must change.
        const answer = actions.find((action) => action.title.startsWith(`"${name}" is ${readAsLabel ? 'not ' : ''}a speaker`));
        assert.ok(answer, `the answers are offered: ${actions.map((action) => action.title).join(' | ')}`);
        assert.strictEqual(flat(await symbols(uri)).includes(name), readAsLabel, 'the outline shows the reading before the answer');
        await applyCodeAction(answer);
        await waitFor('the outline to follow the answer', async () => {
          const names = flat(await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri));
          return names.includes(name) !== readAsLabel ? true : undefined;
        });
        await waitFor('the hint to go', () => (vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'label-doubt' && d.range.isEqual(doubt.range)) ? undefined : true));
      } finally {
        if (before === undefined) fs.rmSync(rc, { force: true });
        else fs.writeFileSync(rc, before);
      }
    });

    itWhen('txtDetection', 'a .txt transcript switches to Caption Transcript when verbatim.detectTranscriptsInTxt is "always"', async function () {
      const config = vscode.workspace.getConfiguration('verbatim');
      await config.update('detectTranscriptsInTxt', 'always', vscode.ConfigurationTarget.Global);
      try {
        const uri = copyToWorkspace(E2E_FILES.chevrons, 'looks-like-a-transcript.txt');
        const document = await open(uri);
        await waitFor('the .txt to switch language', () => (vscode.window.activeTextEditor?.document.languageId === LANGUAGE_ID ? true : undefined), 15000);
        assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString());
        // Transcripts published as Markdown get the same offer.
        const markdown = await open(copyToWorkspace(E2E_FILES.chevrons, 'looks-like-a-transcript.md'));
        await waitFor(
          'the .md to switch language',
          () =>
            vscode.workspace.textDocuments.some((candidate) => candidate.uri.toString() === markdown.uri.toString() && candidate.languageId === LANGUAGE_ID) ? true : undefined,
          15000,
        );
        await config.update('detectTranscriptsInTxt', 'never', vscode.ConfigurationTarget.Global);
        const other = await open(copyToWorkspace(E2E_FILES.inaudible, 'stays-plain.txt'));
        await new Promise((r) => setTimeout(r, 2000));
        assert.strictEqual(other.languageId, 'plaintext', '"never" leaves .txt files alone');
      } finally {
        await config.update('detectTranscriptsInTxt', undefined, vscode.ConfigurationTarget.Global);
      }
    });
  });
});
