/**
 * The bottom line: two or three complete sentences that say what happened, chosen from the lead
 * and from the sentences that carry the article's central entities, issues, dates and figures;
 * and three to six key facts, the outlet's own summary when it gives one, else trimmed sentences
 * rich in dates and figures.
 */
import { findQuoteSpans } from '../quotes/marks.ts';
import { dateline } from '../text/dateline.ts';
import { isFiniteVerb } from '../text/pos.ts';
import type { Facts, Sentence, Token } from '../types.ts';

export interface Summary {
  summary: string[];
  keyFacts: string[];
  summarySource: 'outlet' | 'extracted';
}

const MIN_WORDS = 8;
const MAX_WORDS = 60;
const SUMMARY_WORDS = 80;
const MIN_FACTS = 3;
const MAX_FACTS = 6;
const FACT_WORDS = 30;
// Sentences this much alike in content words say the same thing twice.
const OVERLAP = 0.5;
// The opening paragraphs are where news says what happened: the first gets this head start over
// a sentence carrying the article's most central facts (which scores 1), each next one less.
const LEAD = 1.5;
const DECAY = 0.7;
// A third summary sentence must score at least this share of the second.
const THIRD = 0.6;
// Key facts score at least this share of the best one.
const FACT_FLOOR = 0.3;
// More of a sentence than this in quotation marks makes it a quote, not a statement of fact.
const QUOTED = 0.5;

const COMPLETE = /[.!]["”’)]?$/;
// A sentence that opens with a pronoun leans on the one before ("It also gives ...").
const LEANS_BACK = /^(?:it|he|she|they|this|these|those|his|her|its|their)\b/i;
const CONNECTIVE = /^(?:(?:but|and|so|yet)\s+|(?:however|meanwhile|nevertheless|nonetheless|still|also|in addition|moreover|furthermore|instead|separately|indeed),\s*)/i;
// Where a clause a bullet can lose begins: asides that follow the main statement.
const TRAILING_CLAUSE = /,\s+(?:which|who|whose|while|although|though|as|according to|with|after|before|amid|despite|\p{Ll}+ing)\b|\s+[—–-]\s+/gu;

// The dateline's place stays a fact of the article; the bottom line starts with the news.
const withoutDateline = (text: string): string => text.slice(dateline(text)?.end ?? 0);

// Words of a trimmed line, counted by its spaces: near enough for a length limit.
function wordCount(text: string): number {
  let count = 1;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) count++;
  return count;
}

const countsAsWord = (t: Token): boolean => {
  const c = t.text.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /^[\p{L}\p{N}]/u.test(t.text));
};

/** Words of a sentence, counted by its tokens. */
function lengthOf(sentence: Sentence): number {
  let count = 0;
  for (const t of sentence.tokens) if (countsAsWord(t)) count++;
  return count;
}

/** The longer words of a sentence, lower case: what two sentences must share to say the same. */
function contentOf(sentence: Sentence): Set<string> {
  const content = new Set<string>();
  for (const t of sentence.tokens) if (t.text.length > 3) content.add(t.text.toLowerCase());
  return content;
}

interface Scored {
  index: number;
  sentence: Sentence;
  score: number;
  /** Its content words, worked out when first compared. */
  content: Set<string> | null;
}

function quotedShare(sentences: Sentence[]): Map<number, number> {
  const share = new Map<number, number>();
  for (const span of findQuoteSpans(sentences)) {
    for (const piece of span.pieces) {
      const length = sentences[piece.sentence]!.text.length || 1;
      share.set(piece.sentence, (share.get(piece.sentence) ?? 0) + (piece.end - piece.start + 2) / length);
    }
  }
  return share;
}

/** Whether a sentence can stand in a summary: complete, a statement, prose rather than a quote or caption. */
/** Whether every quotation a sentence opens it also closes: a quote of several sentences is cut at one. */
function quotesClosed(text: string): boolean {
  let straight = 0;
  let curly = 0;
  for (const c of text) {
    if (c === '"') straight++;
    else if (c === '“') curly++;
    else if (c === '”') curly--;
  }
  return straight % 2 === 0 && curly === 0;
}

function standsAlone(sentence: Sentence, quoted: number, title: string): boolean {
  if (sentence.kind !== 'paragraph') return false;
  const text = sentence.text.trim();
  const count = lengthOf(sentence);
  if (count < MIN_WORDS || count > MAX_WORDS || !COMPLETE.test(text)) return false;
  if (/^["“‘']/.test(text) || quoted > QUOTED || !quotesClosed(text)) return false;
  // Lower case never makes a text shorter: a longer sentence is not the title.
  if (text.length <= title.length && text.toLowerCase() === title) return false;
  // A tagged sentence without a verb is a caption or a fragment.
  return sentence.tokens.every((t) => t.pos === undefined) || sentence.tokens.some((t) => t.pos !== undefined && (t.pos.startsWith('VB') || t.pos.startsWith('MD')));
}

function score(sentences: Sentence[], facts: Omit<Facts, 'summary' | 'keyFacts'>): Map<string, number> {
  const weight = new Map<string, number>();
  const add = (id: string, amount: number): void => void weight.set(id, (weight.get(id) ?? 0) + amount);
  const entities = [...facts.people, ...facts.organizations, ...facts.places];
  const most = Math.max(1, ...entities.map((e) => e.sentences.length));
  for (const e of entities) for (const id of e.sentences) add(id, e.sentences.length / most);
  for (const issue of facts.issues) for (const id of issue.sentences) add(id, issue.weight);
  // A date or a figure makes a sentence say something checkable; more than one adds little.
  const dated = new Set(facts.dates.map((d) => d.sentence));
  const counted = new Set(facts.figures.map((f) => f.sentence));
  for (const s of sentences) add(s.id, (dated.has(s.id) ? 0.5 : 0) + (counted.has(s.id) ? 0.5 : 0));
  return weight;
}

function overlaps(x: Scored, y: Scored): boolean {
  const a = (x.content ??= contentOf(x.sentence));
  const b = (y.content ??= contentOf(y.sentence));
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size)) > OVERLAP;
}

/**
 * A key fact from a sentence: connectives, parentheses and trailing asides cut, one line. The
 * cut goes no further than the last of `figures`: a bullet keeps the numbers it was chosen for.
 * Nor does it leave a subject without its verb: the clause after "Ana Ruiz, who chairs the
 * board," is no aside.
 */
export function keyFact(sentence: Sentence, figures: string[]): string {
  let fact = withoutDateline(sentence.text).replace(/\s*\([^)]*\)/g, '').replace(CONNECTIVE, '').trim();
  const keep = Math.max(0, ...figures.map((f) => fact.lastIndexOf(f) + f.length));
  const verbs = new Set(sentence.tokens.filter((t) => isFiniteVerb(t.pos)).map((t) => t.text));
  // `exec` on the one regex: `matchAll` would copy it for every fact.
  TRAILING_CLAUSE.lastIndex = 0;
  for (let clause = TRAILING_CLAUSE.exec(fact); clause; clause = TRAILING_CLAUSE.exec(fact)) {
    const cut = fact.slice(0, clause.index);
    if (clause.index >= keep && wordCount(cut) >= MIN_WORDS / 2 + 2 && cut.split(/[^\p{L}\p{N}]+/u).some((w) => verbs.has(w))) {
      fact = cut;
      break;
    }
  }
  fact = fact.replace(/[,;:\s]+$/, '');
  if (!/[.!?]["”’]?$/.test(fact)) fact += '.';
  return fact[0]!.toUpperCase() + fact.slice(1);
}

export function summarize(sentences: Sentence[], facts: Omit<Facts, 'summary' | 'keyFacts'>, outletSummary: string[] | null): Summary {
  const title = (sentences.find((s) => s.kind === 'title')?.text ?? '').trim().toLowerCase();
  const quoted = quotedShare(sentences);
  const weights = score(sentences, facts);
  // Each paragraph's place among the paragraphs: 0 for the lead.
  const paragraphs = new Map<number, number>();
  for (const s of sentences) if (s.kind === 'paragraph' && !paragraphs.has(s.block)) paragraphs.set(s.block, paragraphs.size);
  const candidates: Scored[] = [];
  sentences.forEach((sentence, index) => {
    if (standsAlone(sentence, quoted.get(index) ?? 0, title)) candidates.push({ index, sentence, score: 0, content: null });
  });
  const most = Math.max(1e-9, ...candidates.map((c) => weights.get(c.sentence.id) ?? 0));
  for (const c of candidates) c.score = (weights.get(c.sentence.id) ?? 0) / most + LEAD * DECAY ** paragraphs.get(c.sentence.block)!;

  const ranked = [...candidates].sort((a, b) => b.score - a.score);
  const chosen: Scored[] = [];
  let length = 0;
  for (const c of ranked) {
    if (chosen.length === 3) break;
    // "But …", "In addition to …", "It …" lean on what came before; a summary cannot.
    if (CONNECTIVE.test(c.sentence.text) || LEANS_BACK.test(c.sentence.text) || /^in addition to\b/i.test(c.sentence.text)) continue;
    const count = lengthOf(c.sentence);
    if (chosen.some((s) => overlaps(s, c))) continue;
    if (chosen.length >= 2 && (length + count > SUMMARY_WORDS || c.score < THIRD * chosen[1]!.score)) break;
    chosen.push(c);
    length += count;
  }
  const summary = chosen.sort((a, b) => a.index - b.index).map((c) => withoutDateline(c.sentence.text.trim()));

  const outlet = (outletSummary ?? []).map((s) => s.trim()).filter(Boolean);
  if (outlet.length) return { summary, keyFacts: outlet.slice(0, MAX_FACTS), summarySource: 'outlet' };

  // Key facts: what the summary does not already say, the sentences with the most facts first.
  const dated = new Set([...facts.dates.map((d) => d.sentence), ...facts.figures.map((f) => f.sentence)]);
  const pool = [...ranked.filter((c) => dated.has(c.sentence.id)), ...ranked.filter((c) => !dated.has(c.sentence.id))];
  let best = -1;
  const picked: { from: Scored; fact: string }[] = [];
  for (const c of pool) {
    if (picked.length === MAX_FACTS) break;
    if (chosen.includes(c) || chosen.some((s) => overlaps(s, c)) || LEANS_BACK.test(c.sentence.text)) continue;
    if (best < 0) best = c.score;
    if (picked.length >= MIN_FACTS && c.score < FACT_FLOOR * best) break;
    if (picked.some((p) => overlaps(p.from, c))) continue;
    const fact = keyFact(c.sentence, facts.figures.filter((f) => f.sentence === c.sentence.id).map((f) => f.text));
    if (wordCount(fact) <= FACT_WORDS) picked.push({ from: c, fact });
  }
  const keyFacts = picked.sort((a, b) => a.from.index - b.from.index).map((p) => p.fact);
  return { summary, keyFacts, summarySource: 'extracted' };
}
