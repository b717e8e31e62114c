import { bulkInsert, createRandom, type Database, type Random } from '@govhub/shared';
import type { IncidentCategory, TipChannel, TipStatus } from '../generated';
import { requireAgencyCodes } from './reported';

/**
 * The southern border provinces (จชต.) and their districts. The seeds do not name them; outside the seeds they are
 * Pattani, Yala, Narathiwat and the four districts of Songkhla under the same special security regime.
 */
export const BORDER_DISTRICTS: Readonly<Record<string, readonly string[]>> = {
  '94': ['เมืองปัตตานี', 'โคกโพธิ์', 'หนองจิก', 'ปะนาเระ', 'มายอ', 'ทุ่งยางแดง', 'สายบุรี', 'ไม้แก่น', 'ยะหริ่ง', 'ยะรัง', 'กะพ้อ', 'แม่ลาน'],
  '95': ['เมืองยะลา', 'เบตง', 'บันนังสตา', 'ธารโต', 'ยะหา', 'รามัน', 'กาบัง', 'กรงปินัง'],
  '96': ['เมืองนราธิวาส', 'ตากใบ', 'บาเจาะ', 'ยี่งอ', 'ระแงะ', 'รือเสาะ', 'ศรีสาคร', 'แว้ง', 'สุคิริน', 'สุไหงโก-ลก', 'สุไหงปาดี', 'จะแนะ', 'เจาะไอร้อง'],
  '90': ['จะนะ', 'เทพา', 'นาทวี', 'สะบ้าย้อย'],
};
export const BORDER_PROVINCES = Object.keys(BORDER_DISTRICTS);
/** Share of incidents per province: Songkhla's four districts see the fewest. */
const PROVINCE_WEIGHTS: Record<string, number> = { '94': 34, '95': 22, '96': 34, '90': 10 };

export const INCIDENT_COUNT = 480;
const CATEGORY_WEIGHTS: Record<IncidentCategory, number> = { SHOOTING: 34, BOMBING: 20, INSURGENCY: 14, ARSON: 10, DRUGS: 14, OTHER: 8 };
const MAX_CASUALTIES: Record<IncidentCategory, number> = { SHOOTING: 3, BOMBING: 8, INSURGENCY: 4, ARSON: 1, DRUGS: 1, OTHER: 1 };
const REPORTERS = ['ISOC-R4F', 'RTP', 'CPM'] as const;
const REPORTER_WEIGHTS: Record<(typeof REPORTERS)[number], number> = { 'ISOC-R4F': 60, RTP: 28, CPM: 12 };

export const TIP_COUNT = 12;
const TIP_SUMMARIES = [
  (district: string) => `พบบุคคลแปลกหน้าพฤติกรรมน่าสงสัยในพื้นที่ อ.${district}`,
  (district: string) => `พบวัตถุต้องสงสัยวางทิ้งไว้ริมถนนในพื้นที่ อ.${district}`,
  (district: string) => `แจ้งเบาะแสการค้ายาเสพติดในหมู่บ้าน อ.${district}`,
  (district: string) => `พบรถจักรยานยนต์ไม่มีทะเบียนจอดทิ้งไว้นานผิดปกติ อ.${district}`,
  (district: string) => `แจ้งการรวมกลุ่มของบุคคลภายนอกในยามวิกาล อ.${district}`,
];
// The tip website only opens for trial in Dec 2560, so earlier tips came by phone or in person.
const TIP_CHANNELS: TipChannel[] = ['HOTLINE', 'WALK_IN'];
const TIP_STATUS_WEIGHTS: Record<TipStatus, number> = { RECEIVED: 3, VERIFYING: 4, VERIFIED: 3, DISMISSED: 2 };

const weightedKey = <K extends string>(random: Random, weights: Record<K, number>): K =>
  random.weighted(Object.keys(weights) as K[], (key) => weights[key]);

/** A time of day in Bangkok (UTC+7) on a day between `from` and `to`. */
function bangkokTime(random: Random, from: string, to: string): string {
  const hour = String(random.int(0, 23)).padStart(2, '0');
  const minute = String(random.int(0, 59)).padStart(2, '0');
  return `${random.date(from, to)}T${hour}:${minute}:00+07:00`;
}

function borderPlace(random: Random): { provinceCode: string; district: string } {
  const provinceCode = weightedKey(random, PROVINCE_WEIGHTS);
  return { provinceCode, district: random.pick(BORDER_DISTRICTS[provinceCode]) };
}

/** Invented incidents, Jan 2016 to Nov 2017, all in the border provinces (the seeds hold none). */
export async function seedIncidents(db: Database): Promise<void> {
  requireAgencyCodes(REPORTERS);
  const rows = Array.from({ length: INCIDENT_COUNT }, (_, i) => {
    const random = createRandom(`security:incident:${i}`);
    const { provinceCode, district } = borderPlace(random);
    const category = weightedKey(random, CATEGORY_WEIGHTS);
    return [
      `SBP-${String(i + 1).padStart(5, '0')}`,
      provinceCode,
      district,
      bangkokTime(random, '2016-01-01', '2017-11-30'),
      category,
      random.int(0, MAX_CASUALTIES[category]),
      weightedKey(random, REPORTER_WEIGHTS),
      true,
    ];
  });
  await bulkInsert(
    db,
    'security_incident',
    ['id', 'province_code', 'district_th', 'occurred_at', 'category', 'casualties', 'reported_by_code', 'synthetic'],
    rows,
  );
}

/** A few invented tips from the public, Oct to Nov 2017, handled by ISOC Region 4 Forward. */
export async function seedTips(db: Database): Promise<void> {
  const rows = Array.from({ length: TIP_COUNT }, (_, i) => {
    const random = createRandom(`security:tip:${i}`);
    const { provinceCode, district } = borderPlace(random);
    return [
      `TIP-${String(i + 1).padStart(4, '0')}`,
      bangkokTime(random, '2017-10-01', '2017-11-30'),
      provinceCode,
      random.pick(TIP_CHANNELS),
      random.pick(TIP_SUMMARIES)(district),
      weightedKey(random, TIP_STATUS_WEIGHTS),
      'ISOC-R4F',
      true,
    ];
  });
  await bulkInsert(db, 'citizen_tip', ['id', 'received_at', 'province_code', 'channel', 'summary', 'status', 'owner_code', 'synthetic'], rows);
}
