import { badUserInput, loadPresent, requirePage, Scope, type ForwardedIdentity } from '@govhub/shared';
import type { Resolvers } from '../generated';
import { CONSENT_SQL, type ConsentRow } from '../loaders';
import type { Context } from '../context';

/** The citizen acting on their own data: a citizen:self token whose subject is a national ID. */
function citizenOf(identity: ForwardedIdentity): string {
  if (identity.kind !== 'citizen' || !identity.scopes.has(Scope.CITIZEN_SELF) || !identity.sub) {
    throw badUserInput('Only a citizen (citizen:self token) can give or withdraw consent', { reason: 'NOT_A_CITIZEN' });
  }
  return identity.sub;
}

/** Consent names a real agency and purpose, and datasets of personal data (never security data). */
async function checkConsentTarget({ db }: Context, agencyCode: string, purpose: string, datasets: readonly string[]): Promise<void> {
  const [found] = await db.query<{ agency: boolean; purpose: boolean; datasets: string[] }>(
    `SELECT EXISTS (SELECT 1 FROM agency WHERE code = $1) AS agency, EXISTS (SELECT 1 FROM purpose WHERE code = $2) AS purpose,
            array(SELECT id FROM dataset WHERE id = ANY($3) AND classification IN ('PERSONAL', 'SENSITIVE')) AS datasets`,
    [agencyCode, purpose, datasets],
  );
  if (!found.agency) throw badUserInput(`unknown agency ${agencyCode}`, { argumentName: 'agencyCode', reason: 'UNKNOWN_AGENCY' });
  if (!found.purpose) throw badUserInput(`unknown purpose ${purpose}`, { argumentName: 'purpose', reason: 'UNKNOWN_PURPOSE' });
  const unknown = datasets.filter((dataset) => !found.datasets.includes(dataset));
  if (datasets.length === 0 || unknown.length > 0) {
    throw badUserInput(`consent covers personal datasets of the catalogue only: ${unknown.join(', ') || 'none given'}`, {
      argumentName: 'datasets',
      reason: 'NOT_A_PERSONAL_DATASET',
    });
  }
}

export const people: Pick<Resolvers, 'Person' | 'ExchangeLogEntry' | 'Consent' | 'Mutation'> = {
  Person: {
    __resolveReference: ({ nationalId }) => ({ nationalId }),
    accessLog: ({ nationalId }, args, { loaders }) =>
      loaders
        .accessLogBySubject({ ...requirePage(args.first, args.offset), agencyCode: args.agencyCode ?? null, dataset: args.dataset ?? null })
        .load(nationalId),
    consents: ({ nationalId }, { activeOnly }, { loaders }) => loaders.consentsBySubject(activeOnly ?? true).load(nationalId),
  },
  ExchangeLogEntry: {
    consumer: ({ consumerCode }, _, { loaders }) => (consumerCode ? loaders.agency.load(consumerCode) : null),
    purpose: ({ purposeCode }, _, { loaders }) => (purposeCode ? loaders.purpose.load(purposeCode) : null),
    basis: ({ basis }) => basis.toUpperCase().replace('-', '_') as 'AGREEMENT',
    agreement: ({ agreementId }, _, { loaders }) => (agreementId ? loaders.agreement.load(agreementId) : null),
    dataset: async ({ datasetId }, _, { loaders }) => (await loadPresent(loaders.dataset, [datasetId]))[0],
  },
  Consent: {
    agency: async ({ agencyCode }, _, { loaders }) => (await loadPresent(loaders.agency, [agencyCode]))[0],
    purpose: async ({ purposeCode }, _, { loaders }) => (await loadPresent(loaders.purpose, [purposeCode]))[0],
    dataset: async ({ datasetId }, _, { loaders }) => (await loadPresent(loaders.dataset, [datasetId]))[0],
  },
  Mutation: {
    grantConsent: async (_, { agencyCode, purpose, datasets }, context) => {
      const subject = citizenOf(context.identity);
      await checkConsentTarget(context, agencyCode, purpose, datasets);
      await context.db.query(
        `INSERT INTO consent (subject, consumer_code, purpose_code, dataset_id)
         SELECT $1, $2, $3, unnest($4::text[])
         ON CONFLICT (subject, consumer_code, purpose_code, dataset_id) WHERE revoked_at IS NULL DO NOTHING`,
        [subject, agencyCode, purpose, datasets],
      );
      return context.db.query<ConsentRow>(
        `${CONSENT_SQL} WHERE subject = $1 AND consumer_code = $2 AND purpose_code = $3 AND revoked_at IS NULL ORDER BY dataset_id`,
        [subject, agencyCode, purpose],
      );
    },
    revokeConsent: async (_, { agencyCode, purpose, datasets }, context) => {
      const subject = citizenOf(context.identity);
      return context.db.query<ConsentRow>(
        `WITH revoked AS (
           UPDATE consent SET revoked_at = now()
            WHERE subject = $1 AND consumer_code = $2 AND purpose_code = $3 AND revoked_at IS NULL
              AND ($4::text[] IS NULL OR dataset_id = ANY($4)) RETURNING *)
         ${CONSENT_SQL.replace('FROM consent', 'FROM revoked')} ORDER BY dataset_id`,
        [subject, agencyCode, purpose, datasets ?? null],
      );
    },
  },
};
