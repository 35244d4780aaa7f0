// Speaker labels: the `NAME:` a turn starts with, after a marker or at a line start, in every layout
// real transcripts use: spaced, glued to the speech (`DANA REYES:Thanks`), alone on its line, in
// Markdown emphasis (`**DANA REYES:**`, `__Dana:__`), or with a role after a comma
// (`Sam, CART writer:`). Whether a candidate is trusted is decided in markers.ts, with evidence
// from the whole file.
import { detached } from '../detached';
import type { Label, Span } from '../model';
import { isAllCaps, isLabelLike, MAX_LABEL_LENGTH, speakerKey } from '../speakers/speakers';
import { isWhitespace } from './lines';

export interface LabelReading {
  label: Label;
  /** Where the label ends: after its colon and any closing emphasis. */
  end: number;
  /** Written in Markdown emphasis. */
  emphasis: boolean;
  /** Glued to the speech after the colon: `NAME:Text`. */
  glued: boolean;
}

// A label's words are at most MAX_LABEL_LENGTH characters; emphasis and a role add a little.
const LABEL_SEARCH_LENGTH = MAX_LABEL_LENGTH + 40;
const HTML_EMPHASIS = /^<(b|strong|u|em|i)>/i;

/**
 * The label written at `start` (after a marker and its space, or at a line's first character), or
 * null when the words before the first colon of the line do not read as one.
 */
export function readLabel(text: string, start: number, lineEnd: number): LabelReading | null {
  let nameStart = start;
  let opener = '';
  let closer = '';
  const first = text.charAt(start);
  if (first === '*' || first === '_') {
    opener = text.charAt(start + 1) === first ? first + first : first;
    closer = opener;
  } else if (first === '<') {
    // A transcript converted from HTML: `<b>NAME:</b>`, `<u>Name</u>:`.
    const tag = HTML_EMPHASIS.exec(text.slice(start, start + 10));
    if (tag === null) return null;
    opener = tag[0];
    closer = `</${tag[1]}>`;
  }
  nameStart = start + opener.length;
  const limit = Math.min(lineEnd, nameStart + LABEL_SEARCH_LENGTH);
  let colon = -1;
  for (let i = nameStart; i < limit; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 58 /* : */) {
      colon = i;
      break;
    }
    // A further marker or an annotation comes before any colon: no label (`JOHN DOE (ICANN):` may have its affiliation).
    if (ch === 62 /* > */ || ch === 91 /* [ */) return null;
  }
  if (colon <= nameStart) return null;
  let nameEnd = colon;
  // `**DANA**:` and `<u>Dana</u>:` close the emphasis before the colon.
  if (closer.startsWith('<') && text.startsWith(closer, colon - closer.length)) nameEnd = colon - closer.length;
  else while (nameEnd > nameStart && (text.charAt(nameEnd - 1) === '*' || text.charAt(nameEnd - 1) === '_')) nameEnd--;
  const closedBeforeColon = nameEnd < colon;
  let end = colon + 1;
  if (opener !== '' && !closedBeforeColon && text.startsWith(closer, end)) end += closer.length;
  // `**Diane:**:` repeats its colon after the emphasis.
  if (opener !== '' && text.charCodeAt(end) === 58) end++;
  if (opener === '' && closedBeforeColon) return null;
  if (opener !== '' && !closedBeforeColon && end === colon + 1) return null;
  const after = end < lineEnd ? text.charCodeAt(end) : -1;
  const glued = after !== -1 && !isWhitespace(after);
  const label = makeLabel(text, nameStart, nameEnd, { start: colon, end: colon + 1 });
  if (label === null) return null;
  // Glued speech must start with a letter or quote, and the label be ALL CAPS: `OCTOBER FOR:24` and
  // `Re:thinking` stay text.
  if (glued && !(isAllCaps(label.raw) && /[\p{L}"'\u201c\u2018]/u.test(String.fromCharCode(after)))) return null;
  return { label, end, emphasis: opener !== '', glued };
}

export function makeLabel(text: string, start: number, end: number, colon: Span | null): Label | null {
  let labelEnd = end;
  while (labelEnd > start && isWhitespace(text.charCodeAt(labelEnd - 1))) labelEnd--;
  const raw = text.slice(start, labelEnd);
  if (!isLabelLike(raw) && !isNameWithRole(raw)) return null;
  const own = detached(raw);
  return { raw: own, span: { start, end: start + own.length }, colon, speaker: speakerKey(own) };
}

// Roles a captioner, interpreter or official gives after their name: `Sam, CART writer`.
const ROLE_WORDS = new Set(
  'writer captioner captioning cart steno stenographer transcriber interpreter interpreting reporter moderator chair chairperson host co-host facilitator clerk secretary president director manager officer member commissioner councilmember councilman councilwoman mayor speaker presenter panelist panellist staff coordinator organiser organizer producer technician'.split(
    ' ',
  ),
);
// The role is a few plain words: no sentence ends in it (`Joly, I'm here. RENAMED SPEAKER` is speech).
const NAME_WITH_ROLE = /^([\p{Lu}][\p{L}\p{M}.'\u2019-]*(?: [\p{Lu}][\p{L}\p{M}.'\u2019-]*){0,3}), ((?:[\p{L}\p{M}-]+ ){0,3}[\p{L}\p{M}-]+)$/u;

/** `Sam, CART writer`: a name, a comma and a role a few words long naming a known kind of role. */
export function isNameWithRole(candidate: string): boolean {
  const match = NAME_WITH_ROLE.exec(candidate);
  if (match === null || !isLabelLike(match[1])) return false;
  return match[2].split(' ').some((word) => ROLE_WORDS.has(word.toLowerCase()));
}

// Words that open a section heading or an agenda line, not a speaker's name: `Session 1:`,
// `Item 4 - Budget`, `Part Two`.
const HEADING_WORDS = new Set(
  'session sessions part item items agenda panel day segment episode act scene lecture week unit chapter section topic keynote workshop break lunch recess closing opening welcome introduction introductions q&a questions presentation presentations discussion roundtable plenary track module lesson round remarks adjournment appendix breakout'.split(
    ' ',
  ),
);
// Last words of header fields written like labels: `Session Leader: Ryan`, `Guest Presenters: …`.
const FIELD_NOUNS = new Set(
  'leader leaders presenter presenters facilitator facilitators panelists panellists participants speakers guests hosts organizer organizers organiser organisers date time location venue room track day captioner captioning provider reporter transcriber'.split(
    ' ',
  ),
);

/** A label candidate that reads as a heading (`Session 1`) or a header field (`Session Leader`). */
export function readsAsHeadingOrField(candidate: string): boolean {
  const words = candidate.toLowerCase().split(/\s+/);
  if (HEADING_WORDS.has(words[0]) && (words.length === 1 || words.length <= 4)) return true;
  return words.length >= 2 && FIELD_NOUNS.has(words[words.length - 1]);
}

/** Whether a heading word opens the text: `Session 2`, `Closing session`, `Item 4 - Budget`. */
export function startsWithHeadingWord(line: string): boolean {
  const first = /^[\p{L}&]+/u.exec(line);
  return first !== null && HEADING_WORDS.has(first[0].toLowerCase());
}
