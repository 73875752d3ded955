/**
 * A wire dateline before the lead: the place in capitals, maybe a date and the agency, then a dash
 * ("FRANKFURT (Reuters) - ", "LOS ANGELES — ", "WASHINGTON, Aug. 11 (AP) -- ").
 */
const DATELINE = /^(\p{Lu}[\p{Lu} .'’-]+\p{Lu})\.?(,\s*[\p{L}. ]{2,20}?(?:\s+\d{1,2})?)?\s*(\([^()]{1,40}\)\s*)?(?:--?|[—–:])\s+(?=[\p{Lu}"“‘'])/u;

export interface Dateline {
  /** Where the news begins. */
  end: number;
  /** Where the place in capitals ends. */
  placeEnd: number;
  /** Whether a date or an agency follows the place, which a label in capitals ("EXCLUSIVE:") lacks. */
  full: boolean;
}

/** The dateline a sentence opens with, as character offsets, or null. */
export function dateline(text: string): Dateline | null {
  const m = DATELINE.exec(text);
  return m ? { end: m[0].length, placeEnd: m[1]!.length, full: m[2] !== undefined || m[3] !== undefined } : null;
}
