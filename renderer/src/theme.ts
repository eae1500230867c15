import { createTheme, type MantineColorsTuple } from '@mantine/core';

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

export const theme = createTheme({
  primaryColor: 'sage',
  primaryShade: 8,
  colors: { sage },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
});
