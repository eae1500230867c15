import { createTheme, Drawer, Modal, Notification, type MantineColorsTuple } from '@mantine/core';

// A muted blue-green: calm enough for a room where hard conversations happen, with AA contrast on white.
const sage: MantineColorsTuple = [
  '#ecf7f5',
  '#dcebe8',
  '#b6d6cf',
  '#8cc0b5',
  '#6aad9f',
  '#54a191',
  '#479b8a',
  '#378777',
  '#2b786a',
  '#14685a',
];

/**
 * Chinese and Arabic come first, from the bundled Noto faces (fonts/script-fonts.css), whose
 * unicode-ranges leave Latin text to the desktop's own UI font. They cannot come after system-ui:
 * for a character system-ui's font lacks, Chromium on Linux goes straight to the operating system's
 * fonts and never reaches the families listed after it, so without a CJK font installed 陈美玲 showed
 * as three boxes. Each face loads only when such text is on screen.
 */
const UI_FONTS = '"Noto Sans SC", "Noto Sans Arabic", system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

// --- Accessibility: component defaults ---------------------------------------------------------------
// Close buttons are icon-only; without a name a screen reader announces just "button". Set here once so
// every modal, drawer and notification (including ones added later) gets a name.
const accessibleComponentDefaults = {
  Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
  Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close panel' } } }),
  Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } } }),
};
// --- end of accessibility defaults -------------------------------------------------------------------

export const theme = createTheme({
  primaryColor: 'sage',
  primaryShade: 8,
  colors: { sage },
  defaultRadius: 'md',
  fontFamily: UI_FONTS,
  // Mantine's headings have a font list of their own; a client's name is a heading.
  headings: { fontFamily: UI_FONTS, fontWeight: '650' },
  components: { ...accessibleComponentDefaults },
});

