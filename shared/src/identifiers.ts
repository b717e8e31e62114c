import { badUserInput } from './errors';
import { nationalIdProblem } from './nationalId';

/** Validates a national ID argument; a bad one is the client's mistake (BAD_USER_INPUT), never a miss. */
export function requireNationalId(value: string, argumentName = 'nationalId'): string {
  const problem = nationalIdProblem(value);
  if (problem === 'FORMAT') {
    throw badUserInput(`${argumentName} must be 13 digits`, { argumentName, reason: 'NATIONAL_ID_FORMAT' });
  }
  if (problem === 'CHECK_DIGIT') {
    throw badUserInput(`${argumentName} has a wrong check digit`, { argumentName, reason: 'NATIONAL_ID_CHECK_DIGIT' });
  }
  return value;
}

/** Juristic person IDs (DBD registration numbers) are 13 digits with the same mod-11 check digit. */
export function requireJuristicId(value: string, argumentName = 'juristicId'): string {
  const problem = nationalIdProblem(value);
  if (problem === 'FORMAT') {
    throw badUserInput(`${argumentName} must be 13 digits`, { argumentName, reason: 'JURISTIC_ID_FORMAT' });
  }
  if (problem === 'CHECK_DIGIT') {
    throw badUserInput(`${argumentName} has a wrong check digit`, { argumentName, reason: 'JURISTIC_ID_CHECK_DIGIT' });
  }
  return value;
}

/** Province codes are the two-digit DOPA codes. */
export function requireProvinceCode(value: string, argumentName = 'code'): string {
  if (!/^\d{2}$/.test(value)) {
    throw badUserInput(`${argumentName} must be a two-digit province code`, { argumentName, reason: 'PROVINCE_CODE_FORMAT' });
  }
  return value;
}

export const MAX_PAGE_SIZE = 100;

/** Validates list paging arguments: `first` 1 to 100, `offset` 0 or more. */
export function requirePage(first: number | null | undefined, offset: number | null | undefined): { first: number; offset: number } {
  const size = first ?? MAX_PAGE_SIZE;
  const skip = offset ?? 0;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, { argumentName: 'first', reason: 'PAGE_SIZE' });
  }
  if (!Number.isInteger(skip) || skip < 0) throw badUserInput('offset must be 0 or more', { argumentName: 'offset', reason: 'PAGE_OFFSET' });
  return { first: size, offset: skip };
}
