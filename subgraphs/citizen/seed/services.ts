import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bulkInsert, packageDir, type Database } from '@govhub/shared';

interface LinkageData {
  no: number;
  nameTh: string;
  provider: string;
  dataset: string | null;
}
interface DocumentTypeData {
  no: number;
  nameTh: string;
  ownerNameTh: string;
  ownerMinistry: string | null;
  ownerAgency: string | null;
  issuer: string;
  requestingAgencyCount: number;
  ready: boolean;
}
interface ServiceData {
  no: number;
  nameTh: string;
  agency: string;
  documents: number[];
}

const DATA_DIR = join(packageDir(__dirname), 'seed', 'data');
const readData = <T>(file: string): T => JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8'));

export const documentCode = (no: number) => `DOC-${String(no).padStart(3, '0')}`;
export const serviceCode = (no: number) => `SVC-${String(no).padStart(2, '0')}`;

/**
 * The 13 processes of the 47 in the 2560 target that still need more than the ID card (the source gives only the
 * count): invented, flagged synthetic. Documents are numbers of the document list.
 */
const OTHER_SERVICES: ServiceData[] = [
  { no: 35, nameTh: 'การลงทะเบียนเพื่อสวัสดิการแห่งรัฐ', agency: 'CGD', documents: [1, 2, 33] },
  { no: 36, nameTh: 'การขอรับเบี้ยยังชีพผู้สูงอายุ', agency: 'DLA', documents: [1, 2, 57] },
  { no: 37, nameTh: 'การขอรับเบี้ยความพิการ', agency: 'DLA', documents: [1, 2, 56] },
  { no: 38, nameTh: 'การขึ้นทะเบียนเกษตรกร', agency: 'DOAE', documents: [1, 2, 9, 43] },
  { no: 39, nameTh: 'การขอใบอนุญาตทำงานของคนต่างด้าว', agency: 'DOE', documents: [18, 66, 79, 110] },
  { no: 40, nameTh: 'การจดทะเบียนภาษีมูลค่าเพิ่ม (ภ.พ.01)', agency: 'RD', documents: [1, 2, 58, 59] },
  { no: 41, nameTh: 'การขอใบอนุญาตประกอบกิจการโรงงาน (ร.ง.4)', agency: 'DIW', documents: [1, 9, 58, 60] },
  { no: 42, nameTh: 'การขอใบอนุญาตประกอบธุรกิจนำเที่ยว', agency: 'DOT', documents: [1, 2, 58, 60] },
  { no: 43, nameTh: 'การขอรับเงินทดแทนกรณีว่างงาน', agency: 'SSO', documents: [1, 68, 69] },
  { no: 44, nameTh: 'การขอใบอนุญาตขับรถจักรยานยนต์สาธารณะ', agency: 'DLT', documents: [1, 2, 79, 109] },
  { no: 45, nameTh: 'การขอหนังสือรับรองความประพฤติ', agency: 'RTP', documents: [1, 2, 109] },
  { no: 46, nameTh: 'การขอใบอนุญาตก่อสร้างอาคาร', agency: 'DLA', documents: [1, 2, 9, 17] },
  { no: 47, nameTh: 'การจดทะเบียนวิสาหกิจชุมชน', agency: 'DOAE', documents: [1, 2, 44] },
];

/** The Linkage Center list, the document list and the service processes. */
export async function seedServices(db: Database): Promise<void> {
  await bulkInsert(
    db,
    'linkage_database',
    ['no', 'name_th', 'provider_code', 'dataset_id', 'synthetic'],
    readData<LinkageData[]>('linkageDatabases.json').map((l) => [l.no, l.nameTh, l.provider, l.dataset, false]),
  );
  await bulkInsert(
    db,
    'document_type',
    [
      'code',
      'no',
      'name_th',
      'owner_name_th',
      'owner_ministry_code',
      'owner_agency_code',
      'issuer_code',
      'requesting_agency_count',
      'readiness',
      'synthetic',
    ],
    readData<DocumentTypeData[]>('documentTypes.json').map((d) => [
      documentCode(d.no),
      d.no,
      d.nameTh,
      d.ownerNameTh,
      d.ownerMinistry,
      d.ownerAgency,
      d.issuer,
      d.requestingAgencyCount,
      d.ready ? 'READY' : 'NOT_READY',
      false,
    ]),
  );
  const singleIdCard = readData<ServiceData[]>('singleIdCardServices.json');
  const all = [
    ...singleIdCard.map((s) => ({ ...s, singleIdCard: true, synthetic: false })),
    ...OTHER_SERVICES.map((s) => ({ ...s, singleIdCard: false, synthetic: true })),
  ];
  await bulkInsert(
    db,
    'government_service',
    ['code', 'no', 'name_th', 'agency_code', 'single_id_card', 'synthetic'],
    all.map((s) => [serviceCode(s.no), s.no, s.nameTh, s.agency, s.singleIdCard, s.synthetic]),
  );
  // Which documents a process needs is the hub's reading of it in every case: synthetic.
  await bulkInsert(
    db,
    'service_document',
    ['service_code', 'document_code', 'position', 'synthetic'],
    all.flatMap((s) => s.documents.map((no, position) => [serviceCode(s.no), documentCode(no), position, true])),
  );
}
