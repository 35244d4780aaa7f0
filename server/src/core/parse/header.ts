// The header: everything before the first turn. Its title is the event's name as a reader would say
// it: never a provider's or status line (`UNEDITED ROUGH DRAFT`, `CART FILE`, a phone number), a
// page tag, a running header, a date or time alone, a disclaimer sentence or a header field; a
// short organisation line and the event line under it are read together (`NCD` / `Board Meeting`).
import { detached } from '../detached';
import { DISCLAIMER_PATTERNS, FENCE, PROVIDER_BLOCK } from '../lexicon';
import type { Header, Span } from '../model';
import { skipWhitespace, trimEndOffset, type Line } from './lines';

const TITLE_MAX_LENGTH = 80;
/** How many lines of a header are looked at for a title. */
const TITLE_LINES = 40;
/** How much of a header line is read for a title. */
const TITLE_LINE_READ = 300;

// Words a status or format line is made of: `UNEDITED REALTIME FILE`, `ROUGH DRAFT TRANSCRIPT`.
const STATUS_WORDS = new Set(
  'unedited edited rough roughly raw finished final draft preliminary realtime real-time real time cart file copy transcript transcription transcripts version output captions captioning caption captioned format live remote on-site onsite uncertified certified unofficial official verbatim text document only partial not for distribution do distribute quote citation record the a of this is'.split(
    ' ',
  ),
);
const STATUS_ANCHORS = /\b(?:unedited|edited|rough|raw|draft|realtime|real-time|cart|transcript|captions?|uncertified|preliminary|finished)\b/i;
// A provider's credit, company or contact: `Captioning provided by`, `… LLC`, a web or mail address, a phone number.
const PROVIDER_LINE =
  /\b(?:provided by|captioning by|captioned by|captions by|cart by|transcribed by|transcription by|reported by|captioner|stenographer|court reporter|cart provider|cart services?|captioning services?)\b|\b(?:LLC|L\.L\.C\.|Inc\.?|Ltd\.?|GmbH|Corp\.?)(?:$|[\s,.])|\bwww\.|https?:\/\/|^[\w.-]+\.(?:com|org|net|edu|gov|io|co|us|uk|ca|au|info|tv)\b|\S@\S|\b\d{3}[-.)\s]\s?\d{3}[-.\s]\d{4}\b|\b(?:phone|tel|fax)\b|\bP\.?\s?O\.?\s?Box\b|\b[A-Z]{2},? \d{5}(?:-\d{4})?\b/i;
// Court-reporter credentials after a name: `Erik Olson, RDR, CRC, CRR`.
const CREDENTIALS = /\b(?:RDR|CRR|CRC|RPR|RMR|CBC|CCP|CSR|NCSP|RCP|CRI|CLVS)\b/;
// Page tags and numbers from PDF text, and lone numbers.
const PAGE_LINE = /^(?:[-–—\s]*\d{1,4}[-–—\s]*|\[?page \d+(?: of \d+)?\]?|\d+ page \d+|p\. ?\d+)$/i;
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:mon|tues?|wed(?:nes)?|thur?s?|fri|sat(?:ur)?|sun)(?:day)?\\.?';
// A line that only dates or times the event: `June 11, 2026`, `12:00 - 1:00 p.m. ET`, `Thursday, 10-11:15am`.
const DATE_OR_TIME_WORD = new RegExp(
  `^(?:${MONTH}|${WEEKDAY}|\\d{1,4}(?:st|nd|rd|th)?[,.]?|\\d{1,2}[:.]\\d{2}(?:[ap]\\.?m\\.?)?|\\d{1,2}(?:[ap]\\.?m\\.?)|[ap]\\.?m\\.?|\\d{1,2}[/-]\\d{1,2}[/-]\\d{2,4}|[-–—~&,]|to|and|at|from|until|through|et|est|edt|ct|cst|cdt|pt|pst|pdt|mt|gmt|utc|cet|cest|bst|time|noon|of|the|\\d{1,2}(?:[:.]\\d{2})?-\\d{1,2}(?:[:.]\\d{2})?(?:[ap]\\.?m\\.?)?)$`,
  'i',
);
// Header fields: `Room: Ski-U-Mah`, `Day & Time: …`, `Session facilitator(s): …`, `Date: …`.
const FIELD_LINE =
  /^(?:[\p{L}&()/ ]{0,40}?\b(?:room|date|time|day|location|venue|place|facilitators?|facilitator\(s\)|leaders?|presenters?|speakers?|panel(?:ists|lists)?|moderators?|hosts?|participants|attendees|captioners?|reporters?|track|job|event id|session id|meeting id|dial[- ]in|passcode|phone|slides|video|audio|source|url|link|tags?|layout|permalink|categories|author))\s*:/iu;
// Words that name an event: the line under a short organisation line that makes the title with it.
const EVENT_WORDS =
  /\b(?:meeting|session|conference|forum|summit|workshop|webinar|panel|hearing|council|board|committee|commission|symposium|seminar|roundtable|keynote|talk|lecture|briefing|consultation|assembly|plenary|ceremony|town hall|call|colloquium|convention|congress|festival|training|class|course|meetup|retreat|hackathon|presentation|discussion)s?\b/i;

export function buildHeader(text: string, lines: readonly Line[], headerEnd: number): Header | null {
  const start = skipWhitespace(text, 0, headerEnd);
  const end = trimEndOffset(text, start, headerEnd);
  if (start >= end) return null;
  const disclaimerAt = firstDisclaimerMatch(text, start, end);
  const disclaimer = disclaimerAt === -1 ? null : disclaimerParagraph(text, lines, start, end, disclaimerAt);
  const title = findTitle(text, lines, end, disclaimer && { start: disclaimerAt, end: disclaimer.end }) ?? titleInDisclaimer(text, disclaimer);
  return { span: { start, end }, title: title ? detached(title.text) : null, titleSpan: title?.span ?? null, disclaimer };
}

interface HeaderLine {
  span: Span;
  content: string;
  /** Blank lines before it (since the previous non-blank line). */
  gapBefore: boolean;
}

function findTitle(text: string, lines: readonly Line[], end: number, disclaimer: Span | null): { text: string; span: Span } | null {
  const headerLines: HeaderLine[] = [];
  let gap = true;
  for (const line of lines) {
    if (line.start >= end || headerLines.length >= TITLE_LINES) break;
    const lineStart = skipWhitespace(text, line.start, Math.min(line.end, end));
    // The disclaimer names the event in a sentence; a flattened line keeps what stands before it.
    const lineStop = disclaimer && disclaimer.start >= lineStart && disclaimer.start < line.end ? beforeDisclaimer(text, lineStart, disclaimer.start) : Math.min(line.end, end);
    if (disclaimer && lineStart > disclaimer.start && lineStart < disclaimer.end) {
      gap = true;
      continue;
    }
    const lineEnd = trimEndOffset(text, lineStart, lineStop);
    if (lineStart >= lineEnd) {
      gap = true;
      continue;
    }
    // A title is short: a longer line (flattened text) is read for its opening words only, which also
    // bounds every pattern below to a few hundred characters.
    const contentEnd = Math.min(lineEnd, lineStart + TITLE_LINE_READ);
    headerLines.push({ span: { start: lineStart, end: contentEnd }, content: text.slice(lineStart, contentEnd), gapBefore: gap });
    gap = false;
  }
  // A flattened header goes on after its provider block on the same line.
  for (const line of headerLines) {
    const provider = PROVIDER_BLOCK.exec(line.content);
    if (provider && provider[0].length < line.content.length) {
      const from = skipWhitespace(text, line.span.start + provider[0].length, line.span.end);
      line.span = { start: from, end: line.span.end };
      line.content = text.slice(from, line.span.end);
    }
  }
  const opening = text.length > RUNNING_HEADER_SEARCH ? text.slice(0, RUNNING_HEADER_SEARCH) : text;
  for (let i = 0; i < headerLines.length; i++) {
    const line = headerLines[i];
    let cleaned = withoutMarkup(line.content);
    if (FIELD_LINE.test(cleaned)) continue;
    if (!readsAsTitle(cleaned, opening)) {
      // A long or flattened line: the event's name stands before its date, time or provider's credit.
      const lead = leadingName(cleaned);
      if (lead === null || !readsAsTitle(lead, opening)) continue;
      cleaned = lead;
    }
    const next = headerLines[i + 1];
    // `NCD` / `Brief Council Meeting`: a short organisation line and the event under it are one title.
    const nextName = next && !next.gapBefore ? withoutMarkup(next.content) : '';
    // …or an organisation's acronym over the talk's title (`CDA` / `Usability Starts with Accessibility`).
    const tag = cleaned.length <= 12 && cleaned.split(/\s+/).length <= 2;
    if (nextName !== '' && cleaned.split(/\s+/).length <= 5 && nextName.split(/\s+/).length <= 8 && (EVENT_WORDS.test(nextName) || tag) && readsAsTitle(nextName, opening)) {
      return { text: shortenTitle(`${cleaned} ${nextName}`), span: { start: line.span.start, end: next.span.end } };
    }
    const title = shortenTitle(cleaned);
    const offset = line.content.indexOf(cleaned.slice(0, 8));
    const spanStart = offset >= 0 ? line.span.start + offset : line.span.start;
    return { text: title, span: { start: spanStart, end: Math.min(line.span.end, spanStart + title.replace(/…$/, '').length) } };
  }
  return null;
}

// Where the name of an event stops in a flattened header line: a date, a weekday, a clock time, a
// provider's credit, a disclaimer's `Note:`.
const NAME_STOP = new RegExp(
  `(?:\\b${MONTH}\\s+\\d|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\b|\\b${WEEKDAY},|\\b\\d{1,2}:\\d{2}\\b|\\b(?:captioning |services )?provided by\\b|\\bcaptioning\\b|\\bNote:|\\bTRANSCRIPT\\b)`,
  'i',
);
// A date at the end of a title line: `Internet Governance Forum 2 November 2006`.
const TRAILING_DATE = /(?:[\s,]+(?:\d{1,4}(?:st|nd|rd|th)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?),?)+$/i;
const MONTH_WORD = new RegExp(`\\b${MONTH}(?=\\s|,|$)`, 'i');
const PAGE_TAG = /^(?:\d+\s+)?page\s+\d+\s+/i;

/** The words before a line's first date, time or credit, when they could name the event. */
function leadingName(line: string): string | null {
  const rest = line.replace(PAGE_TAG, '');
  const stop = NAME_STOP.exec(rest);
  if (stop === null || stop.index < 4) return null;
  const lead = rest.slice(0, stop.index).replace(/[\s,;:\-\u2013\u2014]+$/, '');
  return lead.split(/\s+/).length >= 2 ? lead : null;
}

/**
 * Where the words before a disclaimer phrase on its line stop: all of them when they end a sentence
 * or a `Note:` (a flattened header), none when they open the disclaimer's own sentence (`This text is`).
 */
function beforeDisclaimer(text: string, lineStart: number, disclaimerAt: number): number {
  const before = text.slice(lineStart, disclaimerAt).trimEnd();
  return /[.:!?*)\]"]$/.test(before) || !/\b\p{Ll}[\p{L}']*[,;]?$/u.test(before) ? disclaimerAt : lineStart;
}

/** Markdown heading marks, emphasis, a `Note:` lead-in to a disclaimer and trailing dates are not part of a title. */
function withoutMarkup(line: string): string {
  return line
    .replace(/^#{1,6}\s+/, '')
    .replace(/^(?:title|name)\s*:\s*/i, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/^[*_\s]+|[*_\s]+$/g, '')
    .replace(/^["']|["']$/g, '')
    .replace(/\s*\bNote:?\s*$/i, '')
    .replace(TRAILING_DATE, (date) => (MONTH_WORD.test(date) ? '' : date))
    .trim();
}

function readsAsTitle(line: string, opening: string): boolean {
  if (line.length < 2 || FENCE.test(line) || PROVIDER_BLOCK.test(line) || PAGE_LINE.test(line)) return false;
  if (!/\p{L}/u.test(line)) return false;
  if (isStatusLine(line) || PROVIDER_LINE.test(line) || CREDENTIALS.test(line)) return false;
  if (isDateOrTime(line) || FIELD_LINE.test(line) || /^---+$/.test(line)) return false;
  // A line that ends in a colon introduces something (`Thursday, Session 8:`); a disclaimer or prose sentence is no title.
  if (/:$/.test(line) || DISCLAIMER_PATTERNS.some((pattern) => pattern.test(line))) return false;
  if (isProse(line) || /^[([]/.test(line) || SPEECH_START.test(line) || CODE_LINE.test(line)) return false;
  // Speech, not a name: a sentence with its own end (`All right. As you know, we --`).
  if (line.split(/\s+/).length >= 4 && (/(?:\.|--|\u2014)$/.test(line) || /[.?!]\s+\p{Lu}/u.test(line))) return false;
  if (/\s\p{Ll}[\p{L}']*\.$/u.test(line)) return false;
  return !isRunningHeader(line, opening);
}

function isStatusLine(line: string): boolean {
  if (!STATUS_ANCHORS.test(line)) return false;
  const words = line
    .toLowerCase()
    .replace(/[*_()[\]:.,!-]+/g, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0);
  return words.length > 0 && words.length <= 8 && words.every((word) => STATUS_WORDS.has(word));
}

function isDateOrTime(line: string): boolean {
  const words = line
    .replace(/[,;]/g, ' , ')
    .split(/\s+/)
    .filter((word) => word.length > 0 && word !== ',');
  return words.length > 0 && words.every((word) => DATE_OR_TIME_WORD.test(word));
}

/** Two or more sentences, or one long one: what a disclaimer or a note says, not a name. */
function isProse(line: string): boolean {
  const words = line.split(/\s+/).length;
  const sentences = line.split(/[.?!]\s+(?=\p{Lu})/u).length;
  return (sentences >= 2 && words > 8) || (words > 16 && /[.?!]$/.test(line));
}

// Pages repeat a running header every few thousand characters: the opening of the text shows it
// three times, and a 20 MB file is not searched through for each header line.
const RUNNING_HEADER_SEARCH = 200_000;

/** A line repeated, as a whole line, on many pages of PDF text: a running header or footer. */
function isRunningHeader(line: string, opening: string): boolean {
  if (line.length < 6) return false;
  let count = 0;
  for (let at = opening.indexOf(line); at !== -1 && count < 3; at = opening.indexOf(line, at + line.length)) {
    if (standsAlone(opening, at, at + line.length)) count++;
  }
  return count >= 3;
}

/** Whether [start, end) is a whole line but for white space around it. */
function standsAlone(text: string, start: number, end: number): boolean {
  let before = start - 1;
  while (before >= 0 && (text.charCodeAt(before) === 32 || text.charCodeAt(before) === 9)) before--;
  let after = end;
  while (after < text.length && (text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9)) after++;
  const lineBreak = (ch: number) => ch === 10 || ch === 13 || ch === 12;
  return (before < 0 || lineBreak(text.charCodeAt(before))) && (after >= text.length || lineBreak(text.charCodeAt(after)));
}

export function shortenTitle(line: string): string {
  const collapsed = line.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= TITLE_MAX_LENGTH) return collapsed;
  const cut = collapsed.lastIndexOf(' ', TITLE_MAX_LENGTH);
  return `${collapsed.slice(0, cut > TITLE_MAX_LENGTH / 2 ? cut : TITLE_MAX_LENGTH)}…`;
}

// `… captioning taken during the Fifth Annual Meeting of the Internet Governance Forum in Vilnius. Although…`
const EVENT_IN_DISCLAIMER = /\btaken during (?:an? |the )?(.+?)(?=\.\s|\.$|,\s*(?:from|on|in|at)\b|\s+(?:in|at|on|from)\s+(?:\p{Lu}|\d)|$)/u;

/** The event a disclaimer names, when the header has no title line of its own. */
function titleInDisclaimer(text: string, disclaimer: Span | null): { text: string; span: Span } | null {
  if (disclaimer === null) return null;
  const sentence = text.slice(disclaimer.start, Math.min(disclaimer.end, disclaimer.start + 600)).replace(/\s+/g, ' ');
  const match = EVENT_IN_DISCLAIMER.exec(sentence);
  if (match === null || match[1].split(' ').length > 16) return null;
  const event = shortenTitle(match[1].replace(/[\s,;:]+$/, ''));
  return { text: event.charAt(0).toUpperCase() + event.slice(1), span: { ...disclaimer } };
}

// How speech opens, which a title does not: `I guess, David…`, `Okay, so…`, `Hi, everyone`.
const SPEECH_START =
  /^(?:i|i'm|i've|i'll|okay|ok|well|yeah|yes|thanks|thank you|hello|hi|hey|um|uh|oh|sorry|alright|all right|good (?:morning|afternoon|evening))(?:[,.!]|\s+\p{Ll})/iu;
// Source code around a transcript kept in a program: `export default {`, `};`.
const CODE_LINE = /[{};=]$|^(?:export|import|const|let|var|module\.exports|function|return)\b|^[{}[\]();,`]+$/;

/** Whether the header carries a provider's credit or a status line. */
export function hasProviderLines(text: string, header: Header | null): boolean {
  if (!header) return false;
  for (const line of text
    .slice(header.span.start, Math.min(header.span.end, header.span.start + 8192))
    .split(/\r\n?|\n/)
    .slice(0, TITLE_LINES)) {
    const content = line.trim();
    if (content && (PROVIDER_BLOCK.test(content) || isStatusLine(content) || PROVIDER_LINE.test(content) || CREDENTIALS.test(content))) return true;
  }
  return false;
}

/** Where the header's first disclaimer phrase stands, or -1. */
function firstDisclaimerMatch(text: string, headerStart: number, headerEnd: number): number {
  const headerText = text.slice(headerStart, headerEnd);
  let firstMatch = -1;
  for (const pattern of DISCLAIMER_PATTERNS) {
    const match = pattern.exec(headerText);
    if (match && (firstMatch === -1 || match.index < firstMatch)) firstMatch = match.index;
  }
  return firstMatch === -1 ? -1 : headerStart + firstMatch;
}

/** The paragraph (run of non-blank, non-fence lines) of the header that carries the disclaimer phrase at `at`. */
function disclaimerParagraph(text: string, lines: readonly Line[], headerStart: number, headerEnd: number, at: number): Span {
  const isSeparator = (line: Line) => {
    const content = text.slice(line.start, line.end);
    return content.trim().length === 0 || FENCE.test(content);
  };
  let first = lines.findIndex((line) => line.end >= at);
  let last = first;
  while (first > 0 && lines[first - 1].start >= headerStart && !isSeparator(lines[first - 1])) first--;
  while (last + 1 < lines.length && lines[last + 1].end <= headerEnd && !isSeparator(lines[last + 1])) last++;
  const start = skipWhitespace(text, Math.max(lines[first].start, headerStart), headerEnd);
  return { start, end: trimEndOffset(text, start, Math.min(lines[last].end, headerEnd)) };
}
