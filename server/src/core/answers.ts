// The user's answers to the reader's label doubts ("Is "Session 1" a speaker?"): where they are
// recorded, how a `.verbatimrc.json` is edited to record one, and how answers from the editor's
// settings and from the file combine. Plain data: the server and the CLI do the reading and writing.
import * as path from 'path';
import { applyEdits, modify, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { CONFIG_FILE_NAME, findConfigFile, type ReadFile } from './config/config';
import type { Settings } from './config/settings';
import { speakerKey } from './speakers/speakers';

/** One answer: `name` is a speaker (its `NAME:` lines are turns), or is not (they are text). */
export interface SpeakerAnswer {
  name: string;
  isSpeaker: boolean;
}

/** Where an answer for a transcript file goes: the nearest `.verbatimrc.json`, or a new one in its workspace folder. */
export interface AnswerFile {
  file: string;
  /** The file's text; undefined when it is to be created. */
  text: string | undefined;
}

/**
 * The settings file an answer about `transcriptFile` is written to: the nearest `.verbatimrc.json`
 * above it (the one the CLI reads), else a new one at the root of the workspace folder holding it,
 * else null (a file outside every folder: the answer goes to the editor's settings).
 */
export function answerFileFor(transcriptFile: string, workspaceFolders: readonly string[], read: ReadFile): AnswerFile | null {
  const found = findConfigFile(transcriptFile, read);
  if (found) return { file: found.file, text: found.text };
  const resolved = path.resolve(transcriptFile);
  const folder = workspaceFolders
    .map((candidate) => path.resolve(candidate))
    .filter((candidate) => resolved.startsWith(candidate.endsWith(path.sep) ? candidate : candidate + path.sep))
    // Nested workspace folders: the innermost holds the file.
    .sort((a, b) => b.length - a.length)[0];
  return folder === undefined ? null : { file: path.join(folder, CONFIG_FILE_NAME), text: undefined };
}

/**
 * The settings file's text with the answer recorded: the name added to `speakers` or `notSpeakers`
 * and taken out of the other list (an answer replaces an earlier, opposite one). Other keys, the
 * file's indentation and line breaks stay as they were. An error (the file is not a JSON object, or
 * a list is not a list of names) leaves the file alone and says what is wrong.
 */
export function recordAnswer(fileText: string | undefined, answer: SpeakerAnswer): { text: string } | { error: string } {
  const original = fileText ?? '';
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  let text = bom ? original.slice(1) : original;
  if (text.trim() === '') text = '{}\n';
  const errors: ParseError[] = [];
  const root: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) return { error: `it is not valid JSON (${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset})` };
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return { error: 'it does not hold a JSON object' };
  const settings = root as Record<string, unknown>;
  const into = answer.isSpeaker ? 'speakers' : 'notSpeakers';
  const outOf = answer.isSpeaker ? 'notSpeakers' : 'speakers';
  for (const key of [into, outOf]) {
    const list = settings[key];
    if (list !== undefined && (!Array.isArray(list) || list.some((name) => typeof name !== 'string'))) return { error: `its "${key}" is not a list of names` };
  }
  const key = speakerKey(answer.name);
  const formatting = formattingOf(text);
  const intoList = (settings[into] as string[] | undefined) ?? [];
  if (!intoList.some((name) => speakerKey(name) === key)) {
    // Appended, so that a hand-kept order stays; `-1` is jsonc-parser's "insert at the end".
    const edits =
      settings[into] === undefined
        ? modify(text, [into], [answer.name], { formattingOptions: formatting })
        : modify(text, [into, -1], answer.name, { formattingOptions: formatting, isArrayInsertion: true });
    text = applyEdits(text, edits);
  }
  const outOfList = (settings[outOf] as string[] | undefined) ?? [];
  // From the end, so that the indices of the names still to remove stay right.
  for (let index = outOfList.length - 1; index >= 0; index--) {
    if (speakerKey(outOfList[index]) === key) text = applyEdits(text, modify(text, [outOf, index], undefined, { formattingOptions: formatting }));
  }
  return { text: bom + text };
}

/** The file's own indentation and line break, so that an edit looks as if written by hand there. */
function formattingOf(text: string): { tabSize: number; insertSpaces: boolean; eol: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { tabSize: 1, insertSpaces: false, eol };
  return { tabSize: indent ? indent.length : 2, insertSpaces: true, eol };
}

/**
 * The editor's settings with the answers of a settings file nearer the transcript added. Where the
 * two disagree about a name, the nearer file wins: it was answered for this folder.
 */
export function withSpeakerAnswers(settings: Settings, nearer: Pick<Settings, 'speakers' | 'notSpeakers'>): Settings {
  if (nearer.speakers.length === 0 && nearer.notSpeakers.length === 0) return settings;
  const nearSpeakers = new Set(nearer.speakers.map(speakerKey));
  const nearNotSpeakers = new Set(nearer.notSpeakers.map(speakerKey));
  return {
    ...settings,
    speakers: [...nearer.speakers, ...settings.speakers.filter((name) => !nearNotSpeakers.has(speakerKey(name)))],
    notSpeakers: [...nearer.notSpeakers, ...settings.notSpeakers.filter((name) => !nearSpeakers.has(speakerKey(name)))],
  };
}

/** The editor's settings lists after the answer: for a file outside every folder, the answer is kept there. */
export function answeredLists(settings: Pick<Settings, 'speakers' | 'notSpeakers'>, answer: SpeakerAnswer): { speakers: string[]; notSpeakers: string[] } {
  const key = speakerKey(answer.name);
  const without = (names: readonly string[]) => names.filter((name) => speakerKey(name) !== key);
  const add = (names: readonly string[]) => (names.some((name) => speakerKey(name) === key) ? [...names] : [...names, answer.name]);
  return answer.isSpeaker
    ? { speakers: add(settings.speakers), notSpeakers: without(settings.notSpeakers) }
    : { speakers: without(settings.speakers), notSpeakers: add(settings.notSpeakers) };
}
