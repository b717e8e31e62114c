import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agencies, bulkInsert, ministries, packageDir, type Database } from '@govhub/shared';
import { AS_OF } from './profiles';

interface CenterData {
  code: string;
  nameTh: string;
  nameEn: string;
  description: string;
  lead: string;
  purposes: string[];
  linkedAgencyCount: number;
  asOf: string;
}
interface DemandData {
  no: number;
  document: string;
  nameTh: string;
  ownerMinistry: string;
  requestingAgencies: number;
  readiness: string;
  source: string;
}

/**
 * The agencies linked to the TIC. The seeds state that 11 are linked but do not name them: these are a
 * plausible choice (MOTS's own agencies plus the police, DOPA's hotel register, parks, transport, statistics,
 * the national airline and emergency medicine), stored as synthetic links.
 */
const TIC_LINKS: [agency: string, dataTh: string][] = [
  ['MOTS', 'สถิตินักท่องเที่ยวรายจังหวัดและรายได้จากการท่องเที่ยว'],
  ['TAT', 'ข้อมูลการตลาดและพฤติกรรมนักท่องเที่ยว'],
  ['DOT', 'ทะเบียนธุรกิจนำเที่ยวและมัคคุเทศก์'],
  ['DPE', 'ข้อมูลการแข่งขันกีฬาและสถานที่กีฬา'],
  ['DOPA', 'ทะเบียนโรงแรมและการแจ้งผู้เข้าพัก'],
  ['RTP', 'เหตุที่เกี่ยวข้องกับนักท่องเที่ยว (ตำรวจท่องเที่ยว) และการเดินทางเข้าออกประเทศ'],
  ['DNP', 'จำนวนผู้เข้าชมอุทยานแห่งชาติ'],
  ['DLT', 'ทะเบียนรถโดยสารไม่ประจำทางและรถนำเที่ยว'],
  ['THAI', 'จำนวนผู้โดยสารเที่ยวบินระหว่างประเทศและในประเทศ'],
  ['NSO', 'ผลสำรวจการเดินทางท่องเที่ยวของชาวไทย'],
  ['NIEM', 'เหตุฉุกเฉินทางการแพทย์ที่เกี่ยวข้องกับนักท่องเที่ยว'],
];

const DATA_DIR = join(packageDir(__dirname), 'seed', 'data');
const readData = <T>(file: string): T => JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as T;

/** The TIC, MOTS's survey row and the tourism document demand. */
export async function seedReference(db: Database): Promise<void> {
  const known = new Set(agencies().map((agency) => agency.code));
  const unknown = TIC_LINKS.map(([code]) => code).filter((code) => !known.has(code));
  if (unknown.length) throw new Error(`TIC links to agencies not in agencies.json: ${unknown.join(', ')}`);

  const center = readData<CenterData>('intelligenceCenter.json');
  await bulkInsert(
    db,
    'intelligence_center',
    ['code', 'name_th', 'name_en', 'description', 'lead_code', 'purposes', 'linked_agency_count', 'as_of'],
    [[center.code, center.nameTh, center.nameEn, center.description, center.lead, center.purposes, center.linkedAgencyCount, center.asOf]],
  );
  await bulkInsert(
    db,
    'intelligence_center_link',
    ['center_code', 'agency_code', 'position', 'data_th', 'synthetic'],
    TIC_LINKS.map(([agency, dataTh], position) => [center.code, agency, position, dataTh, true]),
  );

  // The MOTS row as governance's reference data states it (3 agencies, 17 DBs, 46 datasets, 12 ready).
  const mots = ministries().find((ministry) => ministry.code === 'MOTS');
  if (!mots) throw new Error('ministries.json has no MOTS');
  const { survey } = mots;
  await bulkInsert(
    db,
    'ministry_survey',
    ['ministry_code', 'agencies', 'databases', 'datasets', 'ready', 'not_ready', 'as_of'],
    [[mots.code, survey.agencies, survey.databases, survey.datasets, survey.ready, survey.notReady, AS_OF]],
  );
  // DPE, TAT and MOTS answered.
  const respondents = agencies().filter((agency) => agency.surveyed && agency.ministry === mots.code);
  await bulkInsert(
    db,
    'ministry_survey_respondent',
    ['ministry_code', 'agency_code', 'position'],
    respondents.map((agency, position) => [mots.code, agency.code, position]),
  );

  await bulkInsert(
    db,
    'document_demand',
    ['row_no', 'document', 'name_th', 'owner_ministry_code', 'requesting_agencies', 'readiness', 'source'],
    readData<DemandData[]>('documentDemand.json').map((d) => [
      d.no,
      d.document,
      d.nameTh,
      d.ownerMinistry,
      d.requestingAgencies,
      d.readiness,
      d.source,
    ]),
  );
}
