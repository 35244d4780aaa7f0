// Scores the reader against the hand-made answer keys of test/fixtures/reader-keys (see its
// README): turns found, labels read exactly, titles, inaudible markers, broken turns and who said it,
// per file and per set (build, held out, external).
//
//   node out/scripts/reader-score.js [build|heldout|external|blind2|all] [--files] [--misses]
import * as fs from 'fs';
import * as path from 'path';
import { analyzeText } from '../server/src/core/check/analysis';
import { speakerKey } from '../server/src/core/speakers/speakers';
import { suggestLabels } from '../server/src/core/whoSaidIt';

const repoRoot = path.resolve(__dirname, '..', '..');
const keysDir = path.join(repoRoot, 'test', 'fixtures', 'reader-keys');
const corpusDir = process.env.VERBATIM_CORPUS ?? path.resolve(repoRoot, '..', 'shared', 'corpus');
// Transcripts of other publishers, kept outside the repository (the keys' MANIFEST.json says where each is from).
const outsideDir = process.env.VERBATIM_HELDOUT ?? path.resolve(repoRoot, '..', 'heldout');

/** Corpus files set aside while the reader of issue 11 was built (see the keys' README). */
export const HELD_OUT = new Set(['081', '084', '087', '090', '093']);
export const SETS = ['build', 'heldout', 'external', 'blind2'] as const;

interface KeyTurn {
  line: number;
  column?: number;
  label: string | null;
}
interface KeyMark {
  line: number;
  text?: string;
}
interface KeySpeaker {
  line: number;
  speaker: string;
}
export interface ReaderKey {
  file: string;
  title: string[] | null;
  turns: KeyTurn[];
  notLabels?: KeyMark[];
  sections?: KeyMark[];
  inaudible?: KeyMark[];
  broken?: KeyMark[];
  speakers?: KeySpeaker[];
}

export interface Tally {
  hit: number;
  expected: number;
  found: number;
}

export interface FileScore {
  file: string;
  set: string;
  turns: Tally;
  labels: { exact: number; matched: number };
  labelledNotLabels: number;
  title: { keyed: boolean; right: boolean; read: string | null; expected: string[] | null };
  inaudible: Tally;
  broken: Tally;
  speakers: { clear: number; named: number; wrong: number; unkeyed: number };
  misses: string[];
}

const tally = (): Tally => ({ hit: 0, expected: 0, found: 0 });

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (ch === 10 || ch === 13) starts.push(i + 1);
  }
  return starts;
}

function positionOf(starts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low] + 1 };
}

/** Labels compared as written, without Markdown emphasis, trailing colon and outer space. */
function cleanLabel(label: string | null): string | null {
  if (label === null) return null;
  return label.replace(/[*_]+/g, '').replace(/:$/, '').replace(/\s+/g, ' ').trim();
}

function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\u2026$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function titleRight(read: string | null, expected: string[]): boolean {
  if (expected.length === 0) return read === null;
  if (read === null) return false;
  const got = normaliseTitle(read);
  const shortened = read.endsWith('\u2026');
  return expected.some((title) => {
    const want = normaliseTitle(title);
    return got === want || (shortened && got.length >= 30 && want.startsWith(got));
  });
}

/** The same person: the same name, or part of it (`MILLIE` for Millie Tran, when the text says only "I'm Millie"). */
function sameSpeaker(suggested: string, expected: string): boolean {
  const expectedWords = new Set(speakerKey(expected).split(' '));
  return speakerKey(suggested)
    .split(' ')
    .every((word) => expectedWords.has(word));
}

export function scoreFile(key: ReaderKey, text: string, set: string): FileScore {
  const starts = lineStarts(text);
  const analysis = analyzeText(text);
  const { transcript } = analysis;
  const misses: string[] = [];
  const score: FileScore = {
    file: key.file,
    set,
    turns: tally(),
    labels: { exact: 0, matched: 0 },
    labelledNotLabels: 0,
    title: { keyed: key.title !== null, right: false, read: transcript.header?.title ?? null, expected: key.title },
    inaudible: tally(),
    broken: tally(),
    speakers: { clear: 0, named: 0, wrong: 0, unkeyed: 0 },
    misses,
  };

  // Turns: a key turn without a column is the turn whose marker (or label) starts its line's text.
  const parsed = transcript.turns.map((turn) => ({
    turn,
    at: positionOf(starts, turn.span.start),
    labelAt: turn.label ? positionOf(starts, turn.label.span.start) : null,
  }));
  const used = new Set<number>();
  const turnOfKey = new Map<KeyTurn, number>();
  for (const keyTurn of key.turns) {
    const candidates = parsed.filter((candidate, index) => !used.has(index) && (candidate.at.line === keyTurn.line || candidate.labelAt?.line === keyTurn.line));
    let match = candidates.find((candidate) =>
      keyTurn.column === undefined
        ? !candidate.turn.flattened || candidate.at.line === keyTurn.line
        : Math.abs(candidate.at.column - keyTurn.column) <= 4 || (candidate.labelAt !== null && Math.abs(candidate.labelAt.column - keyTurn.column) <= 1),
    );
    if (match === undefined && keyTurn.column === undefined) match = candidates[0];
    if (match === undefined) {
      misses.push(`turn missed at ${keyTurn.line}${keyTurn.column ? `:${keyTurn.column}` : ''} (${keyTurn.label ?? 'unlabelled'})`);
      continue;
    }
    const index = parsed.indexOf(match);
    used.add(index);
    turnOfKey.set(keyTurn, index);
    score.turns.hit++;
    score.labels.matched++;
    const read = cleanLabel(match.turn.label?.raw ?? null);
    if (read === cleanLabel(keyTurn.label)) score.labels.exact++;
    else misses.push(`label at ${keyTurn.line}: read ${JSON.stringify(read)}, key ${JSON.stringify(keyTurn.label)}`);
  }
  score.turns.expected = key.turns.length;
  score.turns.found = parsed.length;
  parsed.forEach((candidate, index) => {
    if (!used.has(index)) misses.push(`extra turn at ${candidate.at.line}:${candidate.at.column} (${candidate.turn.label?.raw ?? 'unlabelled'})`);
  });
  for (const mark of [...(key.notLabels ?? []), ...(key.sections ?? [])]) {
    if (
      parsed.some(
        (candidate) =>
          candidate.labelAt?.line === mark.line &&
          candidate.turn.label !== null &&
          mark.text !== undefined &&
          cleanLabel(mark.text)!.startsWith(cleanLabel(candidate.turn.label.raw)!),
      )
    ) {
      score.labelledNotLabels++;
      misses.push(`not a label, read as one at ${mark.line}: ${JSON.stringify(mark.text)}`);
    }
  }

  if (key.title !== null) {
    score.title.right = titleRight(score.title.read, key.title);
    if (!score.title.right) misses.push(`title read ${JSON.stringify(score.title.read)}, key ${JSON.stringify(key.title)}`);
  }

  // Inaudible markers: by line, one parsed marker per keyed one.
  const inaudible = transcript.annotations
    .filter((annotation) => annotation.kind === 'inaudible')
    .map((annotation) => ({ annotation, line: positionOf(starts, annotation.span.start).line }));
  score.inaudible.expected = key.inaudible?.length ?? 0;
  score.inaudible.found = inaudible.length;
  const inaudibleUsed = new Set<number>();
  for (const mark of key.inaudible ?? []) {
    const index = inaudible.findIndex((candidate, i) => !inaudibleUsed.has(i) && candidate.line === mark.line);
    if (index === -1) misses.push(`inaudible missed at ${mark.line}: ${mark.text}`);
    else {
      inaudibleUsed.add(index);
      score.inaudible.hit++;
    }
  }
  inaudible.forEach((candidate, i) => {
    if (!inaudibleUsed.has(i)) misses.push(`extra inaudible at ${candidate.line}: ${text.slice(candidate.annotation.span.start, candidate.annotation.span.end)}`);
  });

  // Broken turns: a finding whose last words take in the keyed line.
  const broken = analysis.findings
    .filter((finding) => finding.code === 'broken-turn')
    .map((finding) => ({
      from: positionOf(starts, finding.span.start).line,
      to: positionOf(starts, Math.max(finding.span.start, finding.span.end - 1)).line,
      message: finding.message,
    }));
  score.broken.expected = key.broken?.length ?? 0;
  score.broken.found = broken.length;
  const brokenUsed = new Set<number>();
  for (const mark of key.broken ?? []) {
    const index = broken.findIndex((candidate, i) => !brokenUsed.has(i) && candidate.from <= mark.line && mark.line <= candidate.to);
    if (index === -1) misses.push(`broken turn missed at ${mark.line}`);
    else {
      brokenUsed.add(index);
      score.broken.hit++;
    }
  }
  broken.forEach((candidate, i) => {
    if (!brokenUsed.has(i)) misses.push(`extra broken turn at ${candidate.to}: ${candidate.message.slice(0, 100)}`);
  });

  // Who said it: suggestions on the unlabelled turns the key says the text makes clear.
  const suggestions = suggestLabels(transcript);
  const keyedTurns = new Set<number>();
  for (const speaker of key.speakers ?? []) {
    score.speakers.clear++;
    const keyTurn = key.turns.find((turn) => turn.line === speaker.line);
    const index = keyTurn ? turnOfKey.get(keyTurn) : undefined;
    if (index === undefined) {
      misses.push(`who-said-it: turn at ${speaker.line} not read`);
      continue;
    }
    keyedTurns.add(index);
    const suggestion = suggestions.get(index);
    if (!suggestion) misses.push(`who-said-it: no suggestion at ${speaker.line} (${speaker.speaker})`);
    else if (sameSpeaker(suggestion.label, speaker.speaker)) score.speakers.named++;
    else {
      score.speakers.wrong++;
      misses.push(`who-said-it WRONG at ${speaker.line}: ${suggestion.label}, key ${speaker.speaker}`);
    }
  }
  for (const [index, suggestion] of suggestions) {
    if (keyedTurns.has(index)) continue;
    score.speakers.unkeyed++;
    misses.push(`who-said-it on a turn the key leaves unnamed, at ${positionOf(starts, transcript.turns[index].span.start).line}: ${suggestion.label}`);
  }
  return score;
}

export function loadKeys(set: string): { key: ReaderKey; text: string; set: string }[] {
  const loaded: { key: ReaderKey; text: string; set: string }[] = [];
  const read = (dir: string, textDir: string, setOf: (file: string) => string) => {
    if (!fs.existsSync(dir)) return;
    for (const name of fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.json') && file !== 'MANIFEST.json')
      .sort()) {
      const key = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as ReaderKey;
      const textPath = path.join(textDir, key.file);
      if (!fs.existsSync(textPath)) continue;
      const keySet = setOf(key.file);
      if (set === 'all' || set === keySet) loaded.push({ key, text: fs.readFileSync(textPath, 'utf8'), set: keySet });
    }
  };
  read(keysDir, corpusDir, (file) => (HELD_OUT.has(file.slice(0, 3)) ? 'heldout' : 'build'));
  read(path.join(keysDir, 'external'), path.join(outsideDir, 'external'), () => 'external');
  read(path.join(keysDir, 'blind2'), path.join(outsideDir, 'blind2'), () => 'blind2');
  return loaded;
}

export interface SetScore {
  files: number;
  turnRecall: number;
  turnPrecision: number;
  labelsExact: number;
  labelledNotLabels: number;
  titles: string;
  inaudibleRecall: number;
  inaudiblePrecision: number;
  brokenRecall: number;
  brokenPrecision: number;
  whoSaidIt: string;
  whoSaidItWrong: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);

export function summarise(scores: FileScore[]): SetScore {
  const sum = (pick: (score: FileScore) => number) => scores.reduce((total, score) => total + pick(score), 0);
  const titled = scores.filter((score) => score.title.keyed);
  return {
    files: scores.length,
    turnRecall: ratio(
      sum((s) => s.turns.hit),
      sum((s) => s.turns.expected),
    ),
    turnPrecision: ratio(
      sum((s) => s.turns.hit),
      sum((s) => s.turns.found),
    ),
    labelsExact: ratio(
      sum((s) => s.labels.exact),
      sum((s) => s.labels.matched),
    ),
    labelledNotLabels: sum((s) => s.labelledNotLabels),
    titles: `${titled.filter((s) => s.title.right).length}/${titled.length}`,
    inaudibleRecall: ratio(
      sum((s) => s.inaudible.hit),
      sum((s) => s.inaudible.expected),
    ),
    inaudiblePrecision: ratio(
      sum((s) => s.inaudible.hit),
      sum((s) => s.inaudible.found),
    ),
    brokenRecall: ratio(
      sum((s) => s.broken.hit),
      sum((s) => s.broken.expected),
    ),
    brokenPrecision: ratio(
      sum((s) => s.broken.hit),
      sum((s) => s.broken.found),
    ),
    whoSaidIt: `${sum((s) => s.speakers.named)}/${sum((s) => s.speakers.clear)}`,
    whoSaidItWrong: sum((s) => s.speakers.wrong + s.speakers.unkeyed),
  };
}

if (require.main === module) {
  const set = process.argv.find((arg) => [...SETS, 'all'].includes(arg)) ?? 'build';
  const scores = loadKeys(set).map(({ key, text, set: keySet }) => scoreFile(key, text, keySet));
  if (process.argv.includes('--files') || process.argv.includes('--misses')) {
    for (const score of scores) {
      console.log(
        `${score.file} [${score.set}] turns ${score.turns.hit}/${score.turns.expected} (found ${score.turns.found}), labels ${score.labels.exact}/${score.labels.matched}, title ${!score.title.keyed ? '-' : score.title.right ? 'ok' : 'WRONG'}, inaudible ${score.inaudible.hit}/${score.inaudible.expected} (found ${score.inaudible.found}), broken ${score.broken.hit}/${score.broken.expected} (found ${score.broken.found}), who ${score.speakers.named}/${score.speakers.clear} wrong ${score.speakers.wrong}+${score.speakers.unkeyed}`,
      );
      if (process.argv.includes('--misses')) for (const miss of score.misses) console.log(`    ${miss}`);
    }
  }
  for (const name of SETS) {
    const inSet = scores.filter((score) => score.set === name);
    if (inSet.length > 0) console.log(`${name}: ${JSON.stringify(summarise(inSet))}`);
  }
  const setAside = scores.filter((score) => score.set !== 'build');
  if (setAside.length > 0 && setAside.length < scores.length) console.log(`all set aside: ${JSON.stringify(summarise(setAside))}`);
}
