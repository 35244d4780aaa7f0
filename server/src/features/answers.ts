// The user's answers to label doubts: the quick fixes on a `label-doubt` hint, the command that
// records an answer, and the answers recorded for a document's folder.
//
// An answer about a file on disk is written to the nearest `.verbatimrc.json` by the server itself,
// not sent as a WorkspaceEdit: VS Code applies a WorkspaceEdit to a file that is not open in an
// unsaved buffer, so the answer would reach neither the disk nor the CLI (nor this server, which
// reads the disk) until the user saved a file they never opened. An answer about an untitled or
// virtual file, or one outside every workspace folder, goes to the editor's settings: the client is
// asked to record it (`verbatim/recordAnswerInSettings`), and the settings change brings it back.
import { chmodSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import { answerFileFor, recordAnswer, type AnswerFile, type SpeakerAnswer } from '../core/answers';
import { loadConfig, type LoadedConfig, type ReadFile } from '../core/config/config';
import type { DocumentAnalysis } from '../documents';

/** The command a `label-doubt` quick fix carries; the server executes it. */
export const RECORD_ANSWER_COMMAND = 'verbatim.recordSpeakerAnswer';
/** Server → client request: record the answer in the user's settings (`verbatim.speakers` / `verbatim.notSpeakers`). */
export const RECORD_ANSWER_IN_SETTINGS_REQUEST = 'verbatim/recordAnswerInSettings';
/** Server → client notification: the reading of the open transcripts changed without an edit (an answer was recorded). */
export const READING_CHANGED_NOTIFICATION = 'verbatim/readingChanged';

export interface RecordAnswerArguments extends SpeakerAnswer {
  /** The document the doubt was in: its folder decides where the answer is kept. */
  uri: string;
}

export type RecordAnswerInSettingsParams = SpeakerAnswer;

const readExisting: ReadFile = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** The path of a `file:` URI; null for untitled and virtual documents (nothing on disk to read or write beside them). */
export function filePathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** The `.verbatimrc.json` above a document on disk, read now; null for other documents. */
export function configFor(uri: string, read: ReadFile = readExisting): LoadedConfig | null {
  const file = filePathOf(uri);
  return file === null ? null : loadConfig(file, read);
}

/** Where an answer about this document is kept: a settings file, or (null) the editor's settings. */
export function answerFileOf(uri: string, workspaceFolders: readonly string[], read: ReadFile = readExisting): AnswerFile | null {
  const file = filePathOf(uri);
  return file === null ? null : answerFileFor(file, workspaceFolders, read);
}

/** The two answers offered on a `label-doubt` hint, each recording itself through `RECORD_ANSWER_COMMAND`. */
export function answerActions(analysis: DocumentAnalysis, diagnostic: Diagnostic, workspaceFolders: readonly string[]): CodeAction[] {
  const span = analysis.lines.spanOf(diagnostic.range);
  const doubt = analysis.transcript.doubts.find((candidate) => candidate.span.start === span.start && candidate.span.end === span.end);
  if (!doubt) return [];
  const target = answerFileOf(analysis.uri, workspaceFolders);
  const where = target ? (target.text === undefined ? `a new ${path.basename(target.file)}` : path.basename(target.file)) : 'your settings';
  return [true, false].map((isSpeaker) => {
    const args: RecordAnswerArguments = { uri: analysis.uri, name: doubt.text, isSpeaker };
    const title = `"${doubt.text}" is ${isSpeaker ? '' : 'not '}a speaker (remember in ${where})`;
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: RECORD_ANSWER_COMMAND, arguments: [args] } };
  });
}

/** The command's arguments, checked: any client may send anything. */
export function recordAnswerArguments(args: unknown[] | undefined): RecordAnswerArguments | null {
  const [first] = args ?? [];
  if (typeof first !== 'object' || first === null) return null;
  const { uri, name, isSpeaker } = first as Record<string, unknown>;
  if (typeof uri !== 'string' || typeof name !== 'string' || name.trim() === '' || typeof isSpeaker !== 'boolean') return null;
  return { uri, name: name.trim(), isSpeaker };
}

/** What recording an answer in a settings file did: the file written, or why nothing was written. */
export type FileAnswerResult = { written: string } | { error: string };

/**
 * Records the answer in `target` (created when missing). The new text goes to a temporary file in
 * the same folder, renamed over the old one, so that a reader never sees a half-written file.
 */
export function writeAnswer(target: AnswerFile, answer: SpeakerAnswer): FileAnswerResult {
  const recorded = recordAnswer(target.text, answer);
  if ('error' in recorded) return { error: `${target.file} was left as it is: ${recorded.error}.` };
  const temporary = path.join(path.dirname(target.file), `.${path.basename(target.file)}.verbatim-${process.pid}.tmp`);
  try {
    writeFileSync(temporary, recorded.text, { encoding: 'utf8', flag: 'w' });
    // The replaced file's mode stays (a settings file kept private stays private).
    if (target.text !== undefined) chmodSync(temporary, statSync(target.file).mode);
    renameSync(temporary, target.file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written, or the rename already consumed it.
    }
    return { error: `Could not write ${target.file}: ${(error as Error).message}` };
  }
  return { written: target.file };
}
