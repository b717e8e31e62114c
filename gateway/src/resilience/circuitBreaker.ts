import { SlidingWindow } from './slidingWindow';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Opens at this share of failures or more (0.5) ... */
  failureRatio: number;
  /** ... over at least this many calls (20) ... */
  minimumCalls: number;
  /** ... within this window (10 s). */
  windowMs: number;
  /** Stays open this long (5 s), then lets one probe call through. */
  openMs: number;
}

export const DEFAULT_CIRCUIT: CircuitBreakerOptions = { failureRatio: 0.5, minimumCalls: 20, windowMs: 10_000, openMs: 5_000 };

/** Permission for one call; only the half-open probe's outcome decides whether the circuit closes. */
export interface CallPermit {
  readonly probe: boolean;
}

/**
 * One subgraph's circuit: closed (calls go through, outcomes counted), open (calls fail fast), half-open (after
 * `openMs`, exactly one probe goes through: success closes the circuit, failure opens it again).
 */
export class CircuitBreaker {
  private current: 'closed' | 'open' | 'probing' = 'closed';
  private openUntil = 0;
  private readonly outcomes: SlidingWindow<'success' | 'failure'>;

  constructor(
    private readonly options: CircuitBreakerOptions = DEFAULT_CIRCUIT,
    private readonly now: () => number = Date.now,
    private readonly onChange: (state: CircuitState) => void = () => undefined,
  ) {
    this.outcomes = new SlidingWindow(['success', 'failure'], options.windowMs, 1_000, now);
  }

  get state(): CircuitState {
    if (this.current === 'closed') return 'closed';
    return this.current === 'open' && this.now() < this.openUntil ? 'open' : 'half-open';
  }

  /** A permit for one call, or null: fail fast. */
  acquire(): CallPermit | null {
    if (this.current === 'closed') return { probe: false };
    if (this.current === 'probing' || this.now() < this.openUntil) return null;
    this.current = 'probing';
    this.onChange('half-open');
    return { probe: true };
  }

  record(permit: CallPermit, succeeded: boolean): void {
    if (permit.probe) {
      if (succeeded) this.close();
      else this.open();
      return;
    }
    if (this.current !== 'closed') return;
    this.outcomes.add(succeeded ? 'success' : 'failure');
    const failures = this.outcomes.count('failure');
    const calls = failures + this.outcomes.count('success');
    if (calls >= this.options.minimumCalls && failures / calls >= this.options.failureRatio) this.open();
  }

  private open(): void {
    this.current = 'open';
    this.openUntil = this.now() + this.options.openMs;
    this.onChange('open');
  }

  private close(): void {
    this.current = 'closed';
    this.outcomes.reset();
    this.onChange('closed');
  }
}
