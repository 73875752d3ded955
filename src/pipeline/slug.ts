import transliterate from '@sindresorhus/transliterate';

/**
 * URL-safe, ASCII slugs: lower-case letters, digits and single hyphens. Letters of other scripts
 * are transliterated ("Łódź" → "lodz", "Москва" → "moskva") so names stay readable in addresses.
 */
export function slugify(text: string, max = 80): string {
  const ascii = transliterate(text.replace(/[’'`]/g, ''))
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= max) return ascii;
  const cut = ascii.slice(0, max);
  const hyphen = cut.lastIndexOf('-');
  return hyphen > max / 2 ? cut.slice(0, hyphen) : cut.replace(/-+$/, '');
}

/** Hands out unique slugs: the first claimant of a slug keeps it, later ones get -2, -3, ... */
export class SlugRegistry {
  private readonly taken = new Set<string>();
  private readonly fallback: string;
  constructor(fallback: string) {
    this.fallback = fallback;
  }
  claim(text: string): string {
    const base = slugify(text) || this.fallback;
    let slug = base;
    for (let n = 2; this.taken.has(slug); n++) slug = `${base}-${n}`;
    this.taken.add(slug);
    return slug;
  }
}
