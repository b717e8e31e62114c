import { businessAt, businessCount, createRandom, type Database, type SeedOptions } from '@govhub/shared';
import { insertByIndex } from './chunks';
import { addYears, AS_OF, LAST_DAY, later, tourismProfile } from './profiles';

const KINDS = ['INBOUND', 'OUTBOUND', 'DOMESTIC', 'LOCAL'] as const;
type Kind = (typeof KINDS)[number];
const KIND_WEIGHTS: Record<Kind, number> = { INBOUND: 35, OUTBOUND: 25, DOMESTIC: 25, LOCAL: 15 };
/** Licence number prefixes by kind (invented; the seeds give no format). */
const PREFIX: Record<Kind, string> = { OUTBOUND: '11', INBOUND: '12', DOMESTIC: '13', LOCAL: '14' };
/** Licences run two years from issue or last renewal (invented). */
const VALID_YEARS = 2;
/** A licence last issued or renewed on or before this day has lapsed by AS_OF. */
const LAPSE_BY = addYears(AS_OF, -VALID_YEARS);
const STATUSES = ['ACTIVE', 'SUSPENDED', 'REVOKED'] as const;
const STATUS_WEIGHTS = [95, 3, 2];

/**
 * Tour business licences held by businesses of the shared synthetic economy (`businessAt`, the same juristic IDs
 * the business subgraph seeds), mostly in the well-known destinations. Business 0, the Bangkok company the first
 * demo identity directs, always holds one.
 */
export async function seedTourLicences(db: Database, options: SeedOptions): Promise<void> {
  await insertByIndex(
    db,
    options.logger,
    'tourism.tour-licences',
    {
      table: 'tour_business_licence',
      columns: ['licence_no', 'holder_juristic_id', 'kind', 'issued_on', 'expires_on', 'status', 'synthetic'],
    },
    businessCount(options.people),
    (index) => licencesOf(index, options.people),
  );
}

function licencesOf(index: number, people: number): unknown[][] {
  const business = businessAt(index, people);
  const random = createRandom(`tourism:licence:${index}`);
  const chance = tourismProfile(business.provinceCode).destination ? 0.4 : 0.04;
  if (index !== 0 && !random.chance(chance)) return [];
  const first = index === 0 ? 'OUTBOUND' : random.weighted(KINDS, (kind) => KIND_WEIGHTS[kind]);
  const kinds = random.chance(0.15) ? [first, random.pick(KINDS.filter((kind) => kind !== first))] : [first];
  return kinds.map((kind) => {
    // No business holds a licence before it exists; the demo company's is in force.
    const lapsed = index !== 0 && business.registeredOn <= LAPSE_BY && random.chance(0.12);
    const issuedOn = lapsed
      ? random.date(later(business.registeredOn, '2008-01-01'), LAPSE_BY)
      : random.date(later(business.registeredOn, LAPSE_BY), LAST_DAY);
    const expiresOn = addYears(issuedOn, VALID_YEARS);
    const status = expiresOn <= AS_OF ? 'EXPIRED' : index === 0 ? 'ACTIVE' : random.weighted(STATUSES, (s) => STATUS_WEIGHTS[STATUSES.indexOf(s)]);
    return [`${PREFIX[kind]}/${String(index + 1).padStart(5, '0')}`, business.juristicId, kind, issuedOn, expiresOn, status, true];
  });
}
