import { bulkInsert, createRandom, type Database } from '@govhub/shared';
import { AS_OF, SEASON, tourismProfiles } from './profiles';

const YEAR = 2017;

/** Twelve months of 2017 for each of the 77 provinces (synthetic); December is not over on AS_OF, so a forecast. */
export async function seedStatistics(db: Database): Promise<void> {
  const seasonTotal = SEASON.reduce((sum, weight) => sum + weight, 0);
  const rows = tourismProfiles().flatMap((profile) => {
    const random = createRandom(`tourism:statistics:${profile.province.code}`);
    return SEASON.map((weight, index) => {
      const month = `${YEAR}-${String(index + 1).padStart(2, '0')}-01`;
      const nextMonth = index === 11 ? `${YEAR + 1}-01-01` : `${YEAR}-${String(index + 2).padStart(2, '0')}-01`;
      const share = weight / seasonTotal;
      const jitter = () => 0.94 + random.next() * 0.12;
      const foreign = Math.round(profile.annualArrivals * profile.foreignShare * share * jitter());
      const thai = Math.round(profile.annualArrivals * (1 - profile.foreignShare) * share * jitter());
      const revenue = foreign * profile.foreignSpend + thai * profile.thaiSpend;
      return [profile.province.code, month, foreign, thai, revenue, nextMonth > AS_OF, true];
    });
  });
  await bulkInsert(
    db,
    'tourism_statistic',
    ['province_code', 'month', 'foreign_arrivals', 'thai_arrivals', 'revenue_baht', 'forecast', 'synthetic'],
    rows,
  );
}
