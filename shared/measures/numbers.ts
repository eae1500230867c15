/** Scores and coordinates are kept to 2 decimals: enough for a mean, and it clears float noise (8.7 + 9.1). */
export const round2 = (value: number): number => Math.round((value + Number.EPSILON) * 100) / 100;

/** Tolerant of float error, so 8.7 counts as a multiple of 0.1. */
export const isMultipleOf = (value: number, step: number): boolean => Math.abs(value / step - Math.round(value / step)) < 1e-9;
