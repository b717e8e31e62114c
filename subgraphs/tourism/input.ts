import { badUserInput, requireProvinceCode } from '@govhub/shared';
import type { MonthRange } from './loaders';

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/;

/** `period` is a month (YYYY-MM) or a year (YYYY), Common Era; absent means every month. */
export function requirePeriod(period: string | null | undefined): MonthRange {
  if (period === null || period === undefined) return { from: null, to: null };
  const match = PERIOD.exec(period);
  if (!match) throw badUserInput('period must be YYYY-MM or YYYY', { argumentName: 'period', reason: 'PERIOD_FORMAT' });
  const year = Number(match[1]);
  if (!match[2]) return { from: `${match[1]}-01-01`, to: `${year + 1}-01-01` };
  const month = Number(match[2]);
  const next = month === 12 ? `${year + 1}-01` : `${match[1]}-${String(month + 1).padStart(2, '0')}`;
  return { from: `${match[1]}-${match[2]}-01`, to: `${next}-01` };
}

export function optionalProvinceCode(code: string | null | undefined): string | null {
  return code === null || code === undefined ? null : requireProvinceCode(code, 'provinceCode');
}

/** Tour business licence numbers: a two-digit kind prefix, a slash, five or more digits (12/00042). */
export function requireTourLicenceNo(value: string): string {
  if (!/^\d{2}\/\d{5,}$/.test(value)) {
    throw badUserInput('licenceNo must look like 12/00042', { argumentName: 'licenceNo', reason: 'LICENCE_NO_FORMAT' });
  }
  return value;
}

/** Guide card numbers: a two-digit card-type prefix, a dash, seven digits (11-0000002). */
export function requireGuideCardNo(value: string): string {
  if (!/^\d{2}-\d{7}$/.test(value)) {
    throw badUserInput('cardNo must look like 11-0000002', { argumentName: 'cardNo', reason: 'CARD_NO_FORMAT' });
  }
  return value;
}
