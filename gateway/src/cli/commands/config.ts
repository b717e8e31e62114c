import { applyConfiguration } from '@govhub/shared';
import { printResult, type Format } from '../output';

/** `govhub config check [FILE]`: the configuration as every process would read it, or the first wrong value (exit 2). */
export function configCheckCommand(file: string | undefined, format: Format): number {
  const applied = applyConfiguration({ file: file ?? null });
  printResult(format, applied, () =>
    [
      `configuration ${applied.file ? `in ${applied.file}` : '(no file: environment and defaults)'} is valid`,
      ...applied.values.map((value) => `  ${value.key} (${value.env}) = ${value.value}  [${value.from}]`),
    ].join('\n'),
  );
  return 0;
}
