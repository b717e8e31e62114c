import type { Logger } from '../log';

/** Logs a long step's progress about every 10% (and at the end), so a large seed never looks stuck. */
export function progress(logger: Logger, step: string, total: number): (done: number) => void {
  let nextReport = 0;
  const started = Date.now();
  return (done) => {
    if (done < nextReport && done < total) return;
    nextReport = done + Math.max(1, Math.ceil(total / 10));
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    logger.info({ step, done, total, percent, ms: Date.now() - started }, `seeding ${step}: ${done}/${total} (${percent}%)`);
  };
}
