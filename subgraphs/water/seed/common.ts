import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir, type Random } from '@govhub/shared';

/** The seed data's "now": the agenda pack's figures are as of 1 Dec 2560. */
export const AS_OF = '2017-12-01';

const DATA_DIR = join(packageDir(__dirname), 'seed', 'data');

/** Data extracted from the seed documents or curated for the synthetic records, in `seed/data/`. */
export function readSeedData<T>(file: string): T {
  return JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as T;
}

/** `date` (YYYY-MM-DD) moved by `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** A deterministic Fisher–Yates shuffle of a copy of `items`. */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
