/**
 * The search page in the browser. Runs Pagefind on what the form says, keeps the search in the URL
 * (`?q=rare+earth&person=Scott+Bessent&sort=newest`) so it can be linked and survives a reload,
 * and lists results that land on the matched sentence with the words highlighted.
 */
import { formatDateValue } from './dates.ts';
import type { PageType } from './search.ts';
import { TYPE_LABELS } from './search-labels.ts';
import { bestPassage, type PagefindPassageData } from './search-passage.ts';

interface ResultData extends PagefindPassageData {
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface SearchResponse {
  results: { id: string; data: () => Promise<ResultData> }[];
}
type FilterCounts = Record<string, Record<string, number>>;
type Filters = Record<string, string | { any: string[] }>;
/** The part of Pagefind's browser API used here (pagefind.js ships no types). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(term: string | null, options: { filters: Filters; sort: Record<string, 'asc' | 'desc'> }, ms?: number): Promise<SearchResponse | null>;
  filters(): Promise<FilterCounts>;
}

/** The site's base path with a trailing slash ("/" or "/briefings/"). */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const PAGE_SIZE = 10;
const HIGHLIGHT_PARAM = 'pagefind-highlight';
const SORTS: Record<string, Record<string, 'asc' | 'desc'>> = { newest: { date: 'desc' }, oldest: { date: 'asc' } };

const $ = <T extends Element>(selector: string): T => document.querySelector<T>(selector)!;

export async function startSearchPage(): Promise<void> {
  const form = $<HTMLFormElement>('#search-form');
  const input = $<HTMLInputElement>('#search-q');
  const status = $<HTMLElement>('#search-status');
  const list = $<HTMLOListElement>('#search-results');
  const more = $<HTMLButtonElement>('#search-more');
  const options = $<HTMLDetailsElement>('#search-options');
  const entityInputs = [...form.querySelectorAll<HTMLInputElement>('input[data-entity-filter]')];
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[name]')];

  restoreForm(form, new URLSearchParams(location.search));
  if ([...new URLSearchParams(location.search).keys()].some((k) => k !== 'q')) options.open = true;

  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    // No web worker: it would be one more script (43 KB) to fetch before the first result, and
    // searching an index of this size on the main thread takes milliseconds.
    await pagefind.options({ baseUrl: base, highlightParam: HIGHLIGHT_PARAM, excerptLength: 30, noWorker: true });
  } catch {
    status.textContent = 'The search index is missing. It is made by `npm run build`; serve the built site with `npm run preview`.';
    return;
  }

  // Exact filter values, known once the filter lists are loaded (lazily: they can be large).
  let values: FilterCounts | null = null;
  const loadValues = async (): Promise<void> => {
    if (values) return;
    values = await pagefind.filters();
    for (const field of entityInputs) {
      const known = Object.entries(values[field.name] ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      field.list?.replaceChildren(...known.map(([value, n]) => new Option(`${n} page${n === 1 ? '' : 's'}`, value)));
    }
    for (const select of selects) {
      const known = Object.entries(values[select.name] ?? {});
      if (!known.length) continue;
      known.sort((a, b) => (select.name === 'year' ? b[0].localeCompare(a[0]) : a[0].localeCompare(b[0])));
      const chosen = select.value;
      select.replaceChildren(select.options[0]!, ...known.map(([value, n]) => new Option(`${value} (${n})`, value)));
      select.value = chosen;
    }
  };

  /** A typed name matched to its exact filter value ("scott bessent" → "Scott Bessent"). */
  const canonical = (name: string, typed: string): string => {
    const wanted = typed.trim().toLowerCase();
    return Object.keys(values?.[name] ?? {}).find((v) => v.toLowerCase() === wanted) ?? typed.trim();
  };

  let generation = 0;
  let shown: SearchResponse['results'] = [];

  const showMore = async (from: number, focus: boolean): Promise<void> => {
    const mine = generation;
    const page = await Promise.all(shown.slice(from, from + PAGE_SIZE).map((r) => r.data()));
    if (mine !== generation) return;
    const items = page.map(renderResult);
    list.append(...items);
    more.hidden = list.children.length >= shown.length;
    if (focus) items[0]?.querySelector('a')?.focus();
  };

  /** `typing`: a keystroke in the search box, which waits for a word of two letters or more. */
  const run = async (typing = false): Promise<void> => {
    // A lone first letter ("t", "tony b") would fetch every slice of the index for words that start with it.
    if (typing && /(^|\s)\S$/.test(input.value.trim())) return;
    const mine = ++generation;
    const params = formParams(form);
    history.replaceState(null, '', params.size ? `?${params}` : location.pathname);
    const term = input.value.trim();
    const filters: Filters = {};
    const types = params.getAll('type');
    if (types.length) filters.type = { any: types };
    for (const field of entityInputs) if (field.value.trim()) filters[field.name] = canonical(field.name, field.value);
    for (const select of selects) if (select.name !== 'sort' && select.value) filters[select.name] = select.value;
    if (!term && !Object.keys(filters).length) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      return;
    }
    const search = await pagefind.debouncedSearch(term || null, { filters, sort: SORTS[params.get('sort') ?? ''] ?? {} }, 200);
    if (!search || mine !== generation) return;
    shown = search.results;
    list.replaceChildren();
    await showMore(0, false);
    if (mine !== generation) return;
    status.textContent = describe(shown.length, term, Object.keys(filters).length > 0);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  form.addEventListener('input', (event) => {
    const field = event.target as HTMLInputElement;
    // A name filter applies once it is a whole known name, or when the field is left.
    if (field.dataset.entityFilter !== undefined && field.value && !(values?.[field.name]?.[canonical(field.name, field.value)])) return;
    void run(field === input);
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).dataset.entityFilter !== undefined) void run();
  });
  // Reset clears the fields after this event; search again once it has.
  form.addEventListener('reset', () => setTimeout(() => {
    input.value = new URLSearchParams(location.search).get('q') ?? '';
    void run();
  }));
  options.addEventListener('toggle', () => {
    if (options.open) void loadValues();
  });
  more.addEventListener('click', () => void showMore(list.children.length, true));
  input.addEventListener('focus', () => void pagefind.init(), { once: true });

  if (options.open) await loadValues();
  await run();
}

/** The form as URL parameters, empty fields left out. */
function formParams(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (typeof value === 'string' && value.trim()) params.append(key, value.trim());
  return params;
}

function restoreForm(form: HTMLFormElement, params: URLSearchParams): void {
  for (const field of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name], select[name]')) {
    if (field instanceof HTMLInputElement && field.type === 'checkbox') {
      field.checked = params.getAll(field.name).includes(field.value);
      continue;
    }
    const value = params.get(field.name);
    if (value === null) continue;
    // Outlet and year options arrive with the filter lists; keep a linked value selectable meanwhile.
    if (field instanceof HTMLSelectElement && ![...field.options].some((o) => o.value === value)) field.add(new Option(value, value));
    field.value = value;
  }
}

function describe(count: number, term: string, filtered: boolean): string {
  const what = `${term ? ` for “${term}”` : ''}${filtered ? ' with these filters' : ''}`;
  if (count === 0) return `No results${what}.${filtered ? ' Try clearing a filter.' : ' Try fewer or different words.'}`;
  return `${count} result${count === 1 ? '' : 's'}${what}.`;
}

/** Pagefind adds one highlight parameter per word; a search by filters alone has none worth keeping. */
function cleanUrl(url: string): string {
  const [path, hash] = url.split('#');
  const parsed = new URL(path!, location.origin);
  for (const value of parsed.searchParams.getAll(HIGHLIGHT_PARAM)) if (!value.trim()) parsed.searchParams.delete(HIGHLIGHT_PARAM, value);
  return `${parsed.pathname}${parsed.search}${hash ? `#${hash}` : ''}`;
}

function renderResult(data: ResultData): HTMLLIElement {
  const type = (data.filters.type?.[0] ?? 'briefing') as PageType;
  const passage = type === 'briefing' ? bestPassage(data) : { url: data.url, excerpt: data.excerpt };
  const li = document.createElement('li');

  const kind = document.createElement('p');
  kind.className = 'result-type';
  kind.textContent = TYPE_LABELS[type]?.singular ?? type;

  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = cleanUrl(passage.url);
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  li.append(kind, heading);

  // A date page's text is its date, already the title.
  if (passage.excerpt && type !== 'date') {
    const excerpt = document.createElement('p');
    excerpt.className = 'excerpt';
    // Safe: Pagefind escapes excerpts before adding <mark>, and so does bestPassage.
    excerpt.innerHTML = passage.excerpt;
    li.append(excerpt);
  }

  const meta = document.createElement('p');
  meta.className = 'result-meta';
  const date = data.meta.date;
  if (date && type !== 'date') {
    const time = document.createElement('time');
    time.dateTime = date;
    time.textContent = formatDateValue(date);
    const when = document.createElement('span');
    if (type !== 'briefing') when.append('Latest mention: ');
    when.append(time);
    meta.append(when);
  }
  const outlet = data.filters.outlet?.[0];
  if (type === 'briefing' && outlet) {
    const span = document.createElement('span');
    span.textContent = outlet;
    meta.append(span);
  }
  if (meta.childNodes.length) li.append(meta);
  return li;
}
