import { hasCaptioningDisclaimer } from './lexicon';
import { parseTranscript } from './parse';

/** How much of a file decides whether it looks like a transcript. */
const SAMPLE_LENGTH = 20_000;

/**
 * Whether a plain-text file reads as a caption transcript: several speaker turns, or a
 * captioning disclaimer followed by at least one turn.
 */
export function looksLikeTranscript(text: string): boolean {
  const sample = text.slice(0, SAMPLE_LENGTH);
  const turns = parseTranscript(sample).turns.length;
  return turns >= 3 || (turns >= 1 && hasCaptioningDisclaimer(sample));
}
