import { bulkInsert, createRandom, personAt, progress, provinceOfPerson, type Database, type Logger, type Random } from '@govhub/shared';
import { BORDER_PROVINCES } from './incidents';

export interface IdentityRecordSeed {
  nationalId: string;
  biometricRefs: string[];
  enrolledOn: string;
}

const BORDER = new Set(BORDER_PROVINCES);
/** Outside the border provinces, where every resident is enrolled, one person in twenty-five is. */
const ENROLLED_ELSEWHERE = 0.04;
const CHUNK = 10_000;

const opaqueRef = (random: Random, store: string) => `${store}/${random.int(0, 0xffffffff).toString(16).padStart(8, '0')}`;

/**
 * Person `index`'s record in the National Personal Identity Database, or null when not enrolled. The database
 * is a draft regulation, so every record is invented; the same on every run.
 */
export function identityRecordAt(index: number): IdentityRecordSeed | null {
  const random = createRandom(`security:identity:${index}`);
  // the cheap province first: only the enrolled are worth building in full
  if (!random.chance(ENROLLED_ELSEWHERE) && !BORDER.has(provinceOfPerson(index))) return null;
  const person = personAt(index);
  const biometricRefs = [opaqueRef(random, 'FINGERPRINT'), opaqueRef(random, 'FACE')];
  if (random.chance(0.15)) biometricRefs.push(opaqueRef(random, 'DNA'));
  return { nationalId: person.nationalId, biometricRefs, enrolledOn: random.date('2015-01-01', '2017-11-30') };
}

/** Identity records for people 0..people-1, generated and inserted a chunk at a time so a million fits in memory. */
export async function seedIdentityRecords(db: Database, people: number, logger: Logger): Promise<void> {
  const tick = progress(logger, 'security.identity', people);
  for (let start = 0; start < people; start += CHUNK) {
    const end = Math.min(people, start + CHUNK);
    const rows: unknown[][] = [];
    for (let index = start; index < end; index++) {
      const record = identityRecordAt(index);
      if (record) rows.push([record.nationalId, record.biometricRefs, record.enrolledOn, 'NSC', true]);
    }
    await bulkInsert(db, 'identity_record', ['national_id', 'biometric_refs', 'enrolled_on', 'owner_code', 'synthetic'], rows);
    tick(end);
  }
}
