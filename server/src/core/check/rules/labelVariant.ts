import type { Label, Transcript } from '../../model';
import { speakerKey } from '../../speakers/speakers';
import { ITEMS_PER_STEP, type FileRule, type Fix, type RuleFinding, type RuleSettings } from './rule';

/** Role titles that name the same office; `CHAIR DESAI` and `CHAIRMAN DESAI` are one person. */
const ROLE_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['CHAIR', 'CHAIR'],
  ['CHAIRMAN', 'CHAIR'],
  ['CHAIRPERSON', 'CHAIR'],
  ['CHAIRWOMAN', 'CHAIR'],
]);
// Shorter names differ by one letter too often between real people (`JOHN`, `JOAN`); typos are only sought in longer ones.
const MIN_TYPO_LENGTH = 5;
const LONG_NAME_LENGTH = 10;
/** Typo checks between two spellings one step makes (each a few microseconds). */
const COMPARISONS_PER_STEP = 20_000;

type Relation = 'same' | 'typo' | 'role';

/** One way a label is written, and the turns that write it so. */
interface Spelling {
  raw: string;
  labels: Label[];
  firstTurn: number;
}

/** Spellings that differ only in case, spacing, punctuation or accents. */
interface Group {
  fold: string;
  spellings: Spelling[];
  count: number;
  firstTurn: number;
  /** The group this one is a typo or role variant of, after following the chain. */
  target: Group | null;
  relation: Relation;
}

export const labelVariantRule: FileRule<'label-variant'> = {
  code: 'label-variant',
  defaultSeverity: 'warning',
  description: 'A label that differs only in case, spacing, punctuation or a small typo from a more frequent label.',
  cheap: false,
  settings: ['labelCase'],
  example: '`HUNANE BOUJEMI` next to `HANANE BOUJEMI`',
  quickFixes: '**change this label** / **all variants** (case, spacing, punctuation); typos and role titles on request',
  scope: 'labels',
  *check({ transcript, settings }) {
    const { groups, groupOfTurn } = yield* groupLabels(transcript);
    yield* linkVariants(groups, groupOfTurn);
    // Every speaker (a group with the groups pointing at it) with more than one spelling gets one spelling.
    const members = new Map<Group, Group[]>();
    for (const group of groups) {
      const root = rootOf(group);
      const speakerGroups = members.get(root);
      if (speakerGroups) speakerGroups.push(group);
      else members.set(root, [group]);
    }
    const findings: RuleFinding[] = [];
    let sinceYield = 0;
    for (const [root, speakerGroups] of members) {
      const spellings = speakerGroups.flatMap((group) => group.spellings);
      if (spellings.length < 2) continue;
      const target = preferredSpelling(root, settings);
      const total = speakerGroups.reduce((sum, group) => sum + group.count, 0);
      const variants = speakerGroups.flatMap((group) => group.spellings.filter((spelling) => spelling.raw !== target).map((spelling) => ({ spelling, group })));
      const allEdits = variants.flatMap(({ spelling }) => spelling.labels.map((label) => ({ span: label.span, newText: target })));
      const allSafe = variants.every(({ group }) => group.relation === 'same');
      for (const { spelling, group } of variants) {
        const how =
          group.relation === 'same'
            ? 'differs only in case, spacing or punctuation from'
            : group.relation === 'typo'
              ? 'looks like a misspelling of'
              : 'names the same role and person as';
        for (const label of spelling.labels) {
          // Case and punctuation variants are certainly one speaker; a typo or a role title is a judgement, so not in fix-all.
          const fixes: Fix[] = [{ title: `Change label to ${target}`, edits: [{ span: label.span, newText: target }], safe: group.relation === 'same', preferred: true }];
          if (allEdits.length > 1) fixes.push({ title: `Change all ${allEdits.length} variant labels to ${target}`, edits: allEdits, safe: allSafe });
          findings.push({ span: label.span, message: `Label "${spelling.raw}" ${how} "${target}" (${total} turns for this speaker).`, fixes });
        }
      }
      sinceYield += spellings.length;
      if (sinceYield >= ITEMS_PER_STEP) {
        sinceYield = 0;
        yield;
      }
    }
    return findings;
  },
};

/** The labels grouped by how they fold, and each labelled turn's group (court `Q.` / `A.` are not names). */
function* groupLabels(transcript: Transcript): Generator<void, { groups: Group[]; groupOfTurn: (Group | undefined)[] }> {
  const spellings = new Map<string, Spelling>();
  const spellingOfTurn: (Spelling | undefined)[] = [];
  for (let first = 0; first < transcript.turns.length; first += ITEMS_PER_STEP) {
    for (const turn of transcript.turns.slice(first, first + ITEMS_PER_STEP)) {
      if (!turn.label || turn.markerKind === 'question' || turn.markerKind === 'answer') continue;
      const raw = turn.label.raw;
      let spelling = spellings.get(raw);
      if (spelling) spelling.labels.push(turn.label);
      else spellings.set(raw, (spelling = { raw, labels: [turn.label], firstTurn: turn.index }));
      spellingOfTurn[turn.index] = spelling;
    }
    yield;
  }
  const groups = new Map<string, Group>();
  const groupOfSpelling = new Map<Spelling, Group>();
  for (const spelling of spellings.values()) {
    const fold = foldLabel(spelling.raw);
    if (fold.length === 0) continue;
    let group = groups.get(fold);
    if (group) {
      group.spellings.push(spelling);
      group.count += spelling.labels.length;
    } else {
      groups.set(fold, (group = { fold, spellings: [spelling], count: spelling.labels.length, firstTurn: spelling.firstTurn, target: null, relation: 'same' }));
    }
    groupOfSpelling.set(spelling, group);
  }
  yield;
  const groupOfTurn = spellingOfTurn.map((spelling) => (spelling ? groupOfSpelling.get(spelling) : undefined));
  return { groups: [...groups.values()], groupOfTurn };
}

/** Case, spacing, punctuation and accents folded away: `Ms. McCann`, `MS MCCANN` and `MS. MC CANN` are alike. */
export function foldLabel(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Points each group at the more frequent group it is a typo or role variant of. */
function* linkVariants(groups: Group[], groupOfTurn: readonly (Group | undefined)[]): Generator<void> {
  const byCount = [...groups].sort((a, b) => b.count - a.count || a.firstTurn - b.firstTurn);
  const rank = new Map(byCount.map((group, index) => [group, index]));
  const roles = new Map(groups.map((group) => [group, roleForm(group.spellings[0].raw)]));
  const adjacentRoles = adjacentRolePairs(groupOfTurn);
  yield;
  // Comparing every pair of spellings is quadratic: hundreds of spellings take steps of their own.
  let comparisons = 0;
  for (const group of groups) {
    for (const other of byCount) {
      // Only a more frequent group (or an equally frequent, earlier one) can be the right spelling.
      if (rank.get(other)! >= rank.get(group)!) break;
      comparisons++;
      const role = roles.get(group)!;
      const otherRole = roles.get(other)!;
      if (role.form !== null && role.form === otherRole.form && (role.named || !adjacentRoles.has(pairKey(group, other)))) {
        group.target = other;
        group.relation = 'role';
        break;
      }
      if (isTypo(group.fold, other.fold)) {
        group.target = other;
        group.relation = 'typo';
        break;
      }
    }
    if (comparisons >= COMPARISONS_PER_STEP) {
      comparisons = 0;
      yield;
    }
  }
}

function rootOf(group: Group): Group {
  let root = group;
  // The chain only goes towards more frequent groups, so it ends; the bound guards the loop anyway.
  for (let steps = 0; root.target && steps < 50; steps++) root = root.target;
  return root;
}

/** The most frequent spelling; with upper-case labels, the most frequent one already in capitals, if any. */
function preferredSpelling(root: Group, settings: RuleSettings): string {
  const byUse = [...root.spellings].sort((a, b) => b.labels.length - a.labels.length || a.firstTurn - b.firstTurn);
  if (settings.labelCase === 'as-written') return byUse[0].raw;
  return (byUse.find((spelling) => spelling.raw === spelling.raw.toUpperCase()) ?? byUse[0]).raw.toUpperCase();
}

/** A label's role title replaced by its office (`THE CHAIRMAN` → `CHAIR`); `form` is null without a role title. */
function roleForm(raw: string): { form: string | null; named: boolean } {
  const words = speakerKey(raw).replace(/[.,]/g, '').split(' ');
  if (words[0] === 'THE') words.shift();
  const office = ROLE_SYNONYMS.get(words[0] ?? '');
  if (!office) return { form: null, named: false };
  return { form: foldLabel([office, ...words.slice(1)].join(' ')), named: words.length > 1 };
}

/** Bare role labels that answer each other (`CHAIR` right after `CHAIRMAN`) are two people, not one. */
function adjacentRolePairs(groupOfTurn: readonly (Group | undefined)[]): Set<string> {
  const pairs = new Set<string>();
  let previous: Group | undefined;
  // Every turn counts, unlabelled ones included: they break adjacency.
  for (let index = 0; index < groupOfTurn.length; index++) {
    const group = groupOfTurn[index];
    if (group && previous && group !== previous) pairs.add(pairKey(group, previous));
    previous = group;
  }
  return pairs;
}

function pairKey(a: Group, b: Group): string {
  return a.fold < b.fold ? `${a.fold}\u0000${b.fold}` : `${b.fold}\u0000${a.fold}`;
}

/** A small typo: one edit (two in long names), the same digits (`SPEAKER 1` is not `SPEAKER 2`). */
function isTypo(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < MIN_TYPO_LENGTH || a.replace(/\D/g, '') !== b.replace(/\D/g, '')) return false;
  return editDistanceWithin(a, b, shorter >= LONG_NAME_LENGTH ? 2 : 1);
}

/** Levenshtein distance at most `limit`, computed in a band of width 2·limit+1 (linear in the length). */
function editDistanceWithin(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  const beyond = limit + 1;
  let previous = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j <= limit ? j : beyond;
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(beyond);
    current[0] = i <= limit ? i : beyond;
    let rowMinimum = current[0];
    for (let j = Math.max(1, i - limit); j <= Math.min(b.length, i + limit); j++) {
      const substitution = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(beyond, substitution, previous[j] + 1, current[j - 1] + 1);
      rowMinimum = Math.min(rowMinimum, current[j]);
    }
    if (rowMinimum > limit) return false;
    previous = current;
  }
  return previous[b.length] <= limit;
}
