import { strict as assert } from 'assert';
import * as path from 'path';
import { parseWithSettings } from '../../server/src/core/check/analysis';
import { applyEdits } from '../../server/src/core/check/fixes';
import { formatEdits } from '../../server/src/core/check/format';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/config/settings';
import { spokenWords } from '../../server/src/core/speech';
import { corpusFiles, readCorpus, itWithCorpus } from '../helpers/corpus';

function format(text: string, settings: Partial<Settings> = {}): string {
  return applyEdits(text, formatEdits(text, { ...DEFAULT_SETTINGS, ...settings }));
}

const SETTING_VARIANTS: Partial<Settings>[] = [{}, { dashStyle: '\u2014', annotationBrackets: '[]', labelCase: 'as-written' }, { dashStyle: '\u2011\u2011' }];

describe('formatter (core)', () => {
  it("normalises marker spacing, label case and the colon's spacing to the file's dominant style", () => {
    const text = ['>> CHAIR:  Welcome.', '>>  Ana Ruiz :    Thank you.', '>>CHAIR:   Next.', '>>Yes, one question.', ''].join('\n');
    assert.equal(format(text), ['>> CHAIR:  Welcome.', '>> ANA RUIZ:  Thank you.', '>> CHAIR:  Next.', '>> Yes, one question.', ''].join('\n'));
  });

  it('keeps a glued chevron file glued', () => {
    const text = '>>CHAIR: Welcome.\n>>CLERK: Present.\n>> MAYOR:  Thank you.\n';
    assert.equal(format(text), '>>CHAIR: Welcome.\n>>CLERK: Present.\n>>MAYOR: Thank you.\n');
  });

  it('keeps the space after `>>` in a file that its own formatting tips from chevron to colon turns', () => {
    // The first formatting spaces the glued colon label, after which the file reads as colon text;
    // the chevron turn's spacing must not then be formatted away.
    const text = ' BEN OKAFOR:welcome to the stage Ana Ruiz, who chairs the council from today.\n\n[ Applause ]\n\n>> ANA RUIZ:';
    const once = format(text);
    assert.match(once, /\n>> ANA RUIZ:$/);
    assert.equal(format(once), once);
  });

  it('leaves label case alone with labelCase as-written', () => {
    const text = 'Moderator: Welcome.\nJane Okafor: Thanks.\n';
    assert.equal(format(text, { labelCase: 'as-written' }), text);
    assert.equal(format(text), 'MODERATOR: Welcome.\nJANE OKAFOR: Thanks.\n');
  });

  it('writes dashes in the configured style, in speech only, and leaves hyphens and SRT arrows alone', () => {
    const text = ['BUDGET 2024--2025', '>> CHAIR:  We will -- well\u2014we will see. The co-chair \u2011\u2011 no.', '>> CLERK:  00:01 --> 00:02 a \u2013 b', ''].join('\n');
    assert.equal(
      format(text, { dashStyle: '\u2011\u2011' }),
      ['BUDGET 2024--2025', '>> CHAIR:  We will \u2011\u2011 well\u2011\u2011we will see. The co-chair \u2011\u2011 no.', '>> CLERK:  00:01 --> 00:02 a \u2011\u2011 b', ''].join(
        '\n',
      ),
    );
  });

  it('writes annotations in the configured brackets without inner spaces, and leaves parentheses in speech alone', () => {
    const text = '>> CHAIR:  Welcome. [ Applause ]\n(Laughter)\nThe ITU (International Telecommunication Union) agrees (inaudible).\n';
    assert.equal(format(text, { annotationBrackets: '[]' }), '>> CHAIR:  Welcome. [Applause]\n[Laughter]\nThe ITU (International Telecommunication Union) agrees [inaudible].\n');
    assert.equal(format(text), '>> CHAIR:  Welcome. (Applause)\n(Laughter)\nThe ITU (International Telecommunication Union) agrees (inaudible).\n');
  });

  it('removes trailing whitespace, keeping CRLF line ends', () => {
    assert.equal(format('TITLE  \r\n>> CHAIR:  Hello. \t\r\n \r\n'), 'TITLE\r\n>> CHAIR:  Hello.\r\n\r\n');
  });

  for (const [index, settings] of SETTING_VARIANTS.entries()) {
    itWithCorpus(`never changes a spoken word of a corpus file, and formatting twice changes nothing more (settings ${index + 1})`, () => {
      const effective = { ...DEFAULT_SETTINGS, ...settings };
      let changedFiles = 0;
      for (const file of corpusFiles()) {
        const name = path.basename(file);
        const text = readCorpus(file);
        const once = format(text, settings);
        if (once !== text) changedFiles++;
        assert.deepEqual(spokenWords(parseWithSettings(once, effective)), spokenWords(parseWithSettings(text, effective)), `${name}: spoken words changed`);
        assert.deepEqual(formatEdits(once, effective), [], `${name}: a second formatting still edits`);
      }
      assert.ok(changedFiles > 0, 'the formatter had something to do on the corpus');
    });
  }
});
