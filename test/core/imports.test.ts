// The code's shape: no import cycle in server/src or client/src (type-only imports count: they tie
// the modules' meaning together just the same), and a language core free of LSP and VS Code.
import { strict as assert } from 'assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { repoRoot } from '../helpers/repo';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

/** Each file's imports: relative ones resolved to files, others as written. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const local: string[] = [];
  const packages: string[] = [];
  for (const { fileName } of importedFiles) {
    if (!fileName.startsWith('.')) {
      packages.push(fileName);
      continue;
    }
    const base = path.resolve(path.dirname(file), fileName);
    const resolved = [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate));
    if (resolved) local.push(resolved);
  }
  return { local, packages };
}

/** Every cycle found by a depth-first walk, each as the files along it. */
function cycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((file) => [file, importsOf(file).local]));
  const found: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'visiting');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'visiting') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found;
}

describe('the code base', () => {
  const relative = (file: string) => path.relative(repoRoot, file);

  for (const folder of ['server/src', 'client/src']) {
    it(`has no import cycle in ${folder}`, () => {
      const found = cycles(sourceFiles(path.join(repoRoot, folder)));
      assert.deepEqual(
        found.map((cycle) => cycle.map(relative).join(' -> ')),
        [],
      );
    });
  }

  it('keeps the language core free of LSP and VS Code imports', () => {
    const offending = sourceFiles(path.join(repoRoot, 'server', 'src', 'core')).flatMap((file) =>
      importsOf(file)
        .packages.filter((name) => /^(vscode|vscode-languageserver.*|vscode-languageclient.*|vscode-jsonrpc.*)(\/|$)/.test(name))
        .map((name) => `${relative(file)}: ${name}`),
    );
    assert.deepEqual(offending, []);
  });
});
