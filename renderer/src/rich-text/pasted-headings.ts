import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/** The heading levels the editors offer (StarterKit's heading option); see rich-text-extensions.ts. */
export const HEADING_LEVELS = [2, 3] as const;

/**
 * Word's and web pages' heading levels mapped onto the two the editors offer. Without this, an <h1> or
 * <h4> has no parse rule: its text is kept but merges into the paragraph around it, so a heading reads
 * as part of the sentence before it. Word's Title and Subtitle paragraphs are headings too.
 */
const TARGET_LEVEL: Record<string, 2 | 3> = { H1: 2, H4: 3, H5: 3, H6: 3 };
const WORD_HEADING_CLASSES: Record<string, 2 | 3> = { MsoTitle: 2, MsoSubtitle: 3 };

export function headingsWithinLevels(html: string): string {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const levelOf = (element: Element): 2 | 3 | undefined =>
    TARGET_LEVEL[element.tagName] ?? (element.tagName === 'P' ? [...element.classList].map((name) => WORD_HEADING_CLASSES[name]).find(Boolean) : undefined);
  let changed = false;
  for (const element of [...parsed.body.querySelectorAll('h1, h4, h5, h6, p.MsoTitle, p.MsoSubtitle')]) {
    const level = levelOf(element);
    if (!level) continue;
    const heading = parsed.createElement(`h${level}`);
    heading.append(...element.childNodes);
    element.replaceWith(heading);
    changed = true;
  }
  return changed ? parsed.body.innerHTML : html;
}

export const PastedHeadings = Extension.create({
  name: 'pastedHeadings',
  addProseMirrorPlugins: () => [new Plugin({ key: new PluginKey('pastedHeadings'), props: { transformPastedHTML: headingsWithinLevels } })],
});
