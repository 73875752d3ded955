/**
 * Quotes: the quoted words of an article with who said them. Attribution is read from the words
 * around each quote ("…,” X said / said X, <role> / X said: “…” / X wrote on … / according to X),
 * then from the paragraph before (a colon intro, or a quote paragraph carrying on the previous
 * speaker). Pronouns and roles resolve to the most recent fitting person or organization.
 */
import type { Entity, Quote, Sentence, Token } from '../types.ts';
import { agrees } from './gender.ts';
import { findQuoteSpans, type QuoteSpan } from './marks.ts';
import { isNoun } from '../issues/wordnet.ts';
import { isFiniteVerb } from '../text/pos.ts';
import { indexNames, type NamedKind, type NameFinder } from './names.ts';
import { FIRM_NOUNS, ORG_HEADS } from '../entities/lexicon.ts';

export { findQuoteSpans, type QuoteSpan } from './marks.ts';

const SPEECH_VERB = new Set(
  (
    'say says said saying tell tells told telling add adds added adding write writes wrote writing ' +
    'state states stated declare declares declared announce announces announced explain explains explained ' +
    'note notes noted insist insists insisted warn warns warned argue argues argued claim claims claimed ' +
    'ask asks asked reply replies replied respond responds responded continue continues continued ' +
    'post posts posted tweet tweets tweeted comment comments commented remark remarks remarked ' +
    'acknowledge acknowledges acknowledged admit admits admitted concede concedes conceded urge urges urged ' +
    'call calls called describe describes described stress stresses stressed emphasise emphasises emphasised ' +
    'emphasize emphasizes emphasized suggest suggests suggested predict predicts predicted recall recalls recalled ' +
    'reiterate reiterates reiterated confirm confirms confirmed deny denies denied quip quips quipped ' +
    'joke jokes joked boast boasts boasted complain complains complained conclude concludes concluded ' +
    'report reports reported reveal reveals revealed vow vows vowed pledge pledges pledged promise promises promised ' +
    'maintain maintains maintained caution cautions cautioned observe observes observed assert asserts asserted ' +
    'contend contends contended demand demands demanded exclaim exclaims exclaimed counter counters countered ' +
    'retort retorts retorted shout shouts shouted'
  ).split(' '),
);
// What may stand in a speaker's noun phrase ("the ministry's spokesman", "Treasury Secretary Jane Doe").
const NOUN_PHRASE_TAG = /^(?:NNP|NNPS|NN|NNS|JJ|DT|POS|PRP\$|CD|HYPH)$/;
// What may stand between a speaker and the verb ("has also said", "would later write").
const BETWEEN = /^(?:has|have|had|was|were|is|are|would|will|did|does|also|then|later|previously|repeatedly|again)$/i;
const PERSON_PRONOUN = /^(?:he|she)$/i;
const GROUP_PRONOUN = /^(?:it|they)$/i;
const DETERMINER = /^(?:the|a|an|this|that|its|their)\s+/i;
const MAX_SUBJECT = 8;
// A verb this far into the words after a quote still attributes it ("…,” Jane Doe, an analyst at X Bank, said).
const MAX_LEAD = 2 * MAX_SUBJECT;
// Scare quotes and single terms are not quotes.
const MIN_WORDS = 3;

interface Speaker {
  name: string | null;
  entity: Entity | null;
  kind: NamedKind | null;
}

const isVerb = (t: Token): boolean => SPEECH_VERB.has(t.text.toLowerCase()) && (t.pos === undefined || t.pos.startsWith('VB'));
const isNounish = (t: Token): boolean => (t.pos === undefined ? /[\p{L}\p{N}]/u.test(t.text) : NOUN_PHRASE_TAG.test(t.pos)) || t.text === '&';
const isPronoun = (t: Token): boolean => t.pos === 'PRP' || PERSON_PRONOUN.test(t.text) || GROUP_PRONOUN.test(t.text);
// Adverbs, auxiliaries, and -ly words WordNet knows no noun for (a tagger's "simply/NN").
const isSkippable = (t: Token): boolean =>
  t.pos === 'RB' || t.pos === 'MD' || BETWEEN.test(t.text) || (/^\p{Ll}+ly$/u.test(t.text) && !isNoun(t.text));

/**
 * The noun phrase ending at token `last`, from its determiner ("On Tuesday the ministry" → "the
 * ministry"), across prepositional phrases ("Jane Doe on Thursday", "the head of the agency").
 */
function nounPhraseBefore(tokens: Token[], last: number): Token[] {
  let j = last;
  const collect = (): void => {
    while (j >= 0 && last - j < MAX_SUBJECT && isNounish(tokens[j]!) && !isPronoun(tokens[j]!)) {
      j--;
      if (/^(?:DT|PRP\$)$/.test(tokens[j + 1]!.pos ?? '')) break;
    }
  };
  collect();
  while (j > 0 && j < last && tokens[j]!.pos === 'IN' && isNounish(tokens[j - 1]!) && !isPronoun(tokens[j - 1]!)) {
    j--;
    collect();
  }
  return tokens.slice(j + 1, last + 1);
}

const isProper = (phrase: Token[]): boolean => /^NNP/.test(phrase[0]!.pos ?? '');

/**
 * The noun phrase ending just before `verb` (skipping adverbs and auxiliaries), or a lone
 * pronoun; with an appositive, both phrases, the name first.
 */
function subjectBefore(tokens: Token[], verb: number): Token[][] {
  let j = verb - 1;
  while (j >= 0 && isSkippable(tokens[j]!)) j--;
  // (past an age set off by commas: "Jane Doe, 38, said")
  if (j >= 3 && tokens[j]!.text === ',' && /^\d{1,3}$/.test(tokens[j - 1]!.text) && tokens[j - 2]!.text === ',') j -= 3;
  if (j >= 0 && isPronoun(tokens[j]!)) return [[tokens[j]!]];
  // An appositive closed by a comma: "his lawyer, Ann Roe, said", "Ann Roe, his lawyer, said".
  if (j >= 3 && tokens[j]!.text === ',') {
    const inner = nounPhraseBefore(tokens, j - 1);
    const comma = j - 1 - inner.length;
    const outer = inner.length && tokens[comma]?.text === ',' ? nounPhraseBefore(tokens, comma - 1) : [];
    if (!outer.length) return [];
    // (the name is whichever is proper, the inner one when both are: "The U.S. Attorney for ..., Ann Roe, said")
    return isProper(outer) && !isProper(inner) ? [outer, inner] : [inner, outer];
  }
  const phrase = nounPhraseBefore(tokens, j);
  if (!phrase.length) return [];
  // "Jane Doe, the chief executive said": the name before an appositive is the better subject.
  if (tokens[j - phrase.length]?.text === ',' && /^(?:DT|JJ|NN|NNS)$/.test(phrase[0]!.pos ?? '')) {
    const name: Token[] = [];
    for (let k = j - phrase.length - 1; k >= 0 && /^NNP/.test(tokens[k]!.pos ?? '') && name.length < MAX_SUBJECT; k--) name.unshift(tokens[k]!);
    if (name.length) return [name, phrase];
  }
  return [phrase];
}

/** The noun phrase starting at `from` ("said Jane Doe, a lawyer" → "Jane Doe"). */
function subjectAfter(tokens: Token[], from: number): Token[][] {
  if (from < tokens.length && isPronoun(tokens[from]!)) return [[tokens[from]!]];
  let k = from;
  while (k < tokens.length && k - from < MAX_SUBJECT && isNounish(tokens[k]!)) k++;
  return k > from ? [tokens.slice(from, k)] : [];
}

/** Whether the clause after a speech verb reports speech of its own ("said the talks failed", "told the BBC that ..."). */
function reportsSpeech(tokens: Token[], verb: number): boolean {
  for (let k = verb + 1; k < tokens.length && !/^[,;:]$/.test(tokens[k]!.text); k++) {
    if (tokens[k]!.text.toLowerCase() === 'that' || isFiniteVerb(tokens[k]!.pos)) return true;
  }
  return false;
}

/**
 * Attribution in the words right after a quote: "…,” X said", "…,” said X", "…,” according to X".
 * After a quote that ends its own sentence, a subject and verb that report other words begin
 * a new statement ("…. Ann Roe, an economist, said the risks had grown") and attribute nothing.
 */
function attributionAfter(tokens: Token[], ended: boolean): Token[][] {
  let i = 0;
  while (i < tokens.length && /^[,.!?;:—–-]$/.test(tokens[i]!.text)) i++;
  if (tokens[i]?.text.toLowerCase() === 'according' && tokens[i + 1]?.text.toLowerCase() === 'to') return subjectAfter(tokens, i + 2);
  if (tokens[i] && isVerb(tokens[i]!)) return subjectAfter(tokens, i + 1);
  for (let v = i + 1; v < tokens.length && v <= i + MAX_LEAD; v++) {
    const token = tokens[v]!;
    if (isVerb(token)) {
      if (ended && reportsSpeech(tokens, v)) return [];
      const subject = subjectBefore(tokens, v);
      // The subject must reach back to the quote, or it belongs to another clause.
      return subject.some((phrase) => phrase[0] === tokens[i]) ? subject : [];
    }
    if (!isNounish(token) && !isPronoun(token) && !isSkippable(token) && token.text !== ',' && token.pos !== 'IN') return [];
  }
  return [];
}

/** Attribution in the words before a quote: the last speech verb's subject, or "according to X". */
function attributionBefore(tokens: Token[]): Token[][] {
  for (let v = tokens.length - 1; v >= 0; v--) {
    const token = tokens[v]!;
    if (token.text.toLowerCase() === 'according' && tokens[v + 1]?.text.toLowerCase() === 'to') return subjectAfter(tokens, v + 2);
    if (isVerb(token)) return subjectBefore(tokens, v);
  }
  return [];
}

/** Tokens of a sentence lying in [from, to). */
function between(sentence: Sentence, from: number, to: number): Token[] {
  return sentence.tokens.filter((t) => t.start >= from && t.end <= to);
}

function phraseText(sentence: Sentence, phrase: Token[]): string {
  return sentence.text.slice(phrase[0]!.start, phrase.at(-1)!.end);
}

interface Context {
  sentences: Sentence[];
  names: NameFinder;
  people: Entity[];
  organizations: Entity[];
  /**
   * People by every run of words in their roles ("president", "us president"), and
   * organizations by every word of their names ("ministry"): built when a speaker no name
   * resolves first asks.
   */
  byRole: Map<string, Entity[]> | null;
  byNameWord: Map<string, Entity[]> | null;
  /** Quoted ranges (marks included) per sentence index, so no antecedent is looked for inside a quote. */
  quoted: Map<number, [number, number][]>;
  /** Most recent speakers, for pronouns and carried-on quotes. */
  lastPerson: Speaker | null;
  lastGroup: Speaker | null;
}

function fromEntity(entity: Entity, kind: NamedKind): Speaker {
  return { name: entity.name, entity, kind };
}

/** The most recently mentioned entity that `fits`, at or before sentence `index`. */
function mostRecent(context: Context, entities: Entity[], index: number): Entity | null {
  let best: Entity | null = null;
  let bestAt = -1;
  for (const entity of entities) {
    const at = context.names.lastMention(entity, index);
    if (at > bestAt || at === bestAt && best && entity.mentions > best.mentions) {
      best = entity;
      bestAt = at;
    }
  }
  return best;
}

const words = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The first person (or else organization) named in `text`. */
function firstNamed(context: Context, text: string): Speaker | null {
  const hits = context.names.find(text).filter((h) => h.kind !== 'place');
  const hit = hits.find((h) => h.kind === 'person') ?? hits[0];
  return hit ? fromEntity(hit.entity, hit.kind) : null;
}

/** The person or organization a sentence opens with, within its first few words: its subject. */
function subjectOf(context: Context, index: number, kind: NamedKind): Speaker | null {
  const sentence = context.sentences[index]!;
  const reach = sentence.tokens[Math.min(4, sentence.tokens.length - 1)]?.start ?? 0;
  const hits = context.names.find(sentence.text).filter((h) => h.kind !== 'place');
  // (a name of another kind may modify it, with no verb between: "Lyon coach Paulo Fonseca said")
  const first = hits.find((h, k) => h.kind === kind && (k === 0 || (h.start <= reach && sentence.tokens.every((t) => t.start >= h.start || !NOT_IN_SUBJECT.test(t.pos ?? '')))));
  if (!first) return null;
  // (or the name set off after a short subject with no verb: "Kenya's health minister, Dr. Ana Ruiz, said")
  const setOff =
    APPOSED_SUBJECT.test(sentence.text.slice(0, first.start)) &&
    sentence.text.startsWith(',', first.end) &&
    sentence.tokens.every((t) => t.start >= first.start || !NOT_IN_SUBJECT.test(t.pos ?? ''));
  return first.start <= reach || setOff ? fromEntity(first.entity, kind) : null;
}
/** A subject of a few words and a comma, with a style perhaps ("Dr."), before a name. */
const APPOSED_SUBJECT = /^[^,"“”]{1,60},\s+(?:\p{Lu}\p{Ll}{0,3}\.\s+)?$/u;
/** Tags of a clause's own verb or a pronoun, which no such subject holds ("She thanked the woman she played, X,"). */
const NOT_IN_SUBJECT = /^(?:VBD|VBZ|VBP|VB|MD|PRP)$/;

function resolvePronoun(context: Context, pronoun: string, index: number, before: string): Speaker | null {
  const person = PERSON_PRONOUN.test(pronoun);
  if (!person && !GROUP_PRONOUN.test(pronoun)) return null;
  // "X hailed what he called …": a name earlier in the same sentence comes first.
  const kind: NamedKind = person ? 'person' : 'organization';
  // A person whose name or style says the other gender is passed over for one that fits; only
  // the most recent speaker is left out altogether (name lists err on names from abroad).
  const fits = (e: Entity | null | undefined): e is Entity => !!e && agrees(pronoun, e);
  const named = context.names.find(before).filter((h) => h.kind === kind);
  const near = named.filter((h) => fits(h.entity)).at(-1) ?? named.at(-1);
  if (near) return fromEntity(near.entity, kind);
  // Then the subject of the sentence before, told without quotes ("Lena Fisk urged calm. "...," she wrote.").
  const subject = index > 0 && !context.quoted.get(index - 1)?.length ? subjectOf(context, index - 1, kind) : null;
  if (subject) return subject;
  const last = person ? context.lastPerson : context.lastGroup;
  if (last && (!last.entity || fits(last.entity))) return last;
  const recent = mostRecent(context, (person ? context.people : context.organizations).filter(fits), index);
  return recent ? fromEntity(recent, kind) : null;
}

/** Entities by each key `keysOf` gives them, each entity once per key. */
function indexBy(entities: Entity[], keysOf: (e: Entity) => Iterable<string>): Map<string, Entity[]> {
  const index = new Map<string, Entity[]>();
  for (const entity of entities) {
    for (const key of new Set(keysOf(entity))) {
      const list = index.get(key);
      if (list) list.push(entity);
      else index.set(key, [entity]);
    }
  }
  return index;
}

/** Every run of consecutive words of a text ("us president" → "us", "president", "us president"). */
function* runsOf(text: string): Generator<string> {
  const w = words(text);
  for (let i = 0; i < w.length; i++) for (let j = i + 1; j <= w.length; j++) yield w.slice(i, j).join(' ');
}

/** What a possessive qualifies: "son Stephen" of "Mr Tarn's son Stephen". */
const POSSESSED = /^.+?\S['’]s?\s+(.+)$/u;
/** What carries its owner's own words: "Mr Tarn's statement said". */
const UTTERANCES = new Set(['statement', 'report', 'letter', 'minutes', 'website', 'blog', 'account', 'note', 'memo', 'filing', 'message', 'release', 'speech', 'book', 'column', 'article', 'post', 'tweet', 'interview', 'comments', 'remarks', 'testimony', 'submission', 'manifesto', 'memoir', 'autobiography', 'headline', 'editorial', 'ruling', 'judgment', 'judgement', 'decision', 'complaint', 'lawsuit', 'petition', 'motion', 'order']);

/** A speaker's phrase → a named entity, a role ("the president"), an institution ("the ministry"), or the phrase itself. */
function resolvePhrase(context: Context, phrase: string, index: number): Speaker | null {
  // (who a possessive qualifies speaks, not its owner: "Mr Tarn's son Stephen", "Quillmoor's chief executive")
  const owned = POSSESSED.exec(phrase);
  if (owned && !UTTERANCES.has(words(owned[1]!).at(-1) ?? '')) {
    const speaker = resolvePhrase(context, owned[1]!, index);
    return speaker?.entity ? speaker : { name: phrase.replace(DETERMINER, '').trim(), entity: null, kind: null };
  }
  const named = firstNamed(context, phrase);
  if (named) return named;
  const bare = phrase.replace(DETERMINER, '').trim();
  const key = words(bare).join(' ');
  if (!key) return null;
  context.byRole ??= indexBy(context.people, (e) => e.roles.flatMap((r) => [...runsOf(r)]));
  const person = mostRecent(context, context.byRole.get(key) ?? [], index);
  if (person) return fromEntity(person, 'person');
  context.byNameWord ??= indexBy(context.organizations, (e) => [e.name, ...e.aliases].flatMap(words));
  const head = key.split(' ').at(-1)!;
  const group = mostRecent(context, context.byNameWord.get(head) ?? [], index);
  if (group) return fromEntity(group, 'organization');
  // "the company said": the company the article is most about, among those named so far, not a
  // court or a ministry ("the firms" are more than one)
  if (FIRM_NOUNS.has(head) && !head.endsWith('s') && key === head) {
    const named = context.organizations.filter((e) => !ORG_HEADS.has(words(e.name).at(-1) ?? '') && context.names.lastMention(e, index) >= 0);
    const most = Math.max(0, ...named.map((e) => e.mentions));
    const firm = mostRecent(context, named.filter((e) => e.mentions === most), index);
    if (firm) return fromEntity(firm, 'organization');
  }
  return { name: bare, entity: null, kind: null };
}

/** The speaker of the first phrase that names a person, else of the first that names anyone, else of the last. */
function resolve(context: Context, sentence: Sentence, index: number, phrases: Token[][]): Speaker | null {
  let named: Speaker | null = null;
  let last: Speaker | null = null;
  for (const phrase of phrases) {
    const first = phrase[0]!;
    last = phrase.length === 1 && isPronoun(first)
      ? resolvePronoun(context, first.text, index, outsideQuotesBefore(context, index, first.start))
      : resolvePhrase(context, phraseText(sentence, phrase), index);
    if (last?.entity && last.kind === 'person') return last;
    if (last?.entity) named ??= last;
  }
  return named ?? last;
}

/** The text of sentence `index` before `at`, quotes left out. */
function outsideQuotesBefore(context: Context, index: number, at: number): string {
  const sentence = context.sentences[index]!;
  const ranges = context.quoted.get(index) ?? [];
  let text = '';
  let from = 0;
  for (const [start, end] of ranges) {
    if (start >= at) break;
    text += sentence.text.slice(from, start) + ' ';
    from = Math.max(from, end);
  }
  return text + sentence.text.slice(from, Math.max(from, at));
}

function isQuote(span: QuoteSpan): boolean {
  const count = words(span.text).length;
  // A short run of capitalised words is a title or a name ("The Art of the Deal"), not speech.
  return count >= MIN_WORDS && !(count <= 6 && /^(?:\p{Lu}\S*\s*)+$/u.test(span.text.replace(/\b(?:of|the|and|a|in|on|for|to)\b/g, 'X')) && !/[.!?]$/.test(span.text));
}

export function extractQuotes(sentences: Sentence[], entities: { people: Entity[]; organizations: Entity[] }): Quote[] {
  const spans = findQuoteSpans(sentences).filter(isQuote);
  if (!spans.length) return [];
  const names = indexNames(sentences, entities).finder;
  const quoted = new Map<number, [number, number][]>();
  for (const span of spans) {
    for (const piece of span.pieces) {
      const list = quoted.get(piece.sentence) ?? [];
      list.push([piece.start - 1, piece.end + 1]);
      quoted.set(piece.sentence, list);
    }
  }
  const context: Context = {
    sentences,
    names,
    people: entities.people,
    organizations: entities.organizations,
    byRole: null,
    byNameWord: null,
    quoted,
    lastPerson: null,
    lastGroup: null,
  };

  const quotes: Quote[] = [];
  let previous: { span: QuoteSpan; speaker: Speaker | null } | null = null;
  spans.forEach((span, n) => {
    const first = sentences[span.first]!;
    const last = sentences[span.last]!;
    const prior = spans[n - 1];
    const next = spans[n + 1];
    // Frames: the words outside quotes on either side, within the sentence.
    const beforeFrom = prior && prior.last === span.first ? prior.close + 1 : 0;
    const before = between(first, beforeFrom, span.open);
    const afterTo = next && next.first === span.last ? next.open : last.text.length;
    let after = span.close === -1 ? [] : between(last, span.close + 1, afterTo);
    // "…!” | He added." split into two sentences: the attribution is the next sentence.
    const following = sentences[span.last + 1];
    if (span.close !== -1 && after.length === 0 && following?.block === last.block && !(next && next.first === span.last + 1)) {
      after = following.tokens;
    }
    const afterSentence = after === following?.tokens ? following : last;
    const afterIndex = afterSentence === following ? span.last + 1 : span.last;

    let speaker: Speaker | null = null;
    const afterPhrases = attributionAfter(after, afterSentence === following || /[.!?]$/.test(span.text));
    if (afterPhrases.length) speaker = resolve(context, afterSentence, afterIndex, afterPhrases);
    if (!speaker) {
      const beforePhrases = attributionBefore(before);
      if (beforePhrases.length) speaker = resolve(context, first, span.first, beforePhrases);
    }
    if (!speaker && before.length === 0) speaker = carriedOn(context, span, previous);
    if (!speaker && before.length) speaker = firstNamed(context, outsideQuotesBefore(context, span.first, span.open));

    if (speaker?.kind === 'person') context.lastPerson = speaker;
    if (speaker?.kind === 'organization') context.lastGroup = speaker;
    previous = { span, speaker };
    quotes.push({
      speaker: speaker?.name ?? null,
      speakerId: speaker?.entity?.id ?? null,
      speakerKind: speaker?.entity ? speaker.kind as Quote['speakerKind'] : null,
      text: span.text.replace(/[,;:]$/, ''),
      sentence: first.id,
    });
  });
  return quotes;
}

/**
 * A quote that opens its sentence with no attribution of its own: a colon intro in the
 * sentence before ("X said:"), or the speaker of the quote just before it.
 */
function carriedOn(context: Context, span: QuoteSpan, previous: { span: QuoteSpan; speaker: Speaker | null } | null): Speaker | null {
  const intro = context.sentences[span.first - 1];
  if (intro?.kind === 'paragraph' && intro.text.trimEnd().endsWith(':') && !(previous && previous.span.last === span.first - 1)) {
    const phrases = attributionBefore(intro.tokens);
    if (phrases.length) return resolve(context, intro, span.first - 1, phrases);
  }
  if (!previous) return null;
  const gap = context.sentences[span.first]!.block - context.sentences[previous.span.last]!.block;
  return gap <= 1 ? previous.speaker : null;
}
