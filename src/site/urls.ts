/** Links that work under any base path (a site served from /briefings/ as well as from /). */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** `href('people/donald-trump')` → "/base/people/donald-trump/". */
export function href(path = ''): string {
  const clean = path.replace(/^\/+/, '').replace(/\/?$/, path ? '/' : '');
  return `${base}${clean}`;
}

export const briefingHref = (slug: string, sentence?: string): string => `${href(`briefings/${slug}`)}${sentence ? `#${sentence}` : ''}`;
