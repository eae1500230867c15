/**
 * Letters Unicode gives no decomposition, so neither NFKD nor FTS5's `remove_diacritics` turns them into
 * a base letter: "odegaard" would never find "Ødegaard", "dang" never "Đặng", "lodz" never "Łódź".
 * Both cases are listed because the full-text index folds these before its tokenizer lower-cases.
 * Migration 0004 holds a frozen copy of this list for the index; change both together (and re-index).
 */
export const UNDECOMPOSED_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ł: 'l',
  Ł: 'L',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ß: 'ss',
  ẞ: 'SS',
  ı: 'i',
  þ: 'th',
  Þ: 'TH',
  ħ: 'h',
  Ħ: 'H',
};

const UNDECOMPOSED = new RegExp(`[${Object.keys(UNDECOMPOSED_LETTERS).join('')}]`, 'gu');

/**
 * Replaces only the letters above, leaving case and accents to whoever reads the text next (the index's
 * unicode61 tokenizer, or `foldForSearch`). Every letter becomes letters, so word boundaries stay put.
 */
export function foldUndecomposed(value: string): string {
  return value.replace(UNDECOMPOSED, (letter) => UNDECOMPOSED_LETTERS[letter] ?? letter);
}

/**
 * Folds text for "type part of a name" matching in any script: case and accents are ignored, so "zoe"
 * finds "Zoë", "odegaard" finds "Ødegaard" and "nguyen" finds "Nguyễn", while 王小明 and محمد match
 * themselves. NFKD splits most accented letters; the map covers letters Unicode does not decompose.
 */
export function foldForSearch(value: string): string {
  return foldUndecomposed(value.normalize('NFKD').replace(/\p{M}/gu, ''))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
