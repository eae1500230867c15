import StarterKit from '@tiptap/starter-kit';

/**
 * The editor offers exactly the nodes and marks shared/rich-text.ts accepts: paragraphs, headings,
 * lists, quotes, rules and line breaks; bold, italic, underline and strike. No links or code, so text
 * pasted from a web page or Word cannot bring them in (Tiptap drops what its schema does not know).
 */
export const richTextExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    link: false,
    code: false,
    codeBlock: false,
  }),
];
