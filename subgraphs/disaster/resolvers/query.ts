import { DOMAINS, requireNationalId, requirePage, requireProvinceCode } from '@govhub/shared';
import type { ProfileCategory, QueryResolvers } from '../generated';
import {
  EVENT_SQL,
  RELIEF_STOCK_SQL,
  VICTIM_SQL,
  WARNING_SQL,
  type EventRow,
  type ReliefStockRow,
  type SummaryRow,
  type VictimRow,
  type WarningRow,
} from '../loaders';

/** An optional province filter: null when absent, else a valid two-digit code. */
const provinceFilter = (code: string | null | undefined) => (code == null ? null : requireProvinceCode(code, 'provinceCode'));

export const Query: QueryResolvers = {
  disasterEvents: (_, args, { db }) => {
    const { first, offset } = requirePage(args.first, args.offset);
    return db.query<EventRow>(
      `${EVENT_SQL} WHERE ($1::text IS NULL OR e.hazard = $1)
         AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM event_province ep WHERE ep.event_id = e.id AND ep.province_code = $2))
       ORDER BY e.started_at DESC, e.id LIMIT $3 OFFSET $4`,
      [args.hazard ?? null, provinceFilter(args.provinceCode), first, offset],
    );
  },
  disasterEvent: (_, { id }, { loaders }) => loaders.event.load(id),
  warnings: (_, args, { db }) => {
    const { first, offset } = requirePage(args.first, args.offset);
    return db.query<WarningRow>(
      `${WARNING_SQL} WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR province_code = $2)
       ORDER BY issued_at DESC, id LIMIT $3 OFFSET $4`,
      [args.status ?? null, provinceFilter(args.provinceCode), first, offset],
    );
  },
  reliefStock: (_, args, { db }) => {
    const { first, offset } = requirePage(args.first, args.offset);
    return db.query<ReliefStockRow>(
      `${RELIEF_STOCK_SQL} WHERE ($1::text IS NULL OR province_code = $1) ORDER BY province_code, position LIMIT $2 OFFSET $3`,
      [provinceFilter(args.provinceCode), first, offset],
    );
  },
  disasterVictimRecords: (_, { nationalId }, { db }) =>
    db.query<VictimRow>(`${VICTIM_SQL} WHERE national_id = $1 ORDER BY registered_on, id`, [requireNationalId(nationalId)]),
  disasterDataSummary: async (_, __, { db }) => {
    const [row] = await db.query<SummaryRow>(
      `SELECT to_char(as_of, 'YYYY-MM-DD') AS "asOf", agencies_studied AS "agenciesStudied", agencies_linked AS "agenciesLinked",
         related_databases AS "relatedDatabases" FROM data_summary ORDER BY as_of DESC LIMIT 1`,
    );
    if (!row) throw new Error('the disaster data summary has not been seeded');
    return row;
  },
  disasterCommittee: () => ({
    nameTh: DOMAINS.disaster.committeeTh,
    nameEn: DOMAINS.disaster.committeeEn,
    // the order had no number yet (docs/domains.md, disaster)
    orderTh: '(ร่าง) คำสั่งสำนักนายกรัฐมนตรี ที่ /๒๕๖๐ เรื่อง แต่งตั้งคณะกรรมการบูรณาการฐานข้อมูลด้านการจัดการภัยพิบัติและภัยธรรมชาติ',
    draft: true,
    leadCode: DOMAINS.disaster.lead,
  }),
  provinceProfileCategories: (_, __, { db }) =>
    db.query<ProfileCategory>(
      `SELECT number, code, name_th AS "nameTh", name_en AS "nameEn", examples_th AS "examplesTh", classification
       FROM profile_category ORDER BY number`,
    ),
};
