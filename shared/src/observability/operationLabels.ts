/** Operation names come from clients: at most this many distinct ones get their own label, the rest are `other`. */
const MAX_OPERATION_LABELS = 500;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** A metric label per operation name, bounded so that a client inventing names cannot grow the metrics without end. */
export class OperationLabels {
  private readonly known = new Set<string>();

  labelOf(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.known.has(name)) return name;
    if (this.known.size >= MAX_OPERATION_LABELS) return 'other';
    this.known.add(name);
    return name;
  }
}

/** Latency buckets (seconds) of every request-duration histogram of the hub. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type RequestOutcome = 'ok' | 'partial' | 'error';

/** A GraphQL answer is ok without errors, partial with errors and data, an error without data. */
export function outcomeOf(result: { data?: unknown; errors?: readonly unknown[] } | null): RequestOutcome {
  return !result?.errors?.length ? 'ok' : result.data ? 'partial' : 'error';
}
