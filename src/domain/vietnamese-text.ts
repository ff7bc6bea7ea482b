// Vietnamese names and text: NFC storage, name parts, the Vietnamese sort order, and diacritic-insensitive search.

export const nfc = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

export interface NameParts {
  familyName: string;
  middleName: string;
  givenName: string;
}

/** "Nguyễn Thị Minh Khai" → họ "Nguyễn", chữ lót "Thị Minh", tên "Khai". */
export function splitFullName(fullName: string): NameParts {
  const words = nfc(fullName).split(' ').filter(Boolean);
  if (words.length === 0) return { familyName: '', middleName: '', givenName: '' };
  if (words.length === 1) return { familyName: '', middleName: '', givenName: words[0]! };
  return {
    familyName: words[0]!,
    middleName: words.slice(1, -1).join(' '),
    givenName: words[words.length - 1]!,
  };
}

// Old-style tone placement (òa, òe, ùy) and new-style (oà, oè, uỳ) are both in use; fold to one for comparison.
const OLD_TO_NEW_TONE: Record<string, string> = {};
const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
for (const [first, second] of [
  ['o', 'a'],
  ['o', 'e'],
  ['u', 'y'],
]) {
  for (const tone of TONES) {
    OLD_TO_NEW_TONE[`${first}${tone}${second}`] = `${first}${second}${tone}`;
  }
}
// o/u + tone + a/e/y ending the syllable (not followed by another letter or mark).
const OLD_TONE_PATTERN = /([ou])(\u0300|\u0301|\u0303|\u0309|\u0323)([aey])(?!\p{L}|\p{M})/gu;

/** One spelling for both tone-placement styles (hòa/hoà, thúy/thuý), as NFC; for duplicate detection. */
export function foldTonePlacement(s: string): string {
  return s
    .normalize('NFD')
    .toLowerCase()
    .replace(
      OLD_TONE_PATTERN,
      (m, a: string, tone: string, b: string) => OLD_TO_NEW_TONE[`${a}${tone}${b}`] ?? m,
    )
    .normalize('NFC');
}

/** Search key: lower case, no diacritics, đ → d, single spaces. "Nguyễn Văn Đức" → "nguyen van duc". */
export function searchKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the text contains the query, ignoring case, diacritics and đ/d. */
export function matchesSearch(textValue: string, query: string): boolean {
  const q = searchKey(query);
  if (q === '') return true;
  return searchKey(textValue).includes(q);
}

const collator = new Intl.Collator('vi');

/** The Vietnamese way: by given name, then middle name, then family name (ICU order: a < ă < â, d < đ). */
export function compareVietnameseNames(a: NameParts, b: NameParts): number {
  return (
    collator.compare(foldTonePlacement(a.givenName), foldTonePlacement(b.givenName)) ||
    collator.compare(foldTonePlacement(a.middleName), foldTonePlacement(b.middleName)) ||
    collator.compare(foldTonePlacement(a.familyName), foldTonePlacement(b.familyName))
  );
}
