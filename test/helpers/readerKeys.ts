// The hand-made answer keys of test/fixtures/reader-keys (see its README): what a careful reader
// finds in a corpus transcript, keyed by reading the file.
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './repo';

export const readerKeysDir = path.join(repoRoot, 'test', 'fixtures', 'reader-keys');

export interface CorpusKey {
  file: string;
  dialect: string;
}

/** The keys of corpus files (`NNN.json`), in file order. */
export function readerKeys(): CorpusKey[] {
  return fs
    .readdirSync(readerKeysDir)
    .filter((name) => /^\d{3}\.json$/.test(name))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(readerKeysDir, name), 'utf8')) as CorpusKey);
}
