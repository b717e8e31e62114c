import { bulkInsert, createRandom, type Database } from '@govhub/shared';
import { LAST_DAY, tourismProfiles } from './profiles';

const CATEGORIES = ['THEFT', 'FRAUD', 'ROAD_ACCIDENT', 'DROWNING', 'ASSAULT', 'LOST_PROPERTY', 'MEDICAL', 'NATURAL_HAZARD'] as const;
const CATEGORY_WEIGHTS = [25, 15, 20, 5, 8, 15, 10, 2];
const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'FATAL'] as const;
/** Severity weights (LOW, MEDIUM, HIGH, FATAL) by category: a lost wallet is never fatal, a drowning often is. */
const SEVERITY_WEIGHTS: Record<(typeof CATEGORIES)[number], number[]> = {
  THEFT: [60, 35, 5, 0],
  FRAUD: [55, 40, 5, 0],
  ROAD_ACCIDENT: [30, 35, 25, 10],
  DROWNING: [10, 20, 35, 35],
  ASSAULT: [25, 45, 27, 3],
  LOST_PROPERTY: [85, 15, 0, 0],
  MEDICAL: [30, 40, 25, 5],
  NATURAL_HAZARD: [30, 35, 25, 10],
};
/** Foreign visitors' nationalities, ISO 3166-1 alpha-2, weighted roughly by arrivals. */
const NATIONALITIES: [string, number][] = [
  ['CN', 28],
  ['MY', 10],
  ['KR', 5],
  ['LA', 5],
  ['JP', 5],
  ['IN', 4],
  ['RU', 4],
  ['US', 3],
  ['GB', 3],
  ['DE', 2],
  ['FR', 2],
  ['AU', 2],
  ['SG', 2],
  ['VN', 2],
];

/** Incidents involving tourists, January to November 2017 (synthetic): more where more foreigners visit. */
export async function seedIncidents(db: Database): Promise<void> {
  const rows = tourismProfiles().flatMap(({ province, annualArrivals, foreignShare }) => {
    const random = createRandom(`tourism:incidents:${province.code}`);
    const foreign = Math.round((annualArrivals * foreignShare) / 30_000);
    const thai = Math.round((annualArrivals * (1 - foreignShare)) / 400_000);
    return Array.from({ length: foreign + thai }, (_, n) => {
      const category = random.weighted(CATEGORIES, (c) => CATEGORY_WEIGHTS[CATEGORIES.indexOf(c)]);
      const severity = random.weighted(SEVERITIES, (s) => SEVERITY_WEIGHTS[category][SEVERITIES.indexOf(s)]);
      const time = `${String(random.int(0, 23)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00`;
      const nationality = n < foreign ? random.weighted(NATIONALITIES, ([, weight]) => weight)[0] : 'TH';
      return [
        `TSI-${province.code}-${String(n + 1).padStart(5, '0')}`,
        province.code,
        `${random.date('2017-01-01', LAST_DAY)}T${time}+07:00`,
        category,
        severity,
        nationality,
        true,
      ];
    });
  });
  await bulkInsert(db, 'tourist_safety_incident', ['id', 'province_code', 'occurred_at', 'category', 'severity', 'nationality', 'synthetic'], rows);
}
