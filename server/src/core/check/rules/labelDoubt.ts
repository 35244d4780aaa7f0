import type { LabelDoubt } from '../../model';
import { ITEMS_PER_STEP, type FileRule, type RuleFinding } from './rule';

/**
 * Words before a colon that the reader could not be sure of: read as a speaker label on weak
 * evidence, or left as text although they could be one. The user answers once, with the quick fixes
 * the server adds (`speakers` / `notSpeakers`, server/src/features/answers.ts); the finding itself
 * carries no text edit, since the answer changes the settings, not the transcript.
 */
export const labelDoubtRule: FileRule<'label-doubt'> = {
  code: 'label-doubt',
  defaultSeverity: 'hint',
  description: 'Words before a colon that may or may not be a speaker label: answer once, and the reader remembers.',
  // One finding per doubt the parse already recorded.
  cheap: true,
  settings: [],
  example: '`Session 1: Opening remarks` in a `>>` file: `Is "Session 1" a speaker?`',
  quickFixes:
    '*is a speaker* / *is not a speaker*: recorded in the nearest `.verbatimrc.json` (or the user settings for a file outside a folder), and every open transcript is read again',
  scope: 'document',
  *check({ transcript }) {
    const findings: RuleFinding[] = [];
    for (const doubt of transcript.doubts) {
      findings.push({ span: doubt.span, message: labelDoubtMessage(doubt) });
      if (findings.length % ITEMS_PER_STEP === 0) yield;
    }
    return findings;
  },
};

export function labelDoubtMessage(doubt: LabelDoubt): string {
  return doubt.readAs === 'label'
    ? `Is "${doubt.text}" a speaker? It is read as one (a new turn starts here), on little evidence.`
    : `Is "${doubt.text}" a speaker? It is read as text (a heading or speech, not a new turn), but could be a label.`;
}
