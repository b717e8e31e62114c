import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { bulkInsert, packageDir, type Database } from '@govhub/shared';

interface AnnexAmendment {
  kind: 'ADDED_USAGE_METHOD' | 'ADDED_MISSION';
  approvedOn: string | null;
  signedOn: string | null;
}
interface AnnexAgreement {
  no: number;
  consumer: string;
  approvedOn: string | null;
  signedOn: string | null;
  amendments?: AnnexAmendment[];
}

export interface HubAgreement {
  id: string;
  provider: string;
  consumer: string;
  datasets: string[];
  purposes: string[];
  /** Sensitive fields the agreement names ('Type.field' or 'Type.*'); null names none. */
  fields: string[] | null;
  approvedOn: string;
  signedOn: string;
  validUntil: string | null;
}

/**
 * Agreements the source documents do not contain but the demo needs (docs/domains.md): DOPA reads the registry, welfare,
 * health, business, farmer and disaster-assistance data for WELFARE_ELIGIBILITY. Marked synthetic.
 */
export const HUB_AGREEMENTS: HubAgreement[] = [
  {
    id: 'HUB-0001',
    provider: 'DOPA',
    consumer: 'DOPA',
    datasets: ['dopa.civil-registry', 'dopa.house-registration'],
    purposes: ['WELFARE_ELIGIBILITY', 'IDENTITY_VERIFICATION'],
    fields: null,
    approvedOn: '2017-03-01',
    signedOn: '2017-03-15',
    validUntil: null,
  },
  {
    id: 'HUB-0002',
    provider: 'CGD',
    consumer: 'DOPA',
    datasets: ['cgd.low-income-register'],
    purposes: ['WELFARE_ELIGIBILITY'],
    fields: ['Person.lowIncomeRegistration', 'LowIncomeRegistration.*'],
    approvedOn: '2017-09-01',
    signedOn: '2017-09-20',
    validUntil: '2030-12-31',
  },
  {
    id: 'HUB-0003',
    provider: 'NHSO',
    consumer: 'DOPA',
    datasets: ['nhso.health-coverage'],
    purposes: ['WELFARE_ELIGIBILITY'],
    fields: ['Person.healthCoverage', 'HealthCoverage.scheme'],
    approvedOn: '2017-09-01',
    signedOn: '2017-10-02',
    validUntil: '2030-12-31',
  },
  {
    id: 'HUB-0004',
    provider: 'DBD',
    consumer: 'DOPA',
    datasets: ['dbd.juristic-persons'],
    purposes: ['WELFARE_ELIGIBILITY'],
    fields: null,
    approvedOn: '2017-09-01',
    signedOn: '2017-10-02',
    validUntil: '2030-12-31',
  },
  {
    id: 'HUB-0005',
    provider: 'DOAE',
    consumer: 'DOPA',
    datasets: ['doae.farmer-register'],
    purposes: ['WELFARE_ELIGIBILITY'],
    fields: null,
    approvedOn: '2017-09-01',
    signedOn: '2017-10-02',
    validUntil: '2030-12-31',
  },
  {
    id: 'HUB-0006',
    provider: 'DDPM',
    consumer: 'DOPA',
    datasets: ['ddpm.disaster-assistance', 'ddpm.disaster-victims'],
    purposes: ['WELFARE_ELIGIBILITY'],
    fields: null,
    approvedOn: '2017-11-01',
    signedOn: '2017-11-15',
    validUntil: '2030-12-31',
  },
  ...securityAgreement(),
];

/**
 * The security agreement: the source names an MOU between NSC and 27 agencies, still in draft, without its parties.
 * Its stand-in binds NSC, ISOC and its Region 4 forward command, the police and the intelligence agency to the
 * security datasets for NATIONAL_SECURITY (HUB-0011 is NSC's own use of its datasets: SECRET data is read under an
 * agreement naming it and the purpose, the owner included); its parties may publish SECRET fields outside the
 * security domain.
 */
function securityAgreement(): HubAgreement[] {
  const parties: [string, string, string, string[]][] = [
    ['HUB-0007', 'NSC', 'ISOC', ['nsc.security-incidents']],
    ['HUB-0008', 'NSC', 'RTP', ['nsc.security-incidents']],
    ['HUB-0009', 'NSC', 'NIA', ['nsc.security-incidents']],
    ['HUB-0010', 'ISOC-R4F', 'NSC', ['isoc-r4f.citizen-tips']],
    ['HUB-0011', 'NSC', 'NSC', ['nsc.security-incidents', 'nsc.national-identity']],
  ];
  return parties.map(([id, provider, consumer, datasets]) => ({
    id,
    provider,
    consumer,
    datasets,
    purposes: ['NATIONAL_SECURITY'],
    fields: null,
    approvedOn: '2018-01-15',
    signedOn: '2018-02-01',
    validUntil: null,
  }));
}

const DATA_DIR = join(packageDir(__dirname), 'seed', 'data');

/** The 145 DOPA agreements of the MOU annex: each lets its consumer read the civil registry. */
export async function seedAgreements(db: Database): Promise<void> {
  const annex: AnnexAgreement[] = JSON.parse(readFileSync(join(DATA_DIR, 'agreements.json'), 'utf8'));
  const annexId = (no: number) => `DOPA-MOU-${String(no).padStart(3, '0')}`;
  await bulkInsert(
    db,
    'agreement',
    ['id', 'annex_no', 'provider_code', 'consumer_code', 'approved_on', 'signed_on', 'valid_until', 'synthetic'],
    [
      ...annex.map((a) => [annexId(a.no), a.no, 'DOPA', a.consumer, a.approvedOn, a.signedOn, null, false]),
      ...HUB_AGREEMENTS.map((a) => [a.id, null, a.provider, a.consumer, a.approvedOn, a.signedOn, a.validUntil, true]),
    ],
  );
  await bulkInsert(
    db,
    'agreement_dataset',
    ['agreement_id', 'dataset_id', 'fields'],
    [
      ...annex.map((a) => [annexId(a.no), 'dopa.civil-registry', null]),
      ...HUB_AGREEMENTS.flatMap((a) => a.datasets.map((dataset) => [a.id, dataset, a.fields])),
    ],
  );
  await bulkInsert(
    db,
    'agreement_purpose',
    ['agreement_id', 'purpose_code'],
    [...annex.map((a) => [annexId(a.no), 'IDENTITY_VERIFICATION']), ...HUB_AGREEMENTS.flatMap((a) => a.purposes.map((purpose) => [a.id, purpose]))],
  );
  await bulkInsert(
    db,
    'agreement_amendment',
    ['agreement_id', 'position', 'kind', 'approved_on', 'signed_on'],
    annex.flatMap((a) => (a.amendments ?? []).map((m, position) => [annexId(a.no), position, m.kind, m.approvedOn, m.signedOn])),
  );
}
