import { createRequire } from 'node:module';
import { Font } from '@react-pdf/renderer';

/**
 * Noto Sans for Latin, Greek and Cyrillic, Noto Sans SC for Chinese and Noto Sans Arabic, as full TTF
 * files (the packages ship them whole; web-font packages split CJK into a hundred subsets). A run of
 * text falls back glyph by glyph through SUMMARY_FONT_FAMILIES, so "Zoë", "王小明" and "محمد" all
 * render in one line. Only the glyphs used are embedded, so a summary stays small.
 */
export const SUMMARY_FONT_FAMILIES = ['NotoSans', 'NotoSansSC', 'NotoSansArabic'];

const require = createRequire(import.meta.url);
const fontFile = (pkg: string, file: string) => require.resolve(`${pkg}/${file}`);

let registered = false;

export function registerSummaryFonts(): void {
  if (registered) return;
  Font.register({
    family: 'NotoSans',
    fonts: [
      { src: fontFile('@expo-google-fonts/noto-sans', '400Regular/NotoSans_400Regular.ttf'), fontWeight: 400 },
      { src: fontFile('@expo-google-fonts/noto-sans', '400Regular_Italic/NotoSans_400Regular_Italic.ttf'), fontWeight: 400, fontStyle: 'italic' },
      { src: fontFile('@expo-google-fonts/noto-sans', '700Bold/NotoSans_700Bold.ttf'), fontWeight: 700 },
    ],
  });
  // Chinese and Arabic have no italic; an italic label falls back to the upright letters.
  for (const [family, src] of [
    ['NotoSansSC', fontFile('@expo-google-fonts/noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf')],
    ['NotoSansArabic', fontFile('@expo-google-fonts/noto-sans-arabic', '400Regular/NotoSansArabic_400Regular.ttf')],
  ] as const) {
    Font.register({ family, fonts: [{ src }, { src, fontStyle: 'italic' }] });
  }
  // Names are never hyphenated; words only break at spaces.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
