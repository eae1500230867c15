/**
 * How each line of a chart is told apart: a colour, a dash pattern and a marker shape, so no two lines
 * look alike even in black and white or to a reader who cannot tell the colours apart. The app and the
 * PDF map the colour slot to their own palette (theme variables there, printable inks here); dashes and
 * markers are the same in both.
 */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

export interface SeriesStyle {
  /** A slot in the drawer's palette, 0–7; slot 0 is the text colour. */
  color: number;
  /** An SVG stroke-dasharray, or null for a solid line. */
  dash: string | null;
  marker: MarkerShape;
  /** Totals are drawn heavier than subscales. */
  width: 'heavy' | 'light';
}

export const PALETTE_SIZE = 8;
const DASHES: readonly (string | null)[] = [null, '6 3', '2 3', '8 3 2 3'];
const MARKERS: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond'];

/**
 * The style of the i-th line of everything shown together (all panels and the legend): consecutive
 * lines differ in colour, dash and marker, no two of the first eight share a colour, and no two of the
 * first sixteen share both dash and marker (the dash steps on once every four lines).
 */
export function seriesStyle(index: number, key: string): SeriesStyle {
  return {
    color: index % PALETTE_SIZE,
    dash: DASHES[(index + Math.floor(index / MARKERS.length)) % DASHES.length] ?? null,
    marker: MARKERS[index % MARKERS.length] ?? 'circle',
    width: key.endsWith('total') ? 'heavy' : 'light',
  };
}

/**
 * Styles for lines in the order they are drawn and listed, keyed `panel/line`; `start` continues the
 * sequence of charts drawn before, so lines in different charts on one page differ too.
 */
export function seriesStyles(lines: readonly { panel: string; key: string }[], start = 0): Map<string, SeriesStyle> {
  return new Map(lines.map((line, i) => [styleKey(line.panel, line.key), seriesStyle(start + i, line.key)]));
}

export const styleKey = (panel: string, key: string): string => `${panel}/${key}`;

/** A marker of about `r` radius centred on (x, y), as an SVG path. */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  const n = (value: number) => Math.round(value * 100) / 100;
  switch (shape) {
    case 'square':
      return `M${n(x - r)},${n(y - r)}H${n(x + r)}V${n(y + r)}H${n(x - r)}Z`;
    case 'triangle':
      return `M${n(x)},${n(y - r * 1.25)}L${n(x + r * 1.2)},${n(y + r * 0.85)}L${n(x - r * 1.2)},${n(y + r * 0.85)}Z`;
    case 'diamond':
      return `M${n(x)},${n(y - r * 1.35)}L${n(x + r * 1.35)},${n(y)}L${n(x)},${n(y + r * 1.35)}L${n(x - r * 1.35)},${n(y)}Z`;
    case 'circle':
      return `M${n(x - r)},${n(y)}A${n(r)},${n(r)} 0 1,0 ${n(x + r)},${n(y)}A${n(r)},${n(r)} 0 1,0 ${n(x - r)},${n(y)}Z`;
  }
}
