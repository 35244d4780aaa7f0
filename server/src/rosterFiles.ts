// The speaker rosters of `.verbatimrc.json` files, for label completion: read from disk when a
// document opens (asynchronously), kept per folder, and forgotten when a settings file changes, so
// that a completion request never waits for the disk.
import * as path from 'path';
import { fileURLToPath } from 'url';
import { CONFIG_FILE_NAME, loadConfig } from './core/config/config';

/** Reads a file's text, or undefined when there is none (or it cannot be read). */
export type ReadFileAsync = (file: string) => Promise<string | undefined>;

export class RosterFiles {
  private readonly byFolder = new Map<string, Promise<string[]>>();

  constructor(
    private readonly readFile: ReadFileAsync,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** The `speakers` of the nearest `.verbatimrc.json` above the document; none for other than `file:` URIs. */
  speakersFor(uri: string): Promise<string[]> {
    if (!uri.startsWith('file:')) return Promise.resolve([]);
    let folder: string;
    try {
      folder = path.dirname(fileURLToPath(uri));
    } catch {
      return Promise.resolve([]); // a file URI with a host, or malformed: no folder to look in
    }
    let known = this.byFolder.get(folder);
    if (!known) this.byFolder.set(folder, (known = this.load(folder).catch(() => [])));
    return known;
  }

  /** A settings file was created, changed or deleted: every folder is looked at again on its next use. */
  forget(): void {
    this.byFolder.clear();
  }

  private async load(folder: string): Promise<string[]> {
    const found = new Map<string, string>();
    for (let dir = folder; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, CONFIG_FILE_NAME);
      const text = await this.readFile(candidate).catch(() => undefined);
      if (text !== undefined) {
        found.set(candidate, text);
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
    const loaded = loadConfig(path.join(folder, 'transcript'), (file) => found.get(file));
    for (const problem of loaded.problems) this.log(problem);
    return loaded.settings.speakers;
  }
}
