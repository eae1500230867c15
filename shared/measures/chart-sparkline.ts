import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

/**
 * A small trend line for the dashboard: values evenly spaced left to right (sessions, not dates),
 * blanks as gaps, y on the measure's own domain so sparklines of one measure compare.
 */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number, domain: readonly [number, number]): string {
  const y = scaleLinear().domain([domain[0], domain[1]]).range([height, 0]);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const xAt = (i: number) => (values.length > 1 ? i * step : width / 2);
  return (
    line<number | null>()
      .defined((value) => value !== null)
      .x((_, i) => xAt(i))
      .y((value) => y(value ?? 0))
      .digits(2)(values) ?? ''
  );
}
