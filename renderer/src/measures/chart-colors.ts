/** Line colours by series key; Mantine palette variables, so they follow the theme. */
const SERIES_COLORS: Record<string, string> = {
  goals: 'var(--mantine-color-teal-7)',
  tasks: 'var(--mantine-color-blue-7)',
  bond: 'var(--mantine-color-grape-7)',
  total: 'var(--mantine-color-dark-6)',
  'companion-total': 'var(--mantine-color-orange-7)',
};
const FALLBACK = ['var(--mantine-color-cyan-7)', 'var(--mantine-color-indigo-7)', 'var(--mantine-color-pink-7)', 'var(--mantine-color-lime-8)'];

export const seriesColor = (key: string, index: number): string => SERIES_COLORS[key] ?? FALLBACK[index % FALLBACK.length] ?? 'currentColor';

/** Band tints from fine (0) to most concerning (4). */
export const BAND_COLORS = ['var(--mantine-color-teal-2)', 'var(--mantine-color-lime-2)', 'var(--mantine-color-yellow-2)', 'var(--mantine-color-orange-2)', 'var(--mantine-color-red-2)'];

/** The other rater's line is dashed, so the two views read apart even without colour. */
export const isDashed = (key: string): boolean => key === 'companion-total';
