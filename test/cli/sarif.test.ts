import { strict as assert } from 'assert';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { RULES } from '../../server/src/core/check/analysis';
import { verbatim } from '../helpers/cli';

describe('verbatim check --format sarif', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'verbatim-sarif-'));
    // The emoji before the problem takes two UTF-16 code units: columns count code units, as the editor does.
    writeFileSync(path.join(dir, 'hearing.transcript'), '>> CHAIR:  Welcome \u{1F600} to the the hearing.\n(Applause\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a SARIF 2.1.0 log with every rule and one result per diagnostic, located in UTF-16 columns', () => {
    const result = verbatim(['check', '--format', 'sarif', 'hearing.transcript'], dir);
    assert.equal(result.status, 1, result.stderr);
    const log = JSON.parse(result.stdout);
    assert.equal(log.version, '2.1.0');
    const [run] = log.runs;
    assert.equal(run.tool.driver.name, 'verbatim');
    assert.deepEqual(
      run.tool.driver.rules.map((rule: { id: string }) => rule.id),
      RULES.map((rule) => rule.code),
    );
    const unclosedRule = run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'unclosed-annotation');
    assert.equal(unclosedRule.defaultConfiguration.level, 'error');
    assert.match(unclosedRule.helpUri, /docs\/rules\.md#unclosed-annotation$/);
    assert.equal(run.columnKind, 'utf16CodeUnits');

    const repeated = run.results.find((r: { ruleId: string }) => r.ruleId === 'repeated-word');
    assert.equal(repeated.level, 'warning');
    assert.equal(run.tool.driver.rules[repeated.ruleIndex].id, 'repeated-word');
    assert.match(repeated.message.text, /"the the"/);
    const location = repeated.locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uri, 'hearing.transcript');
    assert.deepEqual(location.region, { startLine: 1, startColumn: 26, endLine: 1, endColumn: 33 });
    const unclosed = run.results.find((r: { ruleId: string }) => r.ruleId === 'unclosed-annotation');
    assert.equal(unclosed.level, 'error');
    assert.equal(unclosed.locations[0].physicalLocation.region.startLine, 2);
  });
});
