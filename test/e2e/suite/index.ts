// The test module the extension host loads (extensionTestsPath): the `run()` contract shared by
// @vscode/test-electron (desktop VS Code) and code-server's smoke-test driver (offline). It runs
// every *.test.js next to it with mocha and rejects when a test fails, which makes VS Code exit
// with a non-zero code (window.codeAutomationExit in the browser workbench).
//
// Output: a spec-like log appended line by line to $VERBATIM_E2E_LOG (so a hang still shows how
// far it got; the runner streams it), and a JSON summary to $VERBATIM_E2E_RESULTS.

import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

interface TestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  ms?: number;
  error?: string;
}

function writer(): (line: string) => void {
  const file = process.env.VERBATIM_E2E_LOG;
  return file ? (line) => fs.appendFileSync(file, `${line}\n`) : (line) => console.log(line);
}

function makeReporter(records: TestRecord[]) {
  const out = writer();
  const { EVENT_SUITE_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;
  return class Reporter {
    constructor(runner: Mocha.Runner) {
      let depth = 0;
      runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
        depth = suite.titlePath().length;
        if (suite.title) out(`${'  '.repeat(depth)}${suite.title}`);
      });
      runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
        records.push({ title: test.fullTitle(), state: 'passed', ms: test.duration });
        out(`${'  '.repeat(depth + 1)}✓ ${test.title} (${test.duration ?? 0} ms)`);
      });
      runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
        records.push({ title: test.fullTitle(), state: 'pending' });
        out(`${'  '.repeat(depth + 1)}- PENDING ${test.title}`);
      });
      runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, error: Error) => {
        records.push({ title: test.fullTitle(), state: 'failed', error: error.stack ?? error.message });
        out(`${'  '.repeat(depth + 1)}✗ FAILED ${test.title}`);
        for (const line of String(error.stack ?? error.message)
          .split('\n')
          .slice(0, 12)) {
          out(`${'  '.repeat(depth + 3)}${line}`);
        }
      });
      runner.on(EVENT_RUN_END, () => {
        const count = (state: TestRecord['state']) => records.filter((r) => r.state === state).length;
        out(`\n${count('passed')} passing, ${count('failed')} failing, ${count('pending')} pending`);
      });
    }
  };
}

export function run(): Promise<void> {
  const records: TestRecord[] = [];
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60000,
    reporter: makeReporter(records) as unknown as Mocha.ReporterConstructor,
  });
  const grep = process.env.VERBATIM_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        const results = process.env.VERBATIM_E2E_RESULTS;
        if (results) fs.writeFileSync(results, JSON.stringify({ failures, tests: records }, null, 2));
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else if (records.filter((r) => r.state === 'passed').length === 0) reject(new Error('no integration test passed'));
        else resolve();
      });
    } catch (error) {
      reject(error);
    }
  });
}
