/**
 * The RSS feeds: every briefing, and the briefings of each person, organization, place and issue
 * ("follow this issue"). @astrojs/rss writes and escapes the XML; this file chooses what goes in.
 */
import rss, { type RSSFeedItem } from '@astrojs/rss';
import { escape as escapeHtml } from 'html-escaper';
import type { EntityPage, Entry } from './corpus.ts';
import { briefingHref, href } from './urls.ts';

/** The feed of a page's path: `feedHref()` is the feed of every briefing, `feedHref('people/x')` that of one person. */
export const feedHref = (path = ''): string => `${href(path)}feed.xml`;

/** Newest first, and no more: readers poll feeds, so they stay small however large the corpus grows. */
const MAX_ITEMS = 50;
/** Sentences quoted in an entity feed's item: what the briefing says about it, in short. */
const MAX_SENTENCES = 3;

interface Feed {
  title: string;
  description: string;
  /** The page the feed follows, e.g. "issues/tariffs" ('' for the home page). */
  path: string;
  items: RSSFeedItem[];
}

function render({ title, description, path, items }: Feed, site: URL): Promise<Response> {
  return rss({
    title,
    description,
    site: new URL(href(path), site),
    items: items.slice(0, MAX_ITEMS),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    // Feed readers and validators expect the feed to name its own address.
    customData: `<atom:link href="${new URL(feedHref(path), site).href}" rel="self" type="application/rss+xml"/><language>en</language>`,
  });
}

const pubDate = (published: string | null): Date | undefined => (published ? new Date(`${published}T00:00:00Z`) : undefined);

export function briefingsFeed(briefings: Entry[], site: URL): Promise<Response> {
  return render({
    title: 'Briefings',
    description: 'The key facts of the news, cross-linked by people, issues and dates.',
    path: '',
    items: briefings.map(({ id, data }) => ({
      title: data.title,
      link: new URL(briefingHref(id), site).href,
      pubDate: pubDate(data.published),
      // RSS readers read a description as HTML: article text must arrive as text, never markup.
      description: escapeHtml(data.summary.join(' ')),
      categories: data.issues.map((i) => i.name),
    })),
  }, site);
}

export function entityFeed(page: EntityPage, site: URL): Promise<Response> {
  return render({
    title: `Briefings: ${page.name}`,
    description: `New briefings that mention ${page.name}.`,
    path: `${page.kind}/${page.id}`,
    items: page.appearances.map((a) => ({
      title: a.title,
      link: new URL(briefingHref(a.slug), site).href,
      pubDate: pubDate(a.published),
      description: escapeHtml(a.sentences.slice(0, MAX_SENTENCES).map((s) => s.text).join(' ')),
    })),
  }, site);
}
