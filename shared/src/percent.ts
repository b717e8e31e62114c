/** `part` of `whole` in percent, truncated (never rounded) to two decimals as the seeds report them: 72/81 = 88.88. */
export function truncatedPercent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part * 10000) / whole) / 100;
}
