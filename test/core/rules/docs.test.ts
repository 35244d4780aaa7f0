import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { RULES } from '../../../server/src/core/analysis';
import { RULE_CODES } from '../../../server/src/core/settings';
import { repoRoot } from '../../helpers/repo';

describe('rule catalogue', () => {
  const rulesDoc = readFileSync(path.join(repoRoot, 'docs', 'rules.md'), 'utf8');
  const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

  it('registers one rule per code, each with a one-line description', () => {
    assert.deepEqual([...RULES.map((rule) => rule.code)].sort(), [...RULE_CODES].sort());
    for (const rule of RULES) assert.ok(rule.description.length > 20 && !rule.description.includes('\n'), rule.code);
  });

  it('explains every rule in its own docs/rules.md section, with an example and its default', () => {
    for (const rule of RULES) {
      const start = rulesDoc.indexOf(`\n## ${rule.code}\n`);
      assert.ok(start !== -1, `docs/rules.md has no "## ${rule.code}" section (the diagnostics link to it)`);
      const section = rulesDoc.slice(start, rulesDoc.indexOf('\n## ', start + 1));
      assert.match(section, /```text\n/, `${rule.code} has an example`);
      assert.match(rulesDoc, new RegExp(`\\| \\[${rule.code}\\]\\(#${rule.code}\\) \\| ${rule.defaultSeverity} \\|`), `${rule.code} default in the table`);
    }
  });

  it('lets every rule be configured in the editor settings', () => {
    const rules = packageJson.contributes.configuration.properties['verbatim.rules'];
    assert.deepEqual(Object.keys(rules.properties).sort(), [...RULE_CODES].sort());
  });
});
