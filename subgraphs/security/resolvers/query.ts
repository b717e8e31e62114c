import { requireNationalId, requirePage, requireProvinceCode } from '@govhub/shared';
import type { QueryResolvers } from '../generated';
import {
  AERIAL_IMAGERY_SQL,
  INCIDENT_ORDER,
  INCIDENT_SQL,
  RESOURCE_CUT_SQL,
  SECURITY_AGREEMENT_SQL,
  SECURITY_DATABASE_SQL,
  TIP_SQL,
  type AerialImageryRow,
  type IncidentRow,
  type ResourceCutRow,
  type SecurityAgreementRow,
  type SecurityDatabaseRow,
  type TipRow,
} from '../loaders';

export const Query: QueryResolvers = {
  securityDatabaseCatalog: (_, __, { db }) => db.query<SecurityDatabaseRow>(`${SECURITY_DATABASE_SQL} ORDER BY position`),
  securityIncidents: (_, args, { db }) => {
    const { first, offset } = requirePage(args.first, args.offset);
    const provinceCode = args.provinceCode == null ? null : requireProvinceCode(args.provinceCode, 'provinceCode');
    return db.query<IncidentRow>(
      `${INCIDENT_SQL} WHERE ($1::text IS NULL OR province_code = $1) AND ($2::text IS NULL OR category = $2)
       ORDER BY ${INCIDENT_ORDER} LIMIT $3 OFFSET $4`,
      [provinceCode, args.category ?? null, first, offset],
    );
  },
  aerialImageryProgress: async (_, __, { db }) => {
    const [row] = await db.query<AerialImageryRow>(`${AERIAL_IMAGERY_SQL} ORDER BY as_of DESC LIMIT 1`);
    if (!row) throw new Error('the aerial imagery progress has not been seeded');
    return row;
  },
  citizenTips: (_, args, { db }) => {
    const { first, offset } = requirePage(args.first, args.offset);
    return db.query<TipRow>(`${TIP_SQL} ORDER BY received_at DESC, id LIMIT $1 OFFSET $2`, [first, offset]);
  },
  securityAgreement: async (_, __, { db }) => {
    const [row] = await db.query<SecurityAgreementRow>(`${SECURITY_AGREEMENT_SQL} ORDER BY as_of DESC, id LIMIT 1`);
    return row ?? null;
  },
  resourceCuts: (_, __, { db }) => db.query<ResourceCutRow>(`${RESOURCE_CUT_SQL} ORDER BY position`),
  identityRecord: (_, { nationalId }, { loaders }) => loaders.identityRecord.load(requireNationalId(nationalId)),
};
