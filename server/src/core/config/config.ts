// `.verbatimrc.json`: the CLI's settings file, found upward from the checked file, with the same keys
// as the editor's `verbatim.*` settings. Reading is injected so this stays testable without a disk.
import * as path from 'path';
import { DEFAULT_SETTINGS, resolveSettings, type Settings } from './settings';

export const CONFIG_FILE_NAME = '.verbatimrc.json';

/** Returns a file's text, or undefined when there is no such file. */
export type ReadFile = (file: string) => string | undefined;

export interface LoadedConfig {
  /** The settings file that applies, or null when none was found. */
  file: string | null;
  settings: Settings;
  /** What was wrong in the file, each naming the file; the defaults apply for those settings. */
  problems: string[];
}

/** The nearest `.verbatimrc.json` in the transcript's folder or any folder above it. */
export function findConfigFile(transcriptFile: string, read: ReadFile): { file: string; text: string } | null {
  let dir = path.dirname(path.resolve(transcriptFile));
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    const text = read(candidate);
    if (text !== undefined) return { file: candidate, text };
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function loadConfig(transcriptFile: string, read: ReadFile): LoadedConfig {
  const found = findConfigFile(transcriptFile, read);
  if (!found) return { file: null, ...resolveSettings(undefined) };
  let raw: unknown;
  try {
    raw = JSON.parse(found.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { file: found.file, ...resolveSettings(undefined), problems: [`${found.file}: not valid JSON (${(error as Error).message}); using the default settings.`] };
  }
  const resolved = resolveSettings(raw);
  const problems = [...unknownKeys(raw), ...resolved.problems];
  return { file: found.file, settings: resolved.settings, problems: problems.map((problem) => `${found.file}: ${problem}`) };
}

/** A mistyped key would silently do nothing; name it, and the key it probably meant. */
function unknownKeys(raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  const known = Object.keys(DEFAULT_SETTINGS);
  return Object.keys(raw)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const meant = known.find((candidate) => candidate.toLowerCase() === key.toLowerCase().replace(/^verbatim\./, ''));
      return `unknown setting "${key}"${meant ? ` (did you mean "${meant}"?)` : ` (known: ${known.join(', ')})`}; ignored.`;
    });
}
