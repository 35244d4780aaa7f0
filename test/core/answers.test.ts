import { strict as assert } from 'assert';
import * as path from 'path';
import { parseOptionsOf } from '../../server/src/core/check/analysis';
import { answeredLists, answerFileFor, recordAnswer, withSpeakerAnswers } from '../../server/src/core/answers';
import { CONFIG_FILE_NAME, loadConfig } from '../../server/src/core/config/config';
import { DEFAULT_SETTINGS, resolveSettings } from '../../server/src/core/config/settings';

/** The recorded text, or a failed test naming the error. */
function recorded(text: string | undefined, name: string, isSpeaker: boolean): string {
  const result = recordAnswer(text, { name, isSpeaker });
  if ('error' in result) assert.fail(`unexpected error: ${result.error}`);
  return result.text;
}

describe('speaker answers', () => {
  describe('settings', () => {
    it('reads notSpeakers as speakers is read: trimmed, blanks dropped', () => {
      const { settings, problems } = resolveSettings({ speakers: [' Amanda '], notSpeakers: ['Session 1', '  ', 'Item 4 '] });
      assert.deepEqual(problems, []);
      assert.deepEqual(settings.speakers, ['Amanda']);
      assert.deepEqual(settings.notSpeakers, ['Session 1', 'Item 4']);
      assert.deepEqual(resolveSettings({}).settings.notSpeakers, []);
    });

    it('reports a notSpeakers that is not a list of names, and keeps none', () => {
      for (const broken of ['Session 1', [1, 2], { name: 'x' }]) {
        const { settings, problems } = resolveSettings({ notSpeakers: broken });
        assert.deepEqual(settings.notSpeakers, [], JSON.stringify(broken));
        assert.equal(problems.length, 1);
        assert.match(problems[0], /"notSpeakers" must be a list of speaker names/);
      }
    });

    it('reads a name in both lists as a speaker, and says so', () => {
      const { settings, problems } = resolveSettings({ speakers: ['Amanda'], notSpeakers: ['AMANDA', 'Session 1'] });
      assert.deepEqual(settings.notSpeakers, ['Session 1']);
      assert.deepEqual(settings.speakers, ['Amanda']);
      assert.equal(problems.length, 1);
      assert.match(problems[0], /"AMANDA" is in both "speakers" and "notSpeakers"; read as a speaker/);
    });

    it('are a known key of .verbatimrc.json, not reported as a typo', () => {
      const file = path.resolve('/p', CONFIG_FILE_NAME);
      const loaded = loadConfig('/p/a.transcript', (candidate) => (candidate === file ? '{ "notSpeakers": ["Session 1"], "speakers": ["Amanda"] }' : undefined));
      assert.deepEqual(loaded.problems, []);
      assert.deepEqual(loaded.settings.notSpeakers, ['Session 1']);
    });

    it('reach the parser with the inaudible lexicon', () => {
      const { settings } = resolveSettings({ speakers: ['Amanda'], notSpeakers: ['Session 1'], inaudibleTerms: ['signal lost'] });
      const options = parseOptionsOf(settings);
      assert.deepEqual(options.speakers, ['Amanda']);
      assert.deepEqual(options.notSpeakers, ['Session 1']);
      assert.ok(options.inaudibleTerms?.has('signal lost'));
    });

    it('from a .verbatimrc.json are added to the editor settings, the file winning a disagreement', () => {
      const editor = { ...DEFAULT_SETTINGS, speakers: ['Ana Ruiz', 'Session 1'], notSpeakers: ['Amanda'] };
      const merged = withSpeakerAnswers(editor, { speakers: ['AMANDA'], notSpeakers: ['session 1'] });
      assert.deepEqual(merged.speakers, ['AMANDA', 'Ana Ruiz']);
      assert.deepEqual(merged.notSpeakers, ['session 1']);
      assert.equal(withSpeakerAnswers(editor, { speakers: [], notSpeakers: [] }), editor, 'no answers: the settings as they are');
    });
  });

  describe('recording an answer in .verbatimrc.json', () => {
    it('creates the file content when there is none', () => {
      const text = recorded(undefined, 'Session 1', false);
      assert.deepEqual(JSON.parse(text), { notSpeakers: ['Session 1'] });
      assert.ok(text.endsWith('\n'));
    });

    it("adds the name to an existing file, keeping its other keys, their order and the file's indentation", () => {
      const before = '{\n    "dashStyle": "\u2014",\n    "rules": { "lost-dash": "off" },\n    "speakers": ["Ana Ruiz"]\n}\n';
      const text = recorded(before, 'Amanda', true);
      assert.deepEqual(JSON.parse(text), { dashStyle: '\u2014', rules: { 'lost-dash': 'off' }, speakers: ['Ana Ruiz', 'Amanda'] });
      assert.ok(text.startsWith('{\n    "dashStyle": "\u2014",\n    "rules": { "lost-dash": "off" },\n    "speakers": ['), text);
      assert.match(text, /\n {8}"Amanda"/, 'the new name is indented as the file is');
    });

    it('moves a name from the opposite list (the new answer replaces the old), whatever its case', () => {
      const text = recorded('{ "speakers": ["Ana Ruiz", "SESSION 1"], "notSpeakers": ["Item 4"] }', 'Session 1', false);
      assert.deepEqual(JSON.parse(text), { speakers: ['Ana Ruiz'], notSpeakers: ['Item 4', 'Session 1'] });
    });

    it('leaves a name already recorded as it is', () => {
      const before = '{ "notSpeakers": ["Session 1"] }';
      assert.equal(recorded(before, 'session  1', false), before);
    });

    it('keeps CRLF line breaks, tabs and a byte-order mark', () => {
      const text = recorded('\uFEFF{\r\n\t"rules": {}\r\n}\r\n', 'Amanda', true);
      assert.ok(text.startsWith('\uFEFF{\r\n\t"rules": {},'), JSON.stringify(text));
      assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/, 'no bare line feed');
      assert.deepEqual(JSON.parse(text.slice(1)), { rules: {}, speakers: ['Amanda'] });
    });

    it('refuses to touch a file that is not a JSON object, or whose list is not a list of names, and says why', () => {
      const cases: [string, RegExp][] = [
        ['{ "rules": ', /not valid JSON/],
        ['[1, 2]', /does not hold a JSON object/],
        ['{ "notSpeakers": "Session 1" }', /"notSpeakers" is not a list of names/],
        ['{ "speakers": [1] }', /"speakers" is not a list of names/],
        ['{ /* comment */ }', /not valid JSON/],
      ];
      for (const [text, error] of cases) {
        const result = recordAnswer(text, { name: 'Session 1', isSpeaker: false });
        assert.ok('error' in result, text);
        assert.match(result.error, error, text);
      }
    });
  });

  describe('where an answer is kept', () => {
    const root = path.resolve('/work/project');
    const existing = path.join(root, 'hearings', CONFIG_FILE_NAME);
    const read = (file: string) => (file === existing ? '{ "speakers": [] }' : undefined);

    it('in the nearest .verbatimrc.json above the transcript', () => {
      assert.deepEqual(answerFileFor(path.join(root, 'hearings', '2024', 'march.transcript'), [root], read), { file: existing, text: '{ "speakers": [] }' });
    });

    it('else in a new one at the root of the innermost workspace folder holding the transcript', () => {
      const inner = path.join(root, 'meetings');
      assert.deepEqual(answerFileFor(path.join(inner, 'june', 'a.transcript'), [root, inner], read), { file: path.join(inner, CONFIG_FILE_NAME), text: undefined });
      assert.deepEqual(answerFileFor(path.join(root, 'a.transcript'), [root, inner], read), { file: path.join(root, CONFIG_FILE_NAME), text: undefined });
    });

    it('nowhere on disk for a file outside every folder (a folder merely sharing a name prefix does not count)', () => {
      assert.equal(answerFileFor(path.resolve('/tmp/a.transcript'), [root], read), null);
      assert.equal(answerFileFor(path.resolve('/work/project-old/a.transcript'), [root], read), null);
    });

    it("in the user's settings lists otherwise, moved from the opposite list", () => {
      const before = { speakers: ['Ana Ruiz', 'session 1'], notSpeakers: ['Item 4'] };
      assert.deepEqual(answeredLists(before, { name: 'Session 1', isSpeaker: false }), { speakers: ['Ana Ruiz'], notSpeakers: ['Item 4', 'Session 1'] });
      assert.deepEqual(answeredLists(before, { name: 'SESSION 1', isSpeaker: true }), { speakers: ['Ana Ruiz', 'session 1'], notSpeakers: ['Item 4'] });
    });
  });
});
