// The shared corpus of real transcripts lives outside the repository (../shared/corpus next to the
// repo root); tests read it in place and never copy its text into the project.
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './repo';

export const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus');

/** Full paths of the corpus transcripts (`*.txt`), sorted by name. */
export function corpusFiles(): string[] {
  return fs
    .readdirSync(corpusDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(corpusDir, name));
}

/** A corpus file's text, by file name (`018-igf2011-new-delegate-briefing.txt`) or full path. */
export function readCorpus(name: string): string {
  return fs.readFileSync(path.isAbsolute(name) ? name : path.join(corpusDir, name), 'utf8');
}
