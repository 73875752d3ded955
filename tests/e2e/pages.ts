/** One page of each type of a built site, for the accessibility tests and the screenshots. */
import fs from 'node:fs';
import path from 'node:path';

/** The page of a section with the most on it (the best covered person, the longest briefing...). */
function fullest(dist: string, dir: string): string {
  const [best] = fs.readdirSync(path.join(dist, dir))
    .filter((f) => fs.existsSync(path.join(dist, dir, f, 'index.html')))
    .map((f) => ({ f, size: fs.statSync(path.join(dist, dir, f, 'index.html')).size }))
    .sort((a, b) => b.size - a.size || a.f.localeCompare(b.f));
  if (!best) throw new Error(`no pages under ${dir}/`);
  return `${dir}/${best.f}/`;
}

/** Page type → path under the base, e.g. person → "people/donald-trump/". */
export function samplePages(dist: string): Record<string, string> {
  const briefing = fullest(dist, 'briefings');
  return {
    home: '',
    briefing,
    ...(fs.existsSync(path.join(dist, briefing, 'brief', 'index.html')) && { brief: `${briefing}brief/` }),
    person: fullest(dist, 'people'),
    organization: fullest(dist, 'organizations'),
    place: fullest(dist, 'places'),
    issue: fullest(dist, 'issues'),
    timeline: 'dates/',
    date: fullest(dist, 'dates'),
    ...(fs.existsSync(path.join(dist, 'search', 'index.html')) && { search: 'search/' }),
    'not found': 'no-such-page/',
  };
}
