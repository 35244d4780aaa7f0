import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { CHEAP_RULES, DEFAULT_SEVERITIES, RULE_CODES, RULES } from '../../../server/src/core/check/rules/index';
import { renderRuleDocs } from '../../../scripts/ruleDocs';
import { corpusDir, corpusPresent, itWithCorpus } from '../../helpers/corpus';
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

  it('derives the codes, the cheap set and the default severities from the rules themselves', () => {
    assert.deepEqual(
      RULE_CODES,
      RULES.map((rule) => rule.code),
    );
    assert.equal(new Set(RULE_CODES).size, RULE_CODES.length, 'one rule per code');
    assert.deepEqual(
      [...CHEAP_RULES],
      RULES.filter((rule) => rule.cheap).map((rule) => rule.code),
    );
    for (const rule of RULES) assert.equal(DEFAULT_SEVERITIES[rule.code], rule.defaultSeverity);
  });

  it('keeps the settings schema and the README tables as the rules say (npm run rules:docs rewrites them)', () => {
    for (const { file, text } of renderRuleDocs(repoRoot, null)) {
      assert.ok(readFileSync(path.join(repoRoot, file), 'utf8') === text, `${file} is stale: run npm run rules:docs`);
    }
  });

  itWithCorpus("keeps docs/rules.md's corpus counts as the checker finds them (npm run rules:docs rewrites them)", () => {
    const rendered = renderRuleDocs(repoRoot, corpusPresent ? corpusDir : null).find(({ file }) => file === 'docs/rules.md');
    assert.ok(rendered);
    assert.ok(rulesDoc === rendered.text, 'docs/rules.md is stale: run npm run rules:docs');
    for (const rule of RULES)
      assert.match(rulesDoc, new RegExp(`\\| \\[${rule.code}\\]\\(#${rule.code}\\) \\| ${rule.defaultSeverity} \\| \\d+ \\(\\d+\\) \\|`), `${rule.code} counted`);
  });
});
