// Unicode letter classes as explicit ranges below U+10000, for the long patterns that name letters
// many times (who-said-it's names of up to four words). V8 compiles `\p{L}` in a `u` pattern with
// its astral ranges as surrogate-pair alternatives: such a pattern is ~200 KB of bytecode, 15-30 ms
// on its first use and again when it tiers up to native code, inside whichever slice of the analysis
// meets it first. As plain ranges it is a quarter of that. Letters of astral scripts are not matched.

type LetterProperty = 'L' | 'Lu' | 'Ll' | 'M';

const classes = new Map<LetterProperty, string>();

/** The contents of a character class (no brackets) matching `\p{property}` in the Basic Multilingual Plane; for `u` patterns. */
export function bmpClass(property: LetterProperty): string {
  let ranges = classes.get(property);
  if (ranges === undefined) {
    ranges = '';
    for (const run of everyBmpCharacter().matchAll(new RegExp(`\\p{${property}}+`, 'gu'))) {
      const first = run[0].charCodeAt(0);
      const last = run[0].charCodeAt(run[0].length - 1);
      ranges += first === last ? escaped(first) : `${escaped(first)}-${escaped(last)}`;
    }
    classes.set(property, ranges);
  }
  return ranges;
}

let bmp: string | null = null;

/** U+0000 to U+FFFF without the surrogates, once. */
function everyBmpCharacter(): string {
  if (bmp === null) {
    const codes: number[] = [];
    for (let code = 0; code < 0x10000; code++) if (code < 0xd800 || code > 0xdfff) codes.push(code);
    let text = '';
    for (let first = 0; first < codes.length; first += 4096) text += String.fromCharCode(...codes.slice(first, first + 4096));
    bmp = text;
  }
  return bmp;
}

/** The character itself (a quarter of the pattern source of a `\\u` escape, parsed that much faster), escaped only where a class needs it. */
function escaped(code: number): string {
  const character = String.fromCharCode(code);
  return /[\\\][^-]/.test(character) || code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : character;
}
