import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agencies, bulkInsert, packageDir, type Database } from '@govhub/shared';
import { wholeAreaRange } from '../aerial';
import type { ResourceKind, SecrecyLevel, SecurityAgreementStage, SharingMode } from '../generated';

interface CatalogueEntry {
  id: string;
  nameTh: string;
  nameEn: string;
  owner: string;
  secrecyLevel: SecrecyLevel;
  sharingMode: SharingMode;
  legalAccessCondition: string | null;
  source: string | null;
}
interface AerialReport {
  asOf: string;
  operator: string;
  flownKm2: number;
  flownPercent: number;
  orthoKm2: number;
  orthoPercent: number;
}
interface Cut {
  id: string;
  agency: string;
  kind: ResourceKind;
  reduction: number;
  reductionPercent: number | null;
  approximate: boolean;
  before: number | null;
  after: number | null;
  effectiveFrom: string;
}
interface Agreement {
  id: string;
  nameTh: string;
  convener: string;
  status: SecurityAgreementStage;
  partyCount: number;
  asOf: string;
  parties: { agency: string; commentReceived: boolean; synthetic: boolean }[];
}

const DATA_DIR = join(packageDir(__dirname), 'seed', 'data');
const readData = <T>(file: string): T => JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8'));

/** Fails the seed on an agency code the governance subgraph does not publish. */
export function requireAgencyCodes(codes: readonly string[]): void {
  const known = new Set(agencies().map((agency) => agency.code));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0) throw new Error(`unknown agency codes: ${unknown.join(', ')}`);
}

/**
 * The security database catalogue, complete by Dec 2560. The seeds name some of its databases
 * (`source`) but none of their grades or sharing modes, so every entry is flagged synthetic.
 */
export async function seedCatalogue(db: Database): Promise<void> {
  const entries = readData<CatalogueEntry[]>('securityDatabases.json');
  requireAgencyCodes(entries.map((entry) => entry.owner));
  await bulkInsert(
    db,
    'security_database',
    ['id', 'name_th', 'name_en', 'owner_code', 'secrecy_level', 'sharing_mode', 'legal_access_condition', 'source', 'synthetic', 'position'],
    entries.map((e, position) => [
      e.id,
      e.nameTh,
      e.nameEn,
      e.owner,
      e.secrecyLevel,
      e.sharingMode,
      e.legalAccessCondition,
      e.source,
      true,
      position,
    ]),
  );
}

/** Figures the NSC reported to the steering committee for 7 Dec 2560: aerial photography, cuts, the draft MOU. */
export async function seedReports(db: Database): Promise<void> {
  // 19,626.82 km² photographed (68.20%), 4,261.50 km² ortho-processed (14.81%), as of 1 Nov 2560
  const aerial = readData<AerialReport[]>('aerialImagery.json');
  for (const report of aerial) {
    wholeAreaRange([
      { km2: report.flownKm2, percent: report.flownPercent },
      { km2: report.orthoKm2, percent: report.orthoPercent },
    ]);
  }
  // ISOC Region 4 Forward -70 posts; Air Force -20% (about 74 people); aircraft 2 -> 1
  const cuts = readData<Cut[]>('resourceCuts.json');
  // the draft MOU with 27 agencies, the Royal Thai Police's comments still awaited
  const agreement = readData<Agreement>('securityAgreement.json');
  requireAgencyCodes([
    ...aerial.map((report) => report.operator),
    ...cuts.map((cut) => cut.agency),
    agreement.convener,
    ...agreement.parties.map((party) => party.agency),
  ]);

  await bulkInsert(
    db,
    'aerial_imagery_progress',
    ['as_of', 'operator_code', 'flown_km2', 'flown_percent', 'ortho_km2', 'ortho_percent'],
    aerial.map((r) => [r.asOf, r.operator, r.flownKm2, r.flownPercent, r.orthoKm2, r.orthoPercent]),
  );
  await bulkInsert(
    db,
    'resource_cut',
    ['id', 'agency_code', 'kind', 'reduction', 'reduction_percent', 'approximate', 'before_count', 'after_count', 'effective_from', 'position'],
    cuts.map((c, position) => [c.id, c.agency, c.kind, c.reduction, c.reductionPercent, c.approximate, c.before, c.after, c.effectiveFrom, position]),
  );
  await bulkInsert(
    db,
    'security_agreement',
    ['id', 'name_th', 'convener_code', 'status', 'party_count', 'as_of'],
    [[agreement.id, agreement.nameTh, agreement.convener, agreement.status, agreement.partyCount, agreement.asOf]],
  );
  await bulkInsert(
    db,
    'security_agreement_party',
    ['agreement_id', 'agency_code', 'comment_received', 'synthetic', 'position'],
    agreement.parties.map((p, position) => [agreement.id, p.agency, p.commentReceived, p.synthetic, position]),
  );
}
