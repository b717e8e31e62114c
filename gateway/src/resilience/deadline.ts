/**
 * How long one subgraph call may take: its own timeout, cut short by the request's deadline (epoch ms); 0 or less
 * when the deadline has passed, and then the call is not made.
 */
export function callTimeoutMs(subgraphTimeoutMs: number, deadline: number | undefined, now: number): number {
  return deadline === undefined ? subgraphTimeoutMs : Math.min(subgraphTimeoutMs, deadline - now);
}
