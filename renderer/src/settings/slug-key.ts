/**
 * "Safety plan" → "safety_plan": a data key from a label, accents dropped, always starting with a
 * letter and at most 32 characters (the key rule of templates and measures).
 */
export function slugKey(label: string, fallback: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const key = slug === '' ? fallback : /^[a-z]/.test(slug) ? slug : `s_${slug}`;
  return key.slice(0, 32).replace(/_+$/, '');
}
