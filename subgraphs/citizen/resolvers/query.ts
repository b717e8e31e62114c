import { badUserInput, requireNationalId } from '@govhub/shared';
import type { QueryResolvers } from '../generated';
import {
  DOCUMENT_TYPE_SQL,
  LINKAGE_SQL,
  SERVICE_SQL,
  SUMMARY_SQL,
  type DocumentTypeRow,
  type LinkageRow,
  type ServiceRow,
  type SummaryRow,
} from '../loaders';

/** House codes (รหัสประจำบ้าน) are 11 digits. */
function requireHouseId(value: string): string {
  if (!/^\d{11}$/.test(value)) throw badUserInput('houseId must be 11 digits', { argumentName: 'houseId', reason: 'HOUSE_ID_FORMAT' });
  return value;
}

export const Query: QueryResolvers = {
  me: (_, __, { identity, loaders }) => (identity.kind === 'citizen' && identity.sub ? loaders.person.load(identity.sub) : null),
  person: (_, { nationalId }, { loaders }) => loaders.person.load(requireNationalId(nationalId)),
  house: (_, { houseId }, { loaders }) => loaders.house.load(requireHouseId(houseId)),
  governmentServices: (_, { singleIdCardOnly }, { db }) =>
    db.query<ServiceRow>(`${SERVICE_SQL} WHERE ($1::boolean IS NOT TRUE OR single_id_card) ORDER BY no`, [singleIdCardOnly ?? null]),
  documentTypes: (_, { ready }, { db }) =>
    db.query<DocumentTypeRow>(`${DOCUMENT_TYPE_SQL} WHERE ($1::boolean IS NULL OR (readiness = 'READY') = $1) ORDER BY no`, [ready ?? null]),
  linkageDatabases: (_, __, { db }) => db.query<LinkageRow>(`${LINKAGE_SQL} ORDER BY no`),
  citizenServiceSummary: async (_, __, { db }) => {
    const [row] = await db.query<SummaryRow>(SUMMARY_SQL);
    if (!row?.kpi) throw new Error('the citizen KPIs have not been seeded');
    return row;
  },
};
