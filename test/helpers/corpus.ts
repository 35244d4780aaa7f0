// The shared corpus of real transcripts lives outside the repository (../shared/corpus next to the
// repo root, or the folder VERBATIM_CORPUS names); tests read it in place and never copy its text
// into the project. A fresh clone has no corpus: the tests that read it are then skipped (declare
// them with describeWithCorpus / itWithCorpus) and one line at the end of the run says so.
// CI (.ci/run) requires the corpus, so it cannot skip them silently.
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './repo';

export const corpusDir = path.resolve(process.env.VERBATIM_CORPUS || path.join(repoRoot, '..', 'shared', 'corpus'));

export const corpusPresent = fs.existsSync(corpusDir) && fs.statSync(corpusDir).isDirectory();

/** Full paths of the corpus transcripts (`*.txt`), sorted by name; none when the corpus is absent. */
export function corpusFiles(): string[] {
  if (!corpusPresent) return [];
  return fs
    .readdirSync(corpusDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(corpusDir, name));
}

/** A corpus file's text, by file name (`018-igf2011-new-delegate-briefing.txt`) or full path. */
export function readCorpus(name: string): string {
  if (!corpusPresent) throw new Error(`no corpus at ${corpusDir}: declare this test with itWithCorpus or describeWithCorpus`);
  return fs.readFileSync(path.isAbsolute(name) ? name : path.join(corpusDir, name), 'utf8');
}

const skippedSuites: Mocha.Suite[] = [];
let skippedTests = 0;

/** `describe` for a suite that reads the corpus: pending when the corpus is absent. */
export function describeWithCorpus(title: string, fn: (this: Mocha.Suite) => void): void {
  if (corpusPresent) {
    describe(title, fn);
    return;
  }
  const suite = describe.skip(title, fn);
  if (suite) skippedSuites.push(suite);
}

/** `it` for a test that reads the corpus: pending when the corpus is absent. */
export function itWithCorpus(title: string, fn: (this: Mocha.Context) => void | PromiseLike<unknown>): void {
  if (corpusPresent) {
    it(title, fn);
    return;
  }
  skippedTests++;
  it.skip(title, fn);
}

/** The one line a run without the corpus ends with (undefined when the corpus is present). */
export function corpusNotice(): string | undefined {
  if (corpusPresent) return undefined;
  const tests = skippedTests + skippedSuites.reduce((sum, suite) => sum + suite.total(), 0);
  return (
    `corpus: none at ${corpusDir}, so ${tests} tests that read it were skipped and fuzzing ran without corpus slices ` +
    '(set VERBATIM_CORPUS=DIR to run them on a corpus elsewhere)'
  );
}
