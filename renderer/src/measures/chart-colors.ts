import { PALETTE_SIZE } from '../../../shared/measures/chart-style';

/**
 * Line colours by palette slot (see shared/measures/chart-style): Mantine variables, so they follow the
 * light and dark colour schemes. Slot 0 is the text colour, which reads on either background.
 */
const PALETTE = [
  'var(--mantine-color-text)',
  'var(--mantine-color-orange-6)',
  'var(--mantine-color-blue-6)',
  'var(--mantine-color-grape-6)',
  'var(--mantine-color-teal-6)',
  'var(--mantine-color-pink-6)',
  'var(--mantine-color-cyan-6)',
  'var(--mantine-color-lime-7)',
] as const;

export const paletteColor = (slot: number): string => PALETTE[slot % PALETTE_SIZE] ?? 'currentColor';

/** Band tints from fine (0) to most concerning (4): the schemes' "light" variants, pale on white and deep on dark. */
export const BAND_COLORS = [
  'var(--mantine-color-teal-light)',
  'var(--mantine-color-lime-light)',
  'var(--mantine-color-yellow-light)',
  'var(--mantine-color-orange-light)',
  'var(--mantine-color-red-light)',
];

export const CUTOFF_COLOR = 'var(--mantine-color-red-6)';
export const RUPTURE_COLOR = 'var(--mantine-color-orange-7)';
export const GRID_COLOR = 'var(--mantine-color-default-border)';
export const AXIS_COLOR = 'var(--mantine-color-dimmed)';
/** Medication started, changed or stopped: a colour no line of the palette uses. */
export const MEDICATION_COLOR = 'var(--mantine-color-violet-7)';
