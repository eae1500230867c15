/**
 * Folds text for "type part of a name" matching in any script: case and accents are ignored, so "zoe"
 * finds "Zoë", "odegaard" finds "Ødegaard" and "nguyen" finds "Nguyễn", while 王小明 and محمد match
 * themselves. NFKD splits most accented letters; the map covers letters Unicode does not decompose.
 */
const UNDECOMPOSED: Record<string, string> = {
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ı: 'i',
  þ: 'th',
  ħ: 'h',
};

export function foldForSearch(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øđðłæœßıþħ]/g, (letter) => UNDECOMPOSED[letter] ?? letter)
    .replace(/\s+/g, ' ')
    .trim();
}
