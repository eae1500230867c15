import { preloadable, whenIdle } from '../lib/preloadable';

/*
 * The heavy parts of the client screens load on demand: the note editor and the client form carry
 * Tiptap and ProseMirror (about 400 KB), the Measures tab the charts (d3). The client list and the
 * client page's other tabs need none of them. They are fetched once the client screens have drawn and
 * the page is idle, so opening a note or the charts later does not wait for code.
 */
export const NotePage = preloadable(() => import('./NotePage').then((module) => module.NotePage));
export const NewClientPage = preloadable(() => import('./form/ClientFormPages').then((module) => module.NewClientPage));
export const EditClientPage = preloadable(() => import('./form/ClientFormPages').then((module) => module.EditClientPage));
export const MeasuresTab = preloadable(() => import('../measures/MeasuresTab').then((module) => module.MeasuresTab));

/** Fetches the on-demand client screens when the page is next idle; returns a cancel function. */
export function prefetchClientScreens(): () => void {
  return whenIdle(() => {
    for (const page of [MeasuresTab, NotePage, NewClientPage, EditClientPage]) void page.preload().catch(() => undefined);
  });
}
