/**
 * Thai 13-digit national ID: twelve digits and a mod-11 check digit,
 * check = (11 - (sum of digit[i] * (13 - i) for i in 0..11) mod 11) mod 10.
 */
const THIRTEEN_DIGITS = /^\d{13}$/;

export function nationalIdCheckDigit(firstTwelve: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(firstTwelve[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

export type NationalIdProblem = 'FORMAT' | 'CHECK_DIGIT';

/** Why a string is not a valid national ID, or null when it is one. */
export function nationalIdProblem(value: string): NationalIdProblem | null {
  if (!THIRTEEN_DIGITS.test(value)) return 'FORMAT';
  return nationalIdCheckDigit(value) === Number(value[12]) ? null : 'CHECK_DIGIT';
}

export function isValidNationalId(value: string): boolean {
  return nationalIdProblem(value) === null;
}

/** Completes twelve digits with their check digit. */
export function withCheckDigit(firstTwelve: string): string {
  if (!/^\d{12}$/.test(firstTwelve)) throw new Error(`expected 12 digits, got ${firstTwelve}`);
  return firstTwelve + nationalIdCheckDigit(firstTwelve);
}
