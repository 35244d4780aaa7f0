// The Get Started walkthrough and the reading-comfort defaults, inside a real extension host: every
// command a walkthrough step links to runs and does what the step says, and the defaults the
// extension contributes for transcripts are the ones in effect.

import * as assert from 'assert';
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { RULE_CODES } from '../../../server/src/core/check/rules/index';
import { codeOf, diagnostics, EXTENSION_ID, LANGUAGE_ID, waitFor } from './util';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
}

describe('Get Started walkthrough and reading comfort', function () {
  const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
  const steps: Step[] = extension.packageJSON.contributes.walkthroughs[0].steps;
  const commandOf = (step: Step) => /\(command:([\w.]+)\)/.exec(step.description)?.[1];

  before(async () => {
    await extension.activate();
  });

  it('has five steps, each with its media in the package and a command link', () => {
    assert.deepStrictEqual(
      steps.map((step) => step.id),
      ['openSample', 'outline', 'fixProblem', 'fixAllOnSave', 'commandLine'],
    );
    for (const step of steps) {
      const media = step.media.markdown ?? step.media.image;
      assert.ok(media && fs.existsSync(path.join(extension.extensionPath, media)), `${step.id}: media ${media} in the package`);
      assert.ok(commandOf(step), `${step.id}: a command link`);
    }
  });

  it('step 1 opens the sample as an unsaved Caption Transcript with a finding of each rule', async () => {
    await vscode.commands.executeCommand(commandOf(steps[0])!);
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document, 'an editor');
    assert.strictEqual(document.languageId, LANGUAGE_ID);
    assert.strictEqual(document.uri.scheme, 'untitled', "a new document: fixes never edit the extension's copy");
    assert.strictEqual(document.getText(), fs.readFileSync(path.join(extension.extensionPath, 'samples', 'council-meeting.transcript'), 'utf8'));
    const found = new Set((await diagnostics(document.uri)).map(codeOf));
    assert.deepStrictEqual(
      RULE_CODES.filter((code) => !found.has(code)),
      [],
      'codes missing from the sample',
    );
  });

  it('steps 2 and 3 show the Outline and the Problems panel', async () => {
    for (const step of [steps[1], steps[2]]) {
      const command = commandOf(step)!;
      assert.ok((await vscode.commands.getCommands(true)).includes(command), `${command} exists`);
      await vscode.commands.executeCommand(command);
    }
  });

  it('step 4 adds fix-all on save to the user settings for transcripts, keeping what was there', async () => {
    const editor = () => vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID });
    const before = editor().inspect('codeActionsOnSave')?.globalLanguageValue;
    await editor().update('codeActionsOnSave', { 'source.organizeImports': 'never' }, vscode.ConfigurationTarget.Global, true);
    try {
      await vscode.commands.executeCommand(commandOf(steps[3])!);
      const value = await waitFor('the setting', () => {
        const current = editor().inspect<Record<string, string>>('codeActionsOnSave')?.globalLanguageValue;
        return current?.['source.fixAll.verbatim'] ? current : undefined;
      });
      assert.deepStrictEqual(value, { 'source.organizeImports': 'never', 'source.fixAll.verbatim': 'explicit' });
      assert.deepStrictEqual(editor().get('codeActionsOnSave'), value, 'in effect for transcripts');
    } finally {
      await editor().update('codeActionsOnSave', before, vscode.ConfigurationTarget.Global, true);
    }
  });

  it('step 5 runs the bundled checker in a terminal: the command line it types checks the sample and exits 1', async () => {
    const before = vscode.window.terminals.length;
    const commandLine = await vscode.commands.executeCommand<string>(commandOf(steps[4])!);
    assert.ok(
      vscode.window.terminals.some((terminal) => terminal.name === 'Verbatim check'),
      'a "Verbatim check" terminal',
    );
    assert.ok(vscode.window.terminals.length > before);
    // The terminal's output is not readable through the API: run the same line in a shell.
    let output = '';
    let status = 0;
    try {
      output = execSync(commandLine, { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    } catch (error) {
      const failed = error as { status: number; stdout: string };
      status = failed.status;
      output = failed.stdout;
    }
    assert.strictEqual(status, 1, output);
    assert.match(output, /council-meeting\.transcript:\d+:\d+: error unclosed-annotation: /);
    assert.match(output, new RegExp(`1 file checked, ${RULE_CODES.length} diagnostics`));
  });

  it('transcripts open with word wrap on, no word-based suggestions, and the characters captioners write not boxed', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID });
    assert.strictEqual(editor.get('wordWrap'), 'on');
    assert.strictEqual(editor.get('wordBasedSuggestions'), 'off');
    assert.strictEqual(editor.get('unicodeHighlight.nonBasicASCII'), false);
    const allowed = editor.get<Record<string, boolean>>('unicodeHighlight.allowedCharacters') ?? {};
    for (const character of ['\u00a0', '\u2011', '\u2014', '\u2019']) assert.strictEqual(allowed[character], true, `U+${character.charCodeAt(0).toString(16)} allowed`);
    // Other languages keep VS Code's defaults.
    assert.notStrictEqual(vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).get('wordBasedSuggestions'), 'off');
  });
});
