// Words and patterns the parser and rules recognise. Terms are compared after `normaliseTerm`
// (lower case, inner spacing collapsed, trailing punctuation dropped).

/** Annotations meaning content was lost; configurable additions come from settings. */
export const DEFAULT_INAUDIBLE_TERMS: readonly string[] = [
  'inaudible',
  'unintelligible',
  'indiscernible',
  'audio disconnect',
  'audio disconnection',
  'audio disconnected',
  'audio cuts out',
  'audio cut out',
  'audio lost',
  'no audio',
  'off microphone',
  'off mic',
  'off-mic',
  'crosstalk',
  'cross talk',
  'overlapping speakers',
  'overlapping speech',
  'lost connection',
  'connection lost',
  'inaudible question',
  'inaudible comment',
  'microphone off',
  'mic off',
  'no sound',
  '?',
];

/** Non-speech descriptions; a bracketed group made of one of these is an annotation even inline. */
export const SOUND_TERMS: readonly string[] = [
  'applause',
  'laughter',
  'laughing',
  'laughs',
  'pause',
  'break',
  'recess',
  'music',
  'music playing',
  'video playing',
  'video',
  'silence',
  'gavel',
  'gavel bang',
  'chimes',
  'bell',
  'bell rings',
  'background talking',
  'background noise',
  'background conversation',
  'interpretation',
  'interpreted',
  'no interpretation',
  'end of session',
  'session concluded',
  'session ended',
  'end',
  'end of meeting',
  'meeting adjourned',
  'adjourned',
  'entertainment',
  'cheers',
  'cheering',
  'coughing',
  'sneezing',
  'phone ringing',
  'technical difficulties',
  'feedback',
  'echo',
  'recording',
  'recording starts',
  'recording stopped',
  'no response',
  'silence on the line',
];

/** Prefixes that make a bracketed group a non-speech annotation whatever follows: `(Speaking French)`. */
export const SOUND_PREFIXES: readonly string[] = [
  'speaking ',
  'speaking in ',
  'captioner',
  "captioner's note",
  'captioners note',
  'cart provider',
  'interpreter',
  'interpretation',
  'off the record',
  'on the record',
  'video',
  'audio',
  'music',
  'laughter',
  'applause',
  'pause',
  'break',
  'no audio',
];

/** Prefixes that make an annotation a note rather than a sound. */
export const NOTE_PREFIXES: readonly string[] = ["captioner's note", 'captioners note', 'captioner note', 'note', 'cart provider', 'transcriber'];

/**
 * Words that look like a label before a colon but introduce running text or header fields:
 * `Note: The following is...`, `>> The question is: ...` is handled by the label shape test.
 */
export const LABEL_TRAPS: ReadonlySet<string> = new Set([
  'NOTE',
  'NOTES',
  'NB',
  'N.B.',
  'PS',
  'P.S.',
  'RE',
  'SUBJECT',
  'DATE',
  'TIME',
  'VENUE',
  'LOCATION',
  'PLACE',
  'ROOM',
  'AGENDA',
  'ITEM',
  'TOPIC',
  'TITLE',
  'SESSION',
  'EVENT',
  'PRESENT',
  'ATTENDEES',
  'PARTICIPANTS',
  'SPEAKERS',
  'PANELISTS',
  'SOURCE',
  'URL',
  'LINK',
  'EMAIL',
  'E-MAIL',
  'PHONE',
  'TEL',
  'FAX',
  'WEBSITE',
  'WEB',
  'QUESTION',
  'ANSWER',
  'EXAMPLE',
  'WARNING',
  'CAUTION',
  'DISCLAIMER',
  'UPDATE',
  'RESULT',
  'RESULTS',
  'MOTION',
  'VOTE',
  'ACTION',
  'DECISION',
  'SUMMARY',
  'OBJECTIVE',
  'PURPOSE',
  'CAPTIONING PROVIDED BY',
  'SERVICES PROVIDED BY',
  'PROVIDED BY',
  'CAPTIONED BY',
  'CAPTIONER',
  'CART PROVIDER',
  'MODERATED BY',
  'CHAIRED BY',
  'REMOTE PARTICIPATION',
  'HTTP',
  'HTTPS',
  'P.O. BOX',
  'PO BOX',
  'WWW',
  'TRANSCRIPT',
  'OK',
  'OKAY',
  'YES',
  'NO',
  'SO',
  'WELL',
  'NOW',
  'FIRST',
  'SECOND',
  'THIRD',
  'FINALLY',
  'SECONDLY',
  'FIRSTLY',
  'LASTLY',
  'THIRDLY',
  // Speech openers that would otherwise read as a one-word Mixed Case label: `>> Thanks: ...`.
  'GOOD',
  'GOOD MORNING',
  'GOOD AFTERNOON',
  'GOOD EVENING',
  'HELLO',
  'HI',
  'THANKS',
  'THANK YOU',
  'SORRY',
  'PLEASE',
  'RIGHT',
  'ALSO',
  'THEN',
  'HOWEVER',
  'ANYWAY',
  'REMEMBER',
  'SURE',
  'FINE',
  'GREAT',
  'COOL',
  'YEAH',
  'YEP',
  'NOPE',
  'OH',
  'AH',
  'UM',
  'UH',
  'WOW',
]);

/**
 * Words no speaker label starts or ends with; they give away a phrase of ALL-CAPS speech or a header
 * field: `>> THE QUESTION IS: ...`, `CAPTIONING PROVIDED BY: ...`, `MY POINT: ...`.
 */
export const LABEL_CANNOT_START_WITH: ReadonlySet<string> = new Set([
  'MY',
  'OUR',
  'YOUR',
  'THEIR',
  'ITS',
  'THIS',
  'THAT',
  'THESE',
  'THOSE',
  'WE',
  'IT',
  'IF',
  'WHEN',
  'BUT',
  'AND',
  'OR',
  'SO',
  'AS',
  'FOR',
  'TO',
  'IN',
  'ON',
  'AT',
  'BY',
  'WITH',
  'FROM',
]);
export const LABEL_CANNOT_END_WITH: ReadonlySet<string> = new Set([
  'THE',
  'AN',
  'AND',
  'OR',
  'OF',
  'BY',
  'FOR',
  'TO',
  'IN',
  'ON',
  'AT',
  'WITH',
  'FROM',
  'AS',
  'IS',
  'ARE',
  'WAS',
  'WERE',
  'BE',
  'THAT',
  'FOLLOWS',
]);

/** Lines that frame a header: provider blocks. */
export const PROVIDER_BLOCK = /^(?:RAW|FINISHED|ROUGH(?:LY)?[ -]?(?:EDITED|DRAFT)|UNEDITED|EDITED)\s+(?:FILE|COPY|TRANSCRIPT|VERSION|OUTPUT)\b/i;

/** A fence of asterisks, possibly spaced: `***`, `* * *`, `* * ** * *`, `********`. */
export const FENCE = /^\s*\*(?:\s*\*){2,}\s*$/;

/** The disclaimer families seen in real transcripts; matched against the header's text. */
export const DISCLAIMER_PATTERNS: readonly RegExp[] = [
  /\b(?:the following (?:is|are) the outputs? of|this is the(?: the)? output of) the (?:real[\s\u2011-]?time |realtime )?captioning/i,
  /\bthe following (?:are|is) the outputs? of the captioning/i,
  /\bbeing provided in (?:a )?rough[\s-]?draft format/i,
  /\bCommunication Access Realtime Translation\b/i,
  /\b(?:is|are) based on live transcription\b/i,
  /\bun-?edited raw output of the real-?time captioning/i,
  /\btranscribing an audio file into a word\/text document/i,
  /\bnot (?:be treated as|a totally verbatim record|an? authoritative record)/i,
  /\bas an aid to understanding\b/i,
];

/** True when a text (typically the opening of a file) carries a captioning disclaimer. */
export function hasCaptioningDisclaimer(text: string): boolean {
  return DISCLAIMER_PATTERNS.some((pattern) => pattern.test(text));
}

export function normaliseTerm(content: string): string {
  return content
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s.,;:!]+|[\s.,;:!]+$/g, '')
    .trim();
}

/** Builds the inaudible-term set from the defaults plus user additions. */
export function inaudibleTermSet(additions: readonly string[] = []): ReadonlySet<string> {
  return new Set([...DEFAULT_INAUDIBLE_TERMS, ...additions].map(normaliseTerm).filter((term) => term.length > 0));
}

const SOUND_TERM_SET = new Set(SOUND_TERMS.map(normaliseTerm));

/** An inaudible term alone or leading the annotation: `(inaudible: audio problems)`, `(off mic comment)`. */
export function isInaudibleTerm(normalised: string, terms: ReadonlySet<string>): boolean {
  if (terms.has(normalised)) return true;
  const words = normalised.split(/[\s:;,]+/, 3);
  for (let count = words.length; count > 0; count--) {
    if (terms.has(words.slice(0, count).join(' '))) return true;
  }
  return false;
}

// What a note says when content was lost, worded freely: being unclear or unheard (`[unintelligible]`,
// `(can't hear)`), voices over each other, or a channel (audio, microphone, line, connection) lost,
// broken or away (`(audio feed lost)`, `[away from the mic]`, `(line breaking up)`, `[no sound from the room]`).
const UNHEARD =
  /\b(?:inaudible|unintelligible|indiscernible|incomprehensible|unclear|garbled|muffled|mumbl\w*|undecipherable|unheard|not audible|(?:can(?:no|')?t|couldn'?t|could not|cannot|unable to|hard to|difficult to) (?:hear|understand|make out)|crosstalk|cross talk|overlapping|talking over|speaking over|simultaneous (?:speech|speaking|talking|conversations?)|(?:speaking|talking) simultaneously|multiple (?:speakers|voices|people)|everyone talking|several (?:speakers|voices))\b/;
const CHANNEL = /\b(?:audio|sound|mic|mics|microphone|microphones|connection|line|feed|signal|stream|internet|zoom|phone|call|bridge|volume)\b/;
const LOSS =
  /\b(?:lost|lose|losing|loss|cut|cuts|cutting|drop|dropped|drops|dropping|dropout|break|breaks|breaking|broke|broken|off|away|no|not|none|poor|bad|low|faint|weak|muted|mute|gone|out|frozen|freezes?|freezing|issues?|problems?|difficult(?:y|ies)|disconnect\w*|interrupted|interruption|garbled|choppy|static|distorted|fades?|fading|failed|failure|down|unavailable|far)\b/;
// Words of speech that make a bracketed group inline a speaker's own aside, not a captioner's note.
const SPEECH_ASIDE = /\b(?:i|we|you|he|she|they|which|who|that|my|our|your|was|were|had|have|will|would)\b/;

/**
 * Whether a bracketed note says that content was lost, whatever its words. An inline group that
 * reads as a speaker's aside (`(we lost the connection last year)`) is speech.
 */
export function readsAsLostContent(normalised: string, alone: boolean): boolean {
  if (normalised.length === 0 || normalised.length > 80) return false;
  if (!alone && (normalised.split(' ').length > 6 || SPEECH_ASIDE.test(normalised))) return false;
  if (UNHEARD.test(normalised)) return true;
  return CHANNEL.test(normalised) && LOSS.test(normalised);
}

export function isSoundTerm(normalised: string): boolean {
  return SOUND_TERM_SET.has(normalised) || SOUND_PREFIXES.some((prefix) => normalised.startsWith(prefix));
}

export function isNoteTerm(normalised: string): boolean {
  return NOTE_PREFIXES.some((prefix) => normalised.startsWith(prefix));
}
