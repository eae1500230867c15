/** "1 day old", "5 days old": how long a draft has waited since its session. */
export function formatDaysOld(days: number): string {
  return days === 1 ? '1 day old' : `${days} days old`;
}
