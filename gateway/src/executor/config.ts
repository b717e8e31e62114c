/** `stock`: @apollo/gateway executes every plan; `lean`: the hub's executor does, falling back to stock where it must. */
export type ExecutorKind = 'stock' | 'lean';

export const EXECUTOR_KINDS: readonly ExecutorKind[] = ['stock', 'lean'];

export function isExecutorKind(value: string): value is ExecutorKind {
  return (EXECUTOR_KINDS as readonly string[]).includes(value);
}

export function executorFromEnv(): ExecutorKind {
  const value = process.env.GOVHUB_EXECUTOR ?? 'lean';
  if (!isExecutorKind(value)) throw new Error(`GOVHUB_EXECUTOR must be one of ${EXECUTOR_KINDS.join(', ')}, not ${value}`);
  return value;
}
