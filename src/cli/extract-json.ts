/** The `extract --json` shape: one object per article, every fact with the sentence it came from. */
import { isTimeValue } from '../analyse/dates/index.ts';
import type { AnalysedArticle } from '../pipeline/types.ts';

export function toExtractJson({ clean, sentences, facts }: AnalysedArticle) {
  const textOf = new Map(sentences.map((s) => [s.id, s.text]));
  const entity = ({ id, name, aliases, roles, mentions, sentences: ids }: AnalysedArticle['facts']['people'][number]) => ({ id, name, aliases, roles, mentions, sentences: ids });
  const date = (d: AnalysedArticle['facts']['dates'][number]) => ({ text: d.text, value: d.value, mod: d.mod, sentenceId: d.sentence, sentence: textOf.get(d.sentence) ?? '' });
  return {
    source: clean.path,
    title: clean.meta.title,
    published: clean.meta.published,
    outlet: clean.meta.outlet,
    url: clean.meta.source,
    truncated: clean.truncated !== null,
    summary: facts.summary,
    summarySource: facts.summarySource,
    keyFacts: facts.keyFacts,
    people: facts.people.map(entity),
    organizations: facts.organizations.map(entity),
    places: facts.places.map(entity),
    issues: facts.issues.map(({ id, name, aliases, weight }) => ({ id, name, aliases, weight })),
    // TIMEX3 types: a day with its clock time ("9 a.m. Tuesday") is a TIME, listed apart from the DATEs.
    dates: facts.dates.filter((d) => !isTimeValue(d.value)).map(date),
    times: facts.dates.filter((d) => isTimeValue(d.value)).map(date),
    figures: facts.figures.map((f) => ({ text: f.text, kind: f.kind, sentenceId: f.sentence, sentence: textOf.get(f.sentence) ?? '' })),
    quotes: facts.quotes.map((q) => ({ speaker: q.speaker, speakerId: q.speakerId, text: q.text, sentenceId: q.sentence })),
  };
}
