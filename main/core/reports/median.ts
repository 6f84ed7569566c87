/**
 * The median of some numbers (the mean of the two middle ones for an even count); null for none.
 * Reports use it for "scan to decision": one slow case (a citizen sent to fetch a paper) must not
 * move the figure the way it moves a mean.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
