import type { ItemDraft, SubscaleDraft } from './measure-draft';
import { slugKey } from '../slug-key';

/**
 * Keys as saved. An item or subscale that came with the measure keeps its key (results and charts
 * refer to it); a new item is `item<position>`, or the next free `item<n>` when that is taken.
 */
export function itemKeys(items: readonly ItemDraft[], reserved: readonly string[]): string[] {
  const taken = new Set([...reserved, ...items.flatMap((item) => (item.key === null ? [] : [item.key]))]);
  return items.map((item, index) => {
    if (item.key !== null) return item.key;
    let n = index + 1;
    while (taken.has(`item${n}`)) n += 1;
    const key = `item${n}`;
    taken.add(key);
    return key;
  });
}


/** A new subscale's key is a slug of its name, made unique among the measure's other keys. */
export function subscaleKeys(subscales: readonly SubscaleDraft[], reserved: readonly string[]): string[] {
  const taken = new Set([...reserved, ...subscales.flatMap((subscale) => (subscale.key === null ? [] : [subscale.key]))]);
  return subscales.map((subscale) => {
    if (subscale.key !== null) return subscale.key;
    const base = slugKey(subscale.label, 'subscale');
    let key = base;
    for (let n = 2; taken.has(key); n += 1) key = `${base.slice(0, 32 - `_${n}`.length)}_${n}`;
    taken.add(key);
    return key;
  });
}
