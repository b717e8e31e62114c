import { SlidingWindow } from './slidingWindow';

export interface RetryBudgetOptions {
  /** Retries may add at most this share of the calls in the window (0.2) ... */
  ratio: number;
  /** ... but at least this many per window, so that a quiet subgraph's rare failure is still retried (10). */
  minimumPerWindow: number;
  windowMs: number;
}

export const DEFAULT_RETRY_BUDGET: RetryBudgetOptions = { ratio: 0.2, minimumPerWindow: 10, windowMs: 10_000 };

/**
 * Bounds retries to a share of the traffic, so that a failing subgraph gets at most that much extra load instead
 * of up to three times its traffic.
 */
export class RetryBudget {
  private readonly window: SlidingWindow<'call' | 'retry'>;

  constructor(
    private readonly options: RetryBudgetOptions = DEFAULT_RETRY_BUDGET,
    now: () => number = Date.now,
  ) {
    this.window = new SlidingWindow(['call', 'retry'], options.windowMs, 1_000, now);
  }

  /** Every first attempt counts as a call. */
  recordCall(): void {
    this.window.add('call');
  }

  /** Whether one more retry fits in the budget; if so, it is spent. */
  trySpend(): boolean {
    const allowed = Math.max(this.options.minimumPerWindow, this.options.ratio * this.window.count('call'));
    if (this.window.count('retry') >= allowed) return false;
    this.window.add('retry');
    return true;
  }
}
