import { bulkInsert, type Database } from '@govhub/shared';
import { zoneSource } from './sources';

/** The ten border Special Economic Zones: real, but from outside the seeds, so `outside_seeds` and not synthetic. */
export async function seedZones(db: Database): Promise<void> {
  const zones = zoneSource();
  await bulkInsert(
    db,
    'special_economic_zone',
    ['id', 'name_th', 'name_en', 'phase', 'established_on', 'announcement_th', 'outside_seeds', 'synthetic'],
    zones.map((z) => [z.id, z.nameTh, z.nameEn, z.phase, z.establishedOn, z.announcementTh, true, false]),
  );
  await bulkInsert(
    db,
    'special_economic_zone_province',
    ['zone_id', 'province_code'],
    zones.flatMap((z) => z.provinceCodes.map((code) => [z.id, code])),
  );
}
