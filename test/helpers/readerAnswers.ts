// Whether the reader follows the speaker answers yet. The reader that reports its doubts and reads
// `speakers` / `notSpeakers` from ParseOptions is being rebuilt (issue 11, server/src/core/parse/);
// until it lands, the tests of the whole answer round trip are PENDING (skipped, saying so), and they
// run by themselves once it does. The probe is the contract itself, not any one heuristic: in a plain
// colon file, a name the user said is not a speaker must stop being read as a label.
import { parseWithSettings } from '../../server/src/core/check/analysis';
import { DEFAULT_SETTINGS } from '../../server/src/core/config/settings';

export const PENDING_READER = 'PENDING (UNFINISHED): the reader does not follow speakers/notSpeakers answers yet (issue 11 parser rebuild)';

export function readerFollowsAnswers(): boolean {
  const transcript = parseWithSettings('ANNA: Good morning.\nBEN: Hello.\nANNA: Let us start.\n', { ...DEFAULT_SETTINGS, notSpeakers: ['Ben'] });
  return transcript.turns.every((turn) => turn.label?.speaker !== 'BEN');
}

/** In a mocha test: skips it, saying why, while the reader does not follow the answers. */
export function skipUntilReaderFollowsAnswers(context: Mocha.Context): void {
  if (!readerFollowsAnswers()) {
    console.log(`      ${PENDING_READER}`);
    context.skip();
  }
}
