// Catastrophic backtracking: every regular expression in server/src is run on growing pathological
// inputs and must take time roughly proportional to the input. This compares growth ratios, not
// absolute times, so a slow CI machine does not make it flaky: linear code grows ~8x when the input
// grows 8x, quadratic code ~64x.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';
import { analyzeText } from '../../server/src/core/check/analysis';
import { lastWords } from '../../server/src/core/speech';
import { repoRoot } from '../helpers/repo';

const SOURCE_ROOT = path.join(repoRoot, 'server', 'src');
const GROWTH = 8;
// Linear growth gives ~8; quadratic gives ~64. The margin absorbs timer noise, caches and garbage collection.
const MAX_RATIO = 30;

interface Literal {
  file: string;
  line: number;
  pattern: RegExp;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every regular-expression literal and every `new RegExp(...)` site of the server's source. */
function scanSource(): { literals: Literal[]; constructed: Map<string, number> } {
  const literals: Literal[] = [];
  const constructed = new Map<string, number>();
  for (const file of sourceFiles(SOURCE_ROOT)) {
    const relative = path.relative(SOURCE_ROOT, file).split(path.sep).join('/');
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        literals.push({
          file: relative,
          line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
          pattern: new RegExp(text.slice(1, slash), text.slice(slash + 1)),
        });
      } else if (ts.isNewExpression(node) && node.expression.getText(source) === 'RegExp') {
        constructed.set(relative, (constructed.get(relative) ?? 0) + 1);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, constructed };
}

/**
 * Literals that backtrack quadratically on long runs but only ever see a bounded slice: the bound is
 * the reason they are safe, so it is written here and checked by the code review of any change to them.
 */
const BOUNDED_USE: Record<string, string> = {
  '/["\'\\u201d\\u2019\\u00bb)\\]}*_`\\\\>\\s]+$/': 'broken-turn: applied to the last 12 characters of a turn',
  '/\\s*(?:<https?:\\/\\/[^\\s>]*>?|(?<=\\s)https?:\\/\\/\\S*[\\w/])$/': 'broken-turn: applied to the last 200 characters of a turn',
  '/\\\\?[([][^)\\]]*[)\\]]/g': 'markers: the words after a label candidate, at most 200 characters (bodyAfterLabel)',
  '/(?:[\\s,]+(?:\\d{1,4}(?:st|nd|rd|th)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?),?)+$/i':
    'header: a title line of at most 300 characters (TITLE_LINE_READ)',
  '/[\\s,;:\\-\\u2013\\u2014]+$/': 'header: a title line of at most 300 characters (TITLE_LINE_READ)',
  '/^[*_\\s]+|[*_\\s]+$/g': 'header: a title line of at most 300 characters (TITLE_LINE_READ)',
  '/\\s*\\bNote:?\\s*$/i': 'header: a title line of at most 300 characters (TITLE_LINE_READ)',
  '/[\\s,;:]+$/': 'header: the event named in a disclaimer, at most 600 characters',
  '/\\s*\\([^()]{1,40}\\)$/': 'speakers: applied to label candidates of at most 60 characters',
  '/[\\s.,;:!]+$/': 'parse: annotation content of at most 120 characters',
  '/^[\\s.,;:!]+|[\\s.,;:!]+$/g': 'lexicon normaliseTerm: annotation content of at most 120 characters and settings terms',
};

/** Inputs that make backtracking regular expressions blow up, as functions of a size. */
const PATHOLOGICAL: Record<string, (n: number) => string> = {
  spaces: (n) => `a${' '.repeat(n)}!`,
  'spaces then a letter': (n) => `a${' '.repeat(n)}x`,
  commas: (n) => `a${','.repeat(n)}x`,
  punctuation: (n) => `${'.,;:!?'.repeat(n / 6)}\u0001`,
  'mixed blanks': (n) => `a${' \t\u00a0'.repeat(n / 3)}x`,
  'line breaks': (n) => '\n \r\n\r'.repeat(n / 5),
  'open parens': (n) => '('.repeat(n),
  'open brackets': (n) => '[ '.repeat(n / 2),
  chevrons: (n) => '>'.repeat(n),
  'chevron turns': (n) => '>> '.repeat(n / 3),
  'repeated label': (n) => 'CHAIR: '.repeat(n / 7),
  'caps words': (n) => 'AB '.repeat(n / 3),
  'one long word': (n) => `x${'a'.repeat(n)}`,
  'one long caps word': (n) => ` ${'A'.repeat(n)}`,
  initials: (n) => 'A.B. '.repeat(n / 5),
  periods: (n) => '. '.repeat(n / 2),
  stars: (n) => `${'* '.repeat(n / 2)}x`,
  digits: (n) => '1'.repeat(n),
  'clock times': (n) => '12:'.repeat(n / 3),
  colons: (n) => ':'.repeat(n),
  hyphens: (n) => 'a-'.repeat(n / 2),
  apostrophes: (n) => "a'".repeat(n / 2),
  'repeated word': (n) => 'the '.repeat(n / 4),
  quotes: (n) => '"'.repeat(n),
  NUL: (n) => '\0'.repeat(n),
  'lone surrogates': (n) => '\ud800'.repeat(n),
  'name words': (n) => 'Ana '.repeat(n / 4),
};

/**
 * CPU milliseconds per run, over enough repetitions to rise above the clock's resolution. CPU time,
 * not wall time: other processes on a busy machine do not count against the run.
 */
function timePerRun(run: () => void): number {
  let repetitions = 0;
  const start = process.cpuUsage();
  let elapsed = 0;
  do {
    run();
    repetitions++;
    const used = process.cpuUsage(start);
    elapsed = (used.user + used.system) / 1000;
  } while (elapsed < 3);
  return elapsed / repetitions;
}

/**
 * How much slower the large run is than the small one. Noise (garbage collection, the regex engine
 * compiling a pattern it has only interpreted so far) only ever slows a run down, so each size keeps
 * its fastest timing, and a suspicious ratio is measured again.
 */
function growthRatio(small: () => void, large: () => void): number {
  small();
  large();
  let fastestSmall = Number.POSITIVE_INFINITY;
  let fastestLarge = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 4 && (attempt === 0 || fastestLarge / fastestSmall > MAX_RATIO / 2); attempt++) {
    fastestSmall = Math.min(fastestSmall, timePerRun(small));
    fastestLarge = Math.min(fastestLarge, timePerRun(large));
  }
  return fastestLarge / fastestSmall;
}

/** Where a line starts: the parser applies its sticky patterns there (and at marker ends, which never overlap). */
function lineStarts(input: string): number[] {
  const starts = [0];
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    if (ch === 10 || (ch === 13 && input.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** Runs a pattern over the whole input as the code does: every match for g, at each line start for y, a search otherwise. */
function runOver(pattern: RegExp, input: string): () => void {
  if (pattern.sticky) {
    const starts = lineStarts(input);
    return () => {
      for (const start of starts) {
        pattern.lastIndex = start;
        pattern.exec(input);
      }
    };
  }
  if (!pattern.global) return () => pattern.test(input);
  return () => {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(input)) !== null) if (match[0].length === 0) pattern.lastIndex++;
  };
}

describe('regular expressions: no catastrophic backtracking', function () {
  this.timeout(0);
  const { literals, constructed } = scanSource();
  const SMALL = 3000;

  it('finds the regular expressions of the server source', () => {
    assert.ok(literals.length >= 50, `only ${literals.length} regex literals found: the scan is broken`);
  });

  it('registers every bounded-use exception that still exists', () => {
    const sources = new Set(literals.map((literal) => String(literal.pattern)));
    for (const known of Object.keys(BOUNDED_USE)) assert.ok(sources.has(known), `${known} is no longer in the source: drop it from BOUNDED_USE`);
  });

  it('runs every regex literal in near-linear time on growing pathological input', () => {
    const failures: string[] = [];
    let worst = { ratio: 0, what: '' };
    for (const literal of literals) {
      const key = String(literal.pattern);
      if (key in BOUNDED_USE) continue;
      for (const [name, make] of Object.entries(PATHOLOGICAL)) {
        const ratio = growthRatio(runOver(literal.pattern, make(SMALL)), runOver(literal.pattern, make(SMALL * GROWTH)));
        const what = `${literal.file}:${literal.line} ${key} on ${name}`;
        if (ratio > worst.ratio) worst = { ratio, what };
        if (ratio > MAX_RATIO) failures.push(`${what}: x${ratio.toFixed(1)} for x${GROWTH} input`);
      }
    }
    console.log(`      ${literals.length} literals x ${Object.keys(PATHOLOGICAL).length} inputs; worst growth x${worst.ratio.toFixed(1)} (${worst.what})`);
    assert.deepEqual(failures, []);
  });

  it('knows every regex built at run time, and runs them on bounded windows', () => {
    // Patterns built at run time cannot be scanned; each file that builds them says why they are safe.
    const boundedBy: Record<string, string> = {
      'core/whoSaidIt.ts': 'windows of at most 300 characters of a turn (INTRODUCTION_, HANDOVER_, THANKS_WINDOW); timed by the whole-analysis checks',
      'core/bmpClasses.ts': 'one `\\p{X}+` run over the 63,488 characters of the Basic Multilingual Plane, once per property, with no backtracking',
      'core/parse/header.ts': 'date and time words, and title lines of at most 300 characters (TITLE_LINE_READ); built once, from the month and weekday names',
    };
    assert.deepEqual(
      [...constructed.keys()].sort(),
      Object.keys(boundedBy).sort(),
      'a file builds regular expressions at run time: check they see bounded input and register it here',
    );
    // lastWords looks at the last 80 characters only, whatever the span. The inputs are built (and
    // flattened, by reading a character) before timing: building them is not lastWords' work.
    for (const [name, make] of Object.entries(PATHOLOGICAL)) {
      const small = make(SMALL * 10);
      const large = make(SMALL * 10 * GROWTH);
      small.charCodeAt(small.length - 1);
      large.charCodeAt(large.length - 1);
      const ratio = growthRatio(
        () => lastWords(small, { start: 0, end: small.length }),
        () => lastWords(large, { start: 0, end: large.length }),
      );
      assert.ok(ratio < MAX_RATIO, `lastWords on ${name}: x${ratio.toFixed(1)}`);
    }
  });
});

/** Whole documents of pathological shape: the parser, every rule and who-said-it run on them. */
const PATHOLOGICAL_DOCUMENTS: Record<string, (n: number) => string> = {
  ...PATHOLOGICAL,
  'one long line of speech': (n) => `>> CHAIR: ${'we will, so the budget '.repeat(n / 23)}`,
  'deeply repeated labels': (n) => '>> CHAIR: CHAIR: CHAIR: x\n'.repeat(n / 26),
  'unlabelled turns naming speakers': (n) => ">> Thank you, Ana Ruiz. My name is Ana de la Cruz, I'm Tom from here.\n".repeat(n / 71),
  'handover sentences': (n) => `>> ${'I give the floor to Ana Ana Ana Ana '.repeat(n / 36)}\n>> Hello.`,
  'flattened colon text': (n) => `${'so. MR. HARVEY: yes. '.repeat(n / 21)}`,
  'unclosed annotations': (n) => ">> (inaudible\n(Captioner's note: [\n".repeat(n / 35),
  'mixed line endings': (n) => '>> A: x\r>> B: y\n>> C: z\r\n'.repeat(n / 24),
  timestamps: (n) => '[00:02:21]\n7:00 P.M.\n'.repeat(n / 21),
};

describe('whole analysis: near-linear on pathological documents', function () {
  this.timeout(0);
  const SMALL = 20_000;

  for (const [name, make] of Object.entries(PATHOLOGICAL_DOCUMENTS)) {
    it(`analyses ${name} in time proportional to its size`, () => {
      const ratio = growthRatio(
        () => analyzeText(make(SMALL)),
        () => analyzeText(make(SMALL * GROWTH)),
      );
      assert.ok(ratio < MAX_RATIO, `x${ratio.toFixed(1)} for x${GROWTH} input`);
    });
  }
});
