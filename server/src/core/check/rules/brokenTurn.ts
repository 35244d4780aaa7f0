import type { Annotation, Span } from '../../model';
import { bodyParts, lastWords, speakerName, type BodyPart } from '../../speech';
import { preferredInaudibleMarker } from './inaudible';
import type { Fix, TurnRule, RuleFinding } from './rule';

// Closing quotes, brackets and Markdown marks may follow the sentence's final mark: `."`, `?”`,
// `.)`, `._`, `. \` (a Markdown line break), `.}` (a transcript kept in source code).
const TRAILING_CLOSERS = /["'\u201d\u2019\u00bb)\]}*_`\\>\s]+$/;
// Lines of no words after the speech: the code around a transcript kept in a program (`` `, `` / `}`).
const TRAILING_NON_WORDS = /(?:[\r\n][^\p{L}\p{N}\r\n]*)+$/u;
// Quotes and spaces escaped as HTML in a converted transcript: `forward.&quot;`.
const HTML_ENTITY = /&(?:quot|apos|#39|#34|rdquo|rsquo|ldquo|lsquo|nbsp);/g;
// A link after the last sentence is no speech: `… do bips work? <https://…>`.
const TRAILING_LINK = /\s*(?:<https?:\/\/[^\s>]*>?|(?<=\s)https?:\/\/\S*[\w/])$/;
// A sentence ends with . ? ! …; a trailing dash means the speaker trailed off on purpose. Some
// captioning feeds write their dash as U+001E control characters.
const SENTENCE_END = /[.?!\u2026\-\u2010\u2011\u2013\u2014\u001e]$/;

// Markers saying the audio itself was lost, not just a few words: these cut a turn even inline.
const CONNECTION_LOST = /^(?:audio|no audio|no sound|lost connection|connection lost|signal lost)\b/i;

export function endsSentence(text: string, span: Span): boolean {
  let tail = text.slice(Math.max(span.start, span.end - 200), span.end).replace(TRAILING_NON_WORDS, '');
  // Most turns end in plain words: the link and entity patterns run only where they could match.
  if (tail.includes('http')) tail = tail.replace(TRAILING_LINK, '');
  if (tail.includes('&')) tail = tail.replace(HTML_ENTITY, '"');
  tail = tail.slice(-12).replace(TRAILING_CLOSERS, '');
  return SENTENCE_END.test(tail);
}

/** An unmatched opening quote in the turn's last paragraph: the text stops inside a quotation. */
function endsInsideQuotation(text: string, span: Span): boolean {
  const tail = text.slice(Math.max(span.start, span.end - 400), span.end);
  const curlyOpen = (tail.match(/\u201c/g) ?? []).length;
  const curlyClose = (tail.match(/\u201d/g) ?? []).length;
  const straight = (tail.match(/"/g) ?? []).length;
  return curlyOpen > curlyClose || straight % 2 === 1;
}

function isAloneOnLine(text: string, annotation: Annotation): boolean {
  const lineStart = text.lastIndexOf('\n', annotation.span.start - 1) + 1;
  return text.slice(lineStart, annotation.span.start).trim().length === 0;
}

// Lyrics are not sentences: words after a music caption, or between ♪ marks, end where the song does.
const MUSIC = /\b(?:music|singing|sings|song|band|orchestra|choir|chorus|lyrics)\b|\u266a|\u266b/i;

function isSung(text: string, speech: Span, before: BodyPart | undefined): boolean {
  if (/[\u266a\u266b]/.test(text.slice(speech.start, speech.end))) return true;
  return before?.kind === 'annotation' && before.annotation.kind !== 'inaudible' && MUSIC.test(before.annotation.content);
}

export const brokenTurnRule: TurnRule<'broken-turn'> = {
  code: 'broken-turn',
  defaultSeverity: 'warning',
  description:
    'A turn whose spoken text stops mid-sentence before the next turn, an inaudible marker or the end of the file; a trailing `--` or `...` is a deliberate trail-off, not a break.',
  cheap: true,
  settings: ['dashStyle', 'inaudiblePreferred', 'annotationBrackets'],
  example: '`>> CHAIR: The floor is open and we` then `(Audio disconnect)`',
  quickFixes: 'end with the configured dash; mark the rest `(inaudible)`',
  scope: 'turn',
  check({ transcript, turns, annotationsOf, settings }) {
    const { text } = transcript;
    const findings: RuleFinding[] = [];
    const inaudibleMarker = preferredInaudibleMarker(settings);
    const report = (speakerText: string, speech: Span, cutBy: Annotation | null) => {
      const range = lastWords(text, speech);
      const quote = text.slice(range.start, range.end).replace(/\s+/g, ' ');
      const how = cutBy ? `is cut off by ${text.slice(cutBy.span.start, cutBy.span.end)}` : endsInsideQuotation(text, speech) ? 'ends inside a quotation' : 'ends mid-sentence';
      // A dangling comma or colon gives way to the dash: `we will, --` reads as a typo.
      // A loop, not `/[,;:]*$/`: that retries from every mark of a long run and hangs on a line of commas.
      let danglingStart = speech.end;
      while (danglingStart > speech.start && ',;:'.includes(text.charAt(danglingStart - 1))) danglingStart--;
      const atEnd = { start: danglingStart, end: speech.end };
      // Cut off or inaudible is for the editor to decide against the recording, so neither is in fix-all.
      const fixes: Fix[] = [
        { title: `End the turn with "${settings.dashStyle}" (cut off)`, edits: [{ span: atEnd, newText: ` ${settings.dashStyle}` }], safe: false, preferred: true },
      ];
      // The lost words end the turn: the full stop after the marker says so (a marker without one is a cut).
      if (!cutBy)
        fixes.push({ title: `Mark the rest ${inaudibleMarker}`, edits: [{ span: { start: speech.end, end: speech.end }, newText: ` ${inaudibleMarker}.` }], safe: false });
      findings.push({ span: range, message: `${speakerText} ${how}: "…${quote}"`, fixes });
    };
    for (const turn of turns) {
      const parts = bodyParts(text, turn, annotationsOf(turn));
      const speakerText = `${capitalise(speakerName(turn))}'s turn`;
      // A speech part right before an inaudible marker standing on its own line: cut off mid-turn.
      for (let i = 1; i < parts.length - 1; i++) {
        const part = parts[i];
        const before = parts[i - 1];
        if (
          part.kind === 'annotation' &&
          part.annotation.kind === 'inaudible' &&
          before.kind === 'speech' &&
          isAloneOnLine(text, part.annotation) &&
          !endsSentence(text, before.span)
        ) {
          report(speakerText, before.span, part.annotation);
        }
      }
      // The end of the turn, looking past trailing sound annotations such as `(Applause)`.
      let last = parts.length - 1;
      // …and past marks that are no words (a Markdown `>` quoting the sound, a stray dash).
      const passable = (part: BodyPart) => (part.kind === 'annotation' ? part.annotation.kind !== 'inaudible' : !/[\p{L}\p{N}]/u.test(text.slice(part.span.start, part.span.end)));
      while (last >= 0 && passable(parts[last])) last--;
      if (last < 0) continue;
      const final = parts[last];
      if (final.kind === 'speech') {
        if (!endsSentence(text, final.span) && !isSung(text, final.span, parts[last - 1])) report(speakerText, final.span, null);
      } else {
        // `we will (inaudible).` marks the lost words in place and ends the sentence; a marker with no
        // full stop after it, on its own line, or a lost connection cut the turn.
        const before = parts[last - 1];
        const closed = /^\s*[.?!\u2026]/.test(text.slice(final.annotation.span.end, final.annotation.span.end + 3));
        const cuts = !closed || isAloneOnLine(text, final.annotation) || CONNECTION_LOST.test(final.annotation.content);
        if (cuts && before?.kind === 'speech' && !endsSentence(text, before.span)) report(speakerText, before.span, final.annotation);
      }
    }
    return findings;
  },
};

function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
