/** How a command prints its result: for people (the default) or as JSON for scripts (`--format json`). */
export type Format = 'human' | 'json';

export function parseFormat(value: string): Format {
  if (value !== 'human' && value !== 'json') throw new UsageError(`--format must be human or json, not ${value}`);
  return value;
}

/** A mistake in how a command was called: exit code 2, with the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function printResult(format: Format, result: unknown, human: () => string): void {
  process.stdout.write(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : `${human()}\n`);
}
