/**
 * One fixed collation for every sort whose result is written out (slugs, ids, page order), so a
 * build does not depend on the machine's language settings.
 */
export const compareText: (a: string, b: string) => number = new Intl.Collator('en').compare;
