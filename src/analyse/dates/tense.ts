import type { Token } from '../types.ts';

/**
 * The tense that decides which way an underspecified date ("Friday", "in April") points. 'uncertain' is
 * a past-form modal ("could", "might"): as often a past ability ("could not be reached Friday") as a
 * possibility ahead ("could come Friday"), so the nearest reading. 'scheduled' is the present of an event
 * in a sentence with no past form, a timetable ("City host Rovers on Wednesday"): a weekday lies ahead.
 */
export type Tense = 'past' | 'present' | 'future' | 'uncertain' | 'scheduled' | null;

/** A word with its lower-cased text and Penn tag when a tagger has run. */
export interface Word {
  start: number;
  end: number;
  lower: string;
  pos: string | undefined;
  /** Whether it starts with a capital letter (A-Z). */
  capital: boolean;
}

const WORD_RE = /[A-Za-z]+(?:['’][A-Za-z]+)*|['’][a-z]+|\d+(?:[.,:/-]\d+)*|--|[;:,"“”()?!—–]/g;

/**
 * The words of a sentence, made from its tokens only as the tense reader reaches them: it looks at a few
 * words either side of a date, not the whole sentence.
 */
export class Words {
  readonly length: number;
  private readonly tokens: readonly Pick<Token, 'text' | 'start' | 'end' | 'pos'>[];
  private readonly made: (Word | undefined)[];

  constructor(tokens: readonly Pick<Token, 'text' | 'start' | 'end' | 'pos'>[]) {
    this.tokens = tokens;
    this.length = tokens.length;
    this.made = new Array<Word | undefined>(tokens.length);
  }

  /** Word i, or undefined outside the sentence. */
  at(i: number): Word | undefined {
    if (i < 0 || i >= this.length) return undefined;
    let w = this.made[i];
    if (w === undefined) {
      const t = this.tokens[i]!;
      const c = t.text.charCodeAt(0);
      w = { start: t.start, end: t.end, lower: t.text.toLowerCase().replace('’', "'"), pos: t.pos, capital: c >= 65 && c <= 90 };
      this.made[i] = w;
    }
    return w;
  }

  /** Where word i starts and ends, without making it. */
  startOf(i: number): number {
    return this.tokens[i]!.start;
  }
  endOf(i: number): number {
    return this.tokens[i]!.end;
  }
}

/** Words of a sentence: the tokenizer's tokens when present, else a regex split. */
export function wordsOf(text: string, tokens: readonly Token[]): Words {
  if (tokens.length > 0) return new Words(tokens);
  const split: Pick<Token, 'text' | 'start' | 'end' | 'pos'>[] = [];
  for (const m of text.matchAll(WORD_RE)) split.push({ text: m[0], start: m.index, end: m.index + m[0].length, pos: undefined });
  return new Words(split);
}

const MODALS = new Set(['will', "'ll", 'shall', 'would', "'d", 'wo', 'could', 'might', 'may', 'can', 'should', 'must', 'ca']);
/** Past forms of modals that say nothing sure about time. */
const UNCERTAIN_MODALS = new Set(['could', 'might']);
// Words that put what they govern ahead, whatever their own tense: "planned a rally on Saturday", "payable Dec. 15".
const FUTURE_CUES = new Set(['expected', 'scheduled', 'slated', 'planned', 'planning', 'plans', 'plan', 'intends', 'aims',
  'poised', 'likely', 'payable', 'upcoming', 'forthcoming', 'pending', 'next', 'effective', 'anticipated', 'proposed']);
// Verbs and adjectives whose "to"-infinitive points ahead: "plans to", "agreed to", "ready to", "has to".
const GOVERNOR = new RegExp('^(?:' + [
  'plan(?:s|ned|ning)?', 'expect(?:s|ed|ing)?', 'schedul(?:e|es|ed|ing)', 'slated', 'agree(?:s|d|ing)?', 'decid(?:e|es|ed|ing)',
  'intend(?:s|ed|ing)?', 'aim(?:s|ed|ing)?', 'hop(?:e|es|ed|ing)', 'want(?:s|ed|ing)?', 'seek(?:s|ing)?', 'sought',
  'promis(?:e|es|ed|ing)', 'threaten(?:s|ed|ing)?', 'vow(?:s|ed|ing)?', 'set', 'due', 'going', '(?:un)?likely', 'ready',
  'prepar(?:e|es|ed|ing)', 'vot(?:e|es|ed|ing)', 'pledg(?:e|es|ed|ing)', 'propos(?:e|es|ed|ing)', 'tr(?:y|ies|ied|ying)',
  'wait(?:s|ed|ing)?', 'about', 'poised', 'able', 'needs?', 'needed', 'has', 'have', 'had', 'is', 'are', 'was', 'were',
  'order(?:s|ed)', 'ask(?:s|ed)', 'urg(?:e|es|ed|ing)', 'wish(?:es|ed)?', 'allow(?:s|ed)?', 'permit(?:s|ted)?', 'forc(?:es|ed)',
  'requir(?:e|es|ed)', 'encourag(?:e|es|ed)', 'invit(?:e|es|ed)', 'determined', 'eager', 'willing', 'mov(?:e|es|ed|ing)',
  'refus(?:e|es|ed)', 'fail(?:s|ed)?', 'authori[sz](?:e|es|ed)', 'approv(?:e|es|ed)',
  // nouns of intent: "an agreement to acquire", "a deadline to submit"
  'agreements?', 'plans?', 'proposals?', 'offers?', 'bids?', 'deals?', 'efforts?', 'attempts?', 'decisions?', 'promises?',
  'requests?', 'deadlines?', 'permission', 'approval', 'chance', 'opportunity', 'intention', 'options?', 'commitments?',
].join('|') + ')$');
/** What is foreseen for a time lies ahead of the foreseeing. */
const OUTLOOKS = new Set(['forecast', 'forecasts', 'forecasting', 'predicted', 'outlook', 'guidance', 'projection', 'projections', 'projected']);
const PRESENT_AUX = new Set(['is', 'are', 'am', 'has', 'have', 'does', 'do', 'says', 'say']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', 'said']);
// Irregular past forms frequent in news; regular ones are caught by the -ed test.
const IRREGULAR_PAST = new Set(
  ('began became brought built bought came caught chose dealt drew drove ate fell felt fought found fled flew forgot ' +
    'froze gave got grew held hid hit hung kept knew laid led left lent lost made meant met paid put quit ran rang ' +
    'rose saw sold sent set shot shut sang sank sat slid spoke spent split spread stood stole struck swore took ' +
    'taught tore told thought threw understood won wore wrote withdrew overtook undertook upheld sought unveiled ' +
    'struck awoke bore beat bid broke burst cast cost cut forbade forgave let read rode shook shone slept ' +
    'stuck stung swept swam swung wept went wound clung flung dug spun sprang strode strove wove').split(' '),
);
// Words ending in -ed that are not verbs.
const NOT_ED_VERB = new Set(
  ('need bed red shed seed speed feed weed breed greed deed heed indeed hundred bled sled fled bred wed led fed ' +
    'united limited proceed exceed succeed embed naked wicked sacred rugged ragged kindred hatred wretched').split(' '),
);
const INFINITIVE_BLOCK = new Set(['the', 'a', 'an', 'be']);

type Group = 'past' | 'present' | 'future' | 'uncertain' | 'verb' | null;

/**
 * What a past governor says of its "to"-infinitive: what one had to, was forced to or managed to do is told as done
 * ("had to cancel flights on Thursday"); what one agreed to or was due to do may still lie ahead ("agreed to buy the
 * line in February"), so the nearest. Undefined when word i is no past form.
 */
function pastGovernor(words: Words, i: number): 'past' | 'uncertain' | undefined {
  const w = words.at(i);
  if (w === undefined) return undefined;
  const aux = words.at(i - 1)?.lower;
  const past = w.pos === 'VBD' || PAST_AUX.has(w.lower) ||
    ((w.pos === 'VBN' || w.pos === 'JJ' || w.pos === undefined) && (aux === 'was' || aux === 'were' || aux === 'had'));
  if (!past) return undefined;
  return DONE.has(w.lower) ? 'past' : 'uncertain';
}
/** Past governors whose infinitive tells what was done. */
const DONE = new Set(['had', 'forced', 'managed', 'tried', 'failed', 'refused', 'able', 'obliged', 'compelled', 'allowed', 'permitted', 'moved']);

/**
 * The word governing the "to" at word i when its infinitive looks ahead, or -1: right before it ("agreed to
 * admit"), or a verb before its object when not in a past form ("will ask the court to rule", "are urging both
 * sides to return"). After a past one the infinitive is mostly told of the past too ("invited him to attend the
 * inauguration in January"), but what a command orders is still the nearest.
 */
function governorOf(words: Words, i: number): number {
  const prev = words.at(i - 1);
  const next = words.at(i + 1);
  if (words.at(i)?.lower !== 'to' || prev === undefined || next === undefined || INFINITIVE_BLOCK.has(next.lower) || (next.pos !== undefined && next.pos !== 'VB')) return -1;
  if (GOVERNOR.test(prev.lower)) return i - 1;
  for (let j = i - 1; j >= 1 && j >= i - 4; j--) {
    if (!OBJECT_TAGS.has(words.at(j)!.pos ?? '')) return -1;
    const verb = words.at(j - 1)!.lower;
    if (OBJECT_GOVERNOR.test(verb)) return pastGovernor(words, j - 1) === undefined || COMMANDS.test(verb) ? j - 1 : -1;
  }
  return -1;
}
/** Verbs whose object does what the infinitive says: "urged them to", "told staff to", "allowed the bank to". */
const OBJECT_GOVERNOR = /^(?:urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|order(?:s|ed|ing)?|tell(?:s|ing)?|told|allow(?:s|ed|ing)?|permit(?:s|ted|ting)?|forc(?:e|es|ed|ing)|requir(?:e|es|ed|ing)|encourag(?:e|es|ed|ing)|invit(?:e|es|ed|ing)|expect(?:s|ed|ing)?|want(?:s|ed|ing)?|persuad(?:e|es|ed|ing)|advis(?:e|es|ed|ing)|instruct(?:s|ed|ing)?)$/;
/** What was ordered is still to be done when ordered, and may be now: "ordered him to report to prison by Feb. 2". */
const COMMANDS = /^(?:ordered|told|asked|urged|required|instructed)$/;
/** Tags of the words of a short object (tagged text only): "both sides", "the central bank", "them". */
const OBJECT_TAGS = new Set(['DT', 'PDT', 'PRP', 'PRP$', 'NN', 'NNS', 'NNP', 'NNPS', 'JJ', 'CD', 'POS']);

/** What the "to" at word i says: ahead when its governor looks ahead, unless that is a past form (see `pastGovernor`). */
function infinitive(words: Words, i: number): Group {
  const g = governorOf(words, i);
  return g < 0 ? null : pastGovernor(words, g) ?? 'future';
}

/** What word i says about tense, from its tag when tagged, else from the lexicon. */
function classify(words: Words, i: number): Group {
  const w = words.at(i)!;
  const next = words.at(i + 1)?.lower;
  const x = w.lower;
  // "Sales in May rose": inside a sentence, "May" is the month (or a name), never the modal
  if (x === 'may' && w.capital && i > 0) return null;
  if (UNCERTAIN_MODALS.has(x)) return 'uncertain';
  if (MODALS.has(x) || w.pos === 'MD') return 'future';
  if (x === 'to') return infinitive(words, i);
  if (FUTURE_CUES.has(x) && isCue(words, i)) return 'future';
  // "its forecast for the second quarter", "rain is forecast for Tuesday", "the outlook for 2027"
  if (next === 'for' && OUTLOOKS.has(x)) return 'future';
  if ((x === 'set' || x === 'going' || x === 'due') && (next === 'to' || next === 'for')) return x === 'due' && next === 'to' && governorOf(words, i + 1) < 0 ? null : 'future';
  // "is due in court on Friday", "due back on Monday": expected; what "was due" may or may not have come ("due process" is a noun's)
  if (x === 'due' && !/^NN/.test(words.at(i + 1)?.pos ?? '')) return PAST_AUX.has(words.at(i - 1)?.lower ?? '') ? 'uncertain' : 'future';
  if (PAST_AUX.has(x)) return 'past';
  if (PRESENT_AUX.has(x)) return 'present';
  if (w.pos !== undefined) {
    // (a capitalized "verb" inside the sentence is a name the tagger misread: "host Blackburn/VBN Rovers")
    if (w.capital && i > 0 && w.pos.startsWith('VB')) return null;
    if (w.pos === 'VBD') return 'past';
    if (w.pos === 'VBZ' || w.pos === 'VBP') return 'present';
    if (w.pos === 'VBN') return passiveInfinitive(words, i) ?? 'verb';
    // a bare base form or gerund says nothing until an auxiliary ("will", "is", a looking-ahead "to") is seen
    if (w.pos === 'VB' || w.pos === 'VBG') return auxBefore(words, i);
    return null;
  }
  if (IRREGULAR_PAST.has(x)) return 'past';
  if (x.length > 4 && x.endsWith('ed') && !NOT_ED_VERB.has(x)) return passiveInfinitive(words, i) ?? 'verb';
  return null;
}

/**
 * "next to the embassy" is a place, "the plan" announced is a thing: neither looks ahead; nor does a
 * participle that qualifies the subject of a past-tense clause.
 */
function isCue(words: Words, i: number): boolean {
  const w = words.at(i)!;
  const next = words.at(i + 1)?.lower;
  if (w.lower === 'next') return next !== 'to';
  // "rejected Boerse's proposed offer in December": after a possessive the participle only qualifies its noun, and a
  // past-tense verb before it tells when ("awaits the firm's planned listing in March" still looks ahead)
  if (w.pos !== undefined && (words.at(i - 1)?.lower === "'s" || words.at(i - 1)?.pos === 'POS') && pastBefore(words, i - 2)) return false;
  // "a match scheduled for Sunday was called off": a bare participle qualifies a noun, and when the clause's own
  // verb then tells of the past, the plan is history ("a summit scheduled for October" stays ahead). Taggers often
  // read such a participle right after its noun as a past tense ("a rally planned/VBD in the park for Sunday was").
  const prev = words.at(i - 1);
  const participle = w.pos === 'VBN' || (w.pos === 'VBD' && prev?.pos?.startsWith('NN') === true);
  if (participle && !AUX_BEFORE_PARTICIPLE.has(prev?.lower ?? '') && !DETERMINERS.has(prev?.lower ?? '')) {
    for (let j = i + 1; j < words.length && j <= i + 12; j++) {
      const x = words.at(j)!;
      if (BOUNDARY.has(x.lower) || x.lower === ',' || COORDINATORS.has(x.lower)) break;
      if (PAST_AUX.has(x.lower) || x.pos === 'VBD') return false;
    }
  }
  if (w.lower === 'plan' || w.lower === 'plans') {
    if (next === 'to' || next === 'for') return true;
    if (w.pos !== undefined) return w.pos.startsWith('VB');
    return !DETERMINERS.has(words.at(i - 1)?.lower ?? '');
  }
  return true;
}
/** Is the verb nearest before word i, within its clause and a few words, a past form? */
function pastBefore(words: Words, i: number): boolean {
  for (let j = i; j >= 0 && j > i - 8; j--) {
    const x = words.at(j)!;
    if (BOUNDARY.has(x.lower) || x.lower === ',' || CLAUSE_OPENERS.has(x.lower)) return false;
    if (x.pos === 'VBD' || PAST_AUX.has(x.lower)) return true;
    if (x.pos?.startsWith('VB') || x.pos === 'MD') return false;
  }
  return false;
}

/** "and", "or", "but": a verb after one is the participle's own, coordinated, not the clause's. */
const COORDINATORS = new Set(['and', 'or', 'but']);
const AUX_BEFORE_PARTICIPLE = new Set(['is', 'are', 'am', "'s", "'re", 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'not', "n't", 'now', 'also', 'still', 'already']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'new']);

/** "guidelines to be published", "a show to be aired": an event still to come. */
function passiveInfinitive(words: Words, i: number): Group | undefined {
  return words.at(i - 1)?.lower === 'be' && words.at(i - 2)?.lower === 'to' ? 'future' : undefined;
}

function auxBefore(words: Words, i: number): Group {
  const x = words.at(i - 1)?.lower;
  if (x === undefined) return null;
  if (x === 'to') return infinitive(words, i - 1);
  if (UNCERTAIN_MODALS.has(x)) return 'uncertain';
  if (MODALS.has(x) || x === 'is' || x === 'are' || x === 'am') return 'future';
  return x === 'was' || x === 'were' ? 'past' : null;
}

const BOUNDARY = new Set([';', ':', '"', '“', '”', '(', ')', '?', '!', '--', '—', '–']);
// Words that open a new clause: a verb further left belongs to another one.
const CLAUSE_OPENERS = new Set(['but', 'while', 'when', 'because', 'although', 'though', 'whereas', 'unless', 'if', 'that', 'which', 'who', 'where']);
const REACH = 32;

/**
 * The tense of the verb group nearest to the span [start, end): first looking left within the clause
 * (the verb that governs a following adverbial, "said on Friday"), then right ("On Friday the board
 * will vote", "but in March a judge ruled"). A modal or "to"-infinitive makes a group future, a
 * perfect or past form past.
 */
export function tenseAt(words: Words, start: number, end: number): Tense {
  let before = -1;
  let after = words.length;
  for (let i = 0; i < words.length; i++) {
    if (words.endOf(i) <= start) before = i;
    else if (words.startOf(i) >= end) { after = i; break; }
  }
  let back: Tense | undefined;
  for (let i = before, n = 0; i >= 0 && n < REACH; i--, n++) {
    const w = words.at(i)!;
    // a date in brackets ("will sail at dawn (6 a.m. Friday)") belongs to the clause around them
    if (w.lower === '(') continue;
    if (BOUNDARY.has(w.lower) || CLAUSE_OPENERS.has(w.lower) || (w.lower === ',' && words.at(i + 1)?.lower === 'and')) break;
    const c = classify(words, i);
    if (c) { back = timetabled(words, i, groupTense(words, i, c)); break; }
  }
  if (back !== undefined) return back;
  // past a comma lies another clause (", the minister said"), unless the date opens its own ("In April, a storm flooded")
  const opens = clauseInitial(words, before);
  for (let i = after, n = 0; i < words.length && n < REACH; i++, n++) {
    const w = words.at(i)!;
    // "In May the Harbour Board (HB) renamed": an aside in brackets is stepped over
    if (w.lower === '(') {
      const close = closingBracket(words, i);
      if (close > 0) { i = close; continue; }
    }
    if (BOUNDARY.has(w.lower) || (w.lower === ',' && !opens)) break;
    const c = classify(words, i);
    if (c) return timetabled(words, i, groupTense(words, i, c));
  }
  return null;
}

/**
 * 'scheduled' for a present tense that is an event verb's own (word i, tagged) in a sentence with no past form.
 * The tagger's verbs are checked: a "verb" after a determiner or an adjective is a noun ("a 4-0 win/VBP"), and an
 * irregular past it took for a noun ("chose/NN") or a bare participle ("councils visited/VBN") is a past form.
 */
function timetabled(words: Words, i: number, tense: Tense): Tense {
  const w = words.at(i)!;
  if (tense !== 'present' || (w.pos !== 'VBZ' && w.pos !== 'VBP') || PRESENT_AUX.has(w.lower) || w.lower.startsWith("'") || NOT_EVENTS.test(w.lower)) return tense;
  if (NOUN_BEFORE.has(words.at(i - 1)?.pos ?? '')) return tense;
  // within its main clause: "the physics prize was announced on Tuesday and the chemistry prize follows on Thursday"
  let lo = i;
  while (lo > 0 && !endsClause(words, lo - 1)) lo--;
  let hi = i + 1;
  while (hi < words.length && !endsClause(words, hi)) hi++;
  for (let j = lo; j < hi; j++) {
    const x = words.at(j)!;
    const participle = x.pos === 'VBN' && !PERFECT_OR_PASSIVE.has(words.at(j - 1)?.lower ?? '');
    if (x.pos === 'VBD' || participle || PAST_AUX.has(x.lower) || (IRREGULAR_PAST.has(x.lower) && !/^VB[PZ]?$/.test(x.pos ?? ''))) return tense;
  }
  return 'scheduled';
}
/** Whether word i joins two main clauses: a semicolon, or an "and" before a new subject ("and the", "and she"). */
function endsClause(words: Words, i: number): boolean {
  const w = words.at(i)!.lower;
  return w === ';' || (w === 'and' && /^(?:DT|PRP)$/.test(words.at(i + 1)?.pos ?? ''));
}

/** Tags before a noun, not before a verb. */
const NOUN_BEFORE = new Set(['DT', 'PRP$', 'POS', 'JJ', 'JJR', 'JJS', 'CD']);
/** Words before a participle that make it a perfect or a passive of the present ("has urged", "is held"). */
const PERFECT_OR_PASSIVE = new Set(['has', 'have', "'ve", 'is', 'are', 'am', "'s", "'re", 'be', 'been', 'being', 'get', 'gets']);
/** Present verbs that report, judge or describe a state rather than tell of a fixed event. */
const NOT_EVENTS = /^(?:says?|tells?|reports?|shows?|claims?|insists?|argues?|warns?|notes?|adds?|states?|announces?|confirms?|denies|deny|believes?|thinks?|knows?|seems?|appears?|remains?|expects?|wants?|needs?|hopes?|fears?|feels?|means?|looks?|suggests?|estimates?|predicts?|writes?|explains?|accepts?|admits?|agrees?|disagrees?|understands?|sees?|gets?|lacks?|owns?|holds?|costs?|includes?|contains?|depends?|represents?|accounts?|lies|lie|stands?|sits?|trades?|rises?|falls?|fall|rise|climbs?|drops?|gains?)$/;

/** The index of the ")" closing the "(" at word i within a few words, else -1. */
function closingBracket(words: Words, i: number): number {
  for (let j = i + 1; j < words.length && j <= i + 8; j++) {
    const x = words.at(j)!.lower;
    if (x === ')') return j;
    if (x === '(' || BOUNDARY.has(x)) return -1;
  }
  return -1;
}

const FILLERS = new Set(['not', "n't", 'also', 'still', 'already', 'just', 'be', 'been', 'being', 'have', "'ve", 'has', 'had', 'to', 'then', 'now', 'soon', 'again', 'never']);

/** Do at most two words (a preposition, a conjunction) stand between the clause start and word i + 1? */
function clauseInitial(words: Words, i: number): boolean {
  for (let n = 0; n <= 2; n++, i--) {
    const w = words.at(i);
    if (w === undefined || BOUNDARY.has(w.lower) || CLAUSE_OPENERS.has(w.lower) || w.lower === ',') return true;
  }
  return false;
}

/** Tense of the verb group ending at word i: auxiliaries precede the verb in English, so look left. */
function groupTense(words: Words, i: number, own: Group): Tense {
  if (own === 'future' || own === 'uncertain') {
    const nx = words.at(i + 1)?.lower;
    // "would have", "could have" + participle talk about the past
    return nx === 'have' || nx === "'ve" ? 'past' : own;
  }
  let past = own === 'past';
  let present = own === 'present';
  let perfect = false;
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const w = words.at(j)!;
    if (w.lower === 'has' || w.lower === 'have' || w.lower === "'ve") perfect = true;
    const c = classify(words, j);
    if (c === 'future' || c === 'uncertain') {
      const nx = words.at(j + 1)?.lower;
      return nx === 'have' || nx === "'ve" ? 'past' : c;
    }
    if (c === 'past') past = true;
    else if (c === 'present') present = true;
    else if (!FILLERS.has(w.lower) && !w.lower.endsWith('ly')) break;
  }
  if (past) return 'past';
  if (own === 'verb') {
    if (perfect || !present) return 'past'; // a bare participle ("the bill passed Friday") reads as past in news
    // "is meeting Friday" is a plan; "is held Friday" a present passive
    return words.at(i)!.pos === 'VBG' || words.at(i)!.lower.endsWith('ing') ? 'future' : 'present';
  }
  return present ? 'present' : null;
}
