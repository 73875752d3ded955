/**
 * Figures: percentages, sums of money, counts of things and measured quantities, found in the
 * raw sentence text (so offsets are exact whatever the tokenizer did) and checked against the
 * part-of-speech tags for the noun a count belongs to. Years, dates, times, ordinals, ages and
 * scores are not figures.
 */
import type { Figure, Sentence, Token } from '../types.ts';

const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const SCALE = 'hundred|thousand|million|billion|trillion|crore|lakh';
const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;
const WORD_NUMBER = `(?:${TENS})(?:[- ](?:${UNITS}))?|${TEENS}|${UNITS}`;
/** One word of a number written out ("ten", "thousand"). */
export const NUMBER_WORD = new RegExp(`^(?:${UNITS}|${TEENS}|${TENS}|${SCALE})$`, 'i');

const SPELLED_SCALE_SOURCE = String.raw`(?:[ -](?:${SCALE}|dozen))+(?![\p{L}])`;
// The core of a figure: digits, a number in words, "a million", or "thousands of". "a" and
// "an" are numbers only before a scale: the regex asks, as they are among the commonest words.
const NUCLEUS = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.,:/'’\-])(?:(?<digits>${DIGITS})|(?<words>(?:${WORD_NUMBER}|an?(?=${SPELLED_SCALE_SOURCE}))(?![\p{L}\-]))|(?<vague>(?:(?:tens|hundreds) of )?(?:dozens|hundreds|thousands|millions|billions) of(?= )))`,
  'giu',
);
// Scales glued to digits ("£20m", "$3bn", "5k") or spelled out after any number.
const GLUED_SCALE = /(?:bn|mn|tn|trn|m|b|k)(?![\p{L}\p{N}])/uy;
const SPELLED_SCALE = new RegExp(SPELLED_SCALE_SOURCE, 'iuy');
const RANGE = new RegExp(String.raw`(?:[-–—]| to )(?:[$£€¥₹])?(?:${DIGITS})(?:(?:bn|mn|tn|m|k)(?![\p{L}\p{N}]))?(?:(?: (?:${SCALE}))+(?![\p{L}]))?`, 'iuy');

const PERCENT = /(?: ?%| ?per ?cent(?![\p{L}])| ?percent(?![\p{L}])| percentage points?(?![\p{L}])|pc(?![\p{L}]))/iuy;
const CURRENCY_WORD =
  /(?: (?:(?:US|Hong Kong|Australian|Canadian|Singapore|New Zealand|Taiwan) )?(?:dollars?|euros?|pounds?(?: sterling)?|yuan|renminbi|yen|rupees?|roubles?|rubles?|francs?|pesos?|rand|reais|lira|dinars?|dirhams?|riyals?|shekels?|kronor|kronur|krona|krone|ringgit|baht|naira|cents?|pence)|p)(?![\p{L}])/uy;
const CURRENCY_CODE = / ?(?:USD|EUR|GBP|JPY|CNY|RMB|CHF|INR|AUD|CAD|HKD)(?![\p{L}])/uy;
const UNIT =
  /(?: ?(?:km\/h|km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|cm|mm|centimet(?:re|er)s?|millimet(?:re|er)s?|kg|kilo(?:gram)?s?|grams?|tonnes?|tons?|lbs?|ounces?|oz|lit(?:re|er)s?|gallons?|acres?|hectares?|sq(?:uare)? (?:km|kilomet(?:re|er)s|miles|met(?:re|er)s|feet)|feet|foot|ft|inches|yards?|mph|kph|knots?|degrees?(?: (?:Celsius|Fahrenheit|C|F))?|°[CF]?|GW|MW|kW|kWh|MWh|GWh|TWh|GB|MB|TB|Mbps|Gbps|GHz|MHz|calories|megawatts?|gigawatts?|kilowatts?)|[CF])(?![\p{L}\p{N}])/uy;
// Money before the number: "$", "US$ ", "£", "USD ", "Rs ".
const CURRENCY_BEFORE = /(?:(?<![\p{L}])(?:US|A|AU|C|CA|HK|NZ|S|NT|R)?[$£€¥₹₩]|(?<![\p{L}])(?:USD|EUR|GBP|JPY|CNY|RMB|CHF|INR|Rs\.?) ?) ?$/u;

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const MONTH_BEFORE = new RegExp(String.raw`(?<![\p{L}])${MONTH}\.? $`, 'iu');
const MONTH_AFTER = new RegExp(String.raw` (?:of )?${MONTH}(?![\p{L}])`, 'iuy');
const CLOCK_AFTER = /(?: ?[ap]\.?m\.?|:\d| o'clock)(?![\p{L}])/iuy;
// "No. 10", "number 10": a name, not an amount.
const NUMBER_SIGN_BEFORE = /(?:\bno\.|\bnumber|#) ?$/iu;
// Compounds such as "45-year-old" or "10-point" are adjectives, not figures.
const COMPOUND_AFTER = /-[\p{L}]/uy;
// Determiners before a small spelled number ("the two leaders") make it a reference, not a count.
const DETERMINER_BEFORE = /(?:(?<![\p{L}])(?:the|these|those|both|all|their|its|his|her|our|your|my|first|last|next|other)|\p{L}['’]s) $/iu;
// Durations and times belong to the dates stage; fractions ("two thirds") are no counts.
const NOT_COUNTED = /^(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|times|nights?|mornings?|evenings?|o'clock|am|pm|a\.m\.|p\.m\.|halves|thirds|quarters|[a-z]+ths)$/i;
const TITLE_CASE = /^\p{Lu}\p{Ll}+(?: \p{Lu}\S*)+$/u;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const CHANGE_BEFORE = /(?<![\p{L}])(?:rose|rise|fell|fall|increased|decreased|dropped|climbed|jumped|slipped|grew|declined|gained|lost|added|shed|up|down|by)(?: (?:a|an|some|about|nearly|almost|around|roughly|more than|over))? [$£€¥₹]?$/iu;
const YEAR_LIKE = /^(?:1[89]|20)\d\d$/;
const DAY_LIKE = /^(?:0?[1-9]|[12]\d|3[01])$/;

// Tags a count's noun may carry: modifiers first, a plural head last.
const MODIFIER_TAG = /^(?:JJ|JJR|JJS|VBN|NN|NNS|NNPS|VBG)$/;
const MAX_NOUN_WORDS = 4;

interface Match {
  end: number;
  kind: Figure['kind'];
}

function sticky(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : -1;
}

/** The first token starting at or after `at`; `from` is a hint, as figures come left to right. */
function tokenAt(tokens: Token[], at: number, from: number): number {
  let i = from;
  while (i < tokens.length && tokens[i]!.start < at) i++;
  return i;
}

/**
 * The noun a count belongs to, from the tokens after the number: up to four modifiers and nouns
 * ending in a plural noun ("1,200 new jobs"). Without tags, one lower-case word ending in "s".
 */
function countNoun(text: string, tokens: Token[], index: number, at: number): number {
  const first = tokens[index];
  if (!first || text.slice(at, first.start).trim() !== '') return -1;
  if (first.pos === undefined) {
    return /^[a-z]+s$/.test(first.text) && !NOT_COUNTED.test(first.text) ? first.end : -1;
  }
  for (let i = index; i < tokens.length && i < index + MAX_NOUN_WORDS; i++) {
    const token = tokens[i]!;
    if (!MODIFIER_TAG.test(token.pos ?? '')) return -1;
    if (token.pos !== 'NNS' && token.pos !== 'NNPS') continue;
    if (NOT_COUNTED.test(token.text)) return -1;
    const next = tokens[i + 1]?.pos;
    if (next !== 'NN' && next !== 'NNS' && next !== 'NNPS') return token.end;
  }
  return -1;
}

/** What was found left of the number, and where. */
interface Nucleus {
  start: number;
  end: number;
  digits: boolean;
  money: boolean;
  /** A spelled number after a determiner ("the two leaders") refers rather than counts. */
  reference: boolean;
}

function extend(sentence: Sentence, nucleus: Nucleus, hint: number): Match | null {
  const { text, tokens } = sentence;
  const { digits, money } = nucleus;
  let at = nucleus.end;
  if (digits) {
    const glued = sticky(GLUED_SCALE, text, at);
    if (glued !== -1) at = glued;
  }
  const spelled = sticky(SPELLED_SCALE, text, at);
  const scaled = spelled !== -1 || at !== nucleus.end;
  if (spelled !== -1) at = spelled;
  // "5,000 to 7,000", "10-12%": a range; but "fell 32,000 to 1.41 million" is a change and a level.
  if (digits) {
    const range = sticky(RANGE, text, at);
    const change = range !== -1 && text[at] === ' ' && CHANGE_BEFORE.test(text.slice(Math.max(0, nucleus.start - 24), nucleus.start));
    if (range !== -1 && !change) at = range;
  }
  // Glued letters that are no unit (ordinals, model names) rule the number out.
  if (/[\p{L}]/u.test(text[at] ?? '') && sticky(PERCENT, text, at) === -1 && sticky(UNIT, text, at) === -1 && sticky(CURRENCY_WORD, text, at) === -1) return null;
  if (sticky(CLOCK_AFTER, text, at) !== -1) return null;
  if (money) {
    const code = sticky(CURRENCY_CODE, text, at);
    return { end: code === -1 ? at : code, kind: 'money' };
  }
  if (sticky(COMPOUND_AFTER, text, at) !== -1) return null;
  const percent = sticky(PERCENT, text, at);
  if (percent !== -1) return { end: percent, kind: 'percent' };
  const currency = Math.max(sticky(CURRENCY_WORD, text, at), sticky(CURRENCY_CODE, text, at));
  if (currency !== -1) return { end: currency, kind: 'money' };
  if (digits && !scaled) {
    const unit = sticky(UNIT, text, at);
    if (unit !== -1) return { end: unit, kind: 'quantity' };
    const number = text.slice(nucleus.start, at);
    if (YEAR_LIKE.test(number) || DAY_LIKE.test(number) && sticky(MONTH_AFTER, text, at) !== -1) return null;
  }
  if (nucleus.reference) return null;
  const noun = countNoun(text, tokens, tokenAt(tokens, at, hint), at);
  // Every word capitalised and the number spelled out ("Six Nations"): a name, not a count.
  if (noun !== -1) return !digits && TITLE_CASE.test(text.slice(nucleus.start, noun)) ? null : { end: noun, kind: 'count' };
  // "unemployment rose to 1.41 million", "cases rose to 127,000": a spelled scale or a number
  // grouped in thousands is a figure even when the noun came before.
  return spelled !== -1 || (digits && GROUPED.test(text.slice(nucleus.start, nucleus.end))) ? { end: at, kind: 'count' } : null;
}

export function extractFigures(sentences: Sentence[]): Figure[] {
  const figures: Figure[] = [];
  for (const sentence of sentences) {
    const { text } = sentence;
    let hint = 0;
    NUCLEUS.lastIndex = 0;
    for (let m = NUCLEUS.exec(text); m; m = NUCLEUS.exec(text)) {
      const before = text.slice(Math.max(0, m.index - 8), m.index);
      const groups = m.groups!;
      const end = m.index + m[0].length;
      const word = groups.words?.toLowerCase();
      const scaleNext = sticky(SPELLED_SCALE, text, end) !== -1;
      // "one" too is a number only before a scale ("one billion").
      if (word === 'one' && !scaleNext) continue;
      if (NUMBER_SIGN_BEFORE.test(before) || DAY_LIKE.test(m[0]) && MONTH_BEFORE.test(before)) continue;
      const currency = groups.digits ? CURRENCY_BEFORE.exec(before) : null;
      const start = currency ? m.index - currency[0].length : m.index;
      hint = tokenAt(sentence.tokens, m.index, hint);
      const nucleus = {
        start: m.index,
        end,
        digits: groups.digits !== undefined,
        money: currency !== null,
        reference: word !== undefined && !scaleNext && DETERMINER_BEFORE.test(before),
      };
      const found = extend(sentence, nucleus, hint);
      if (!found) continue;
      figures.push({ text: text.slice(start, found.end), kind: found.kind, sentence: sentence.id, start, end: found.end });
      NUCLEUS.lastIndex = found.end;
    }
  }
  // A headline's figure that the text gives again is one figure, told where the text tells it.
  const titles = new Set(sentences.filter((s) => s.kind === 'title').map((s) => s.id));
  if (titles.size === 0) return figures;
  const inBody = new Set(figures.filter((f) => !titles.has(f.sentence)).map((f) => f.text));
  return figures.filter((f) => !titles.has(f.sentence) || !inBody.has(f.text));
}
