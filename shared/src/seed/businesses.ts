import { withCheckDigit } from '../nationalId';
import { provinces } from '../reference';
import { createRandom } from './random';

export const BUSINESS_KINDS = ['LIMITED_COMPANY', 'PUBLIC_COMPANY', 'REGISTERED_PARTNERSHIP', 'LIMITED_PARTNERSHIP'] as const;
export type BusinessKind = (typeof BUSINESS_KINDS)[number];

export interface SyntheticBusiness {
  index: number;
  /** 13 digits: 0, registration province, kind digit, BE year, running number, mod-11 check digit. */
  juristicId: string;
  provinceCode: string;
  kind: BusinessKind;
  registeredOn: string;
  /** Indexes of the directors in the synthetic population (`personAt`). */
  directorIndexes: number[];
}

const KIND_DIGIT: Record<BusinessKind, string> = {
  LIMITED_COMPANY: '5',
  PUBLIC_COMPANY: '7',
  REGISTERED_PARTNERSHIP: '3',
  LIMITED_PARTNERSHIP: '3',
};

/** How many businesses a population of `people` has: one per twenty people, at least ten. */
export function businessCount(people: number): number {
  return Math.max(10, Math.floor(people / 20));
}

/**
 * Business `index` of the synthetic economy, the same in every domain's seed (tourism licences, directors, ...).
 * Business 0 is a Bangkok company directed by person 0, the first demo identity.
 */
export function businessAt(index: number, people: number): SyntheticBusiness {
  const random = createRandom(`business:${index}`);
  const provinceCode = index === 0 ? '10' : random.weighted(provinces(), (province) => province.population).code;
  const kind =
    index === 0 ? 'LIMITED_COMPANY' : random.weighted(BUSINESS_KINDS, (k) => (k === 'LIMITED_COMPANY' ? 80 : k === 'PUBLIC_COMPANY' ? 2 : 9));
  const registeredOn = index === 0 ? '2012-05-14' : random.date('1980-01-01', '2017-11-30');
  const beYear = String((Number(registeredOn.slice(0, 4)) + 543) % 100).padStart(2, '0');
  const juristicId = withCheckDigit(`0${provinceCode}${KIND_DIGIT[kind]}${beYear}${String(index).padStart(6, '0')}`);
  const directors = new Set<number>(index === 0 ? [0] : []);
  const wanted = random.int(1, 3);
  while (directors.size < Math.min(wanted, people)) directors.add(random.int(0, people - 1));
  return { index, juristicId, provinceCode, kind, registeredOn, directorIndexes: [...directors] };
}

export function* businesses(people: number): Generator<SyntheticBusiness> {
  const count = businessCount(people);
  for (let index = 0; index < count; index++) yield businessAt(index, people);
}
