import { createRandom, personAt, provinces, type BusinessKind, type Random, type SyntheticBusiness } from '@govhub/shared';
import type { BusinessStatus, LifecycleStage, VatStatus } from '../generated';
import { tradeName } from './names';

/** The seed data's "now": figures are as of 1 Dec 2560, so nothing happens after 30 Nov 2017. */
const LAST_DAY = '2017-11-30';
const DAY_MS = 86_400_000;
/** VAT replaced the business tax on 1 Jan 1992 (outside the seeds): older businesses registered for it then. */
const VAT_INTRODUCED = '1992-01-01';

export interface BusinessProfile {
  nameTh: string;
  nameEn: string | null;
  status: BusinessStatus;
  capitalBaht: number;
  directorIds: string[];
  shareholders: { nationalId: string; shares: number }[];
  vat: { registeredOn: string; status: VatStatus; branches: number } | null;
  factories: { licenceNo: string; activityTh: string; provinceCode: string; issuedOn: string; workers: number; horsepower: number }[];
  lifecycle: { stage: LifecycleStage; on: string; note: string }[];
}

const CAPITALS: Record<BusinessKind, readonly (readonly [number, number])[]> = {
  LIMITED_COMPANY: [
    [500_000, 10],
    [1_000_000, 40],
    [2_000_000, 15],
    [5_000_000, 15],
    [10_000_000, 10],
    [20_000_000, 5],
    [50_000_000, 3],
    [100_000_000, 2],
  ],
  PUBLIC_COMPANY: [
    [500_000_000, 3],
    [1_000_000_000, 3],
    [2_000_000_000, 2],
    [5_000_000_000, 1],
  ],
  REGISTERED_PARTNERSHIP: [
    [100_000, 30],
    [200_000, 25],
    [500_000, 25],
    [1_000_000, 15],
    [5_000_000, 5],
  ],
  LIMITED_PARTNERSHIP: [
    [100_000, 20],
    [500_000, 30],
    [1_000_000, 30],
    [2_000_000, 15],
    [5_000_000, 5],
  ],
};
/** Shares (or partners' contributions) are counted in units of 100 baht. */
const PAR_VALUE = 100;
const HOLDERS: Record<BusinessKind, readonly [number, number]> = {
  LIMITED_COMPANY: [3, 7],
  PUBLIC_COMPANY: [8, 15],
  REGISTERED_PARTNERSHIP: [2, 4],
  LIMITED_PARTNERSHIP: [2, 4],
};
const VAT_SHARE: Record<BusinessKind, number> = {
  LIMITED_COMPANY: 0.65,
  PUBLIC_COMPANY: 1,
  REGISTERED_PARTNERSHIP: 0.35,
  LIMITED_PARTNERSHIP: 0.35,
};
const FACTORY_SHARE: Record<BusinessKind, number> = {
  LIMITED_COMPANY: 0.12,
  PUBLIC_COMPANY: 0.6,
  REGISTERED_PARTNERSHIP: 0.05,
  LIMITED_PARTNERSHIP: 0.05,
};
const FACTORY_ACTIVITIES = [
  'สีข้าว',
  'ผลิตน้ำตาลทราย',
  'ผลิตแป้งมันสำปะหลัง',
  'แปรรูปยางพารา (ยางแผ่นรมควัน)',
  'สกัดน้ำมันปาล์มดิบ',
  'ผลิตอาหารสำเร็จรูป',
  'ผลิตผลิตภัณฑ์พลาสติก',
  'ผลิตชิ้นส่วนยานยนต์',
  'ผลิตเครื่องนุ่งห่ม',
  'ผลิตเฟอร์นิเจอร์ไม้',
  'ผลิตเครื่องดื่ม',
  'ผลิตชิ้นส่วนอิเล็กทรอนิกส์',
  'ผลิตปุ๋ยเคมี',
  'ผลิตคอนกรีตผสมเสร็จ',
];
const CLOSINGS: readonly { status: BusinessStatus; weight: number; note: string }[] = [
  { status: 'DISSOLVED', weight: 40, note: 'จดทะเบียนเลิกกิจการ อยู่ระหว่างชำระบัญชี' },
  { status: 'LIQUIDATED', weight: 35, note: 'จดทะเบียนเสร็จการชำระบัญชี' },
  { status: 'ABANDONED', weight: 20, note: 'นายทะเบียนขีดชื่อออกจากทะเบียน (นิติบุคคลร้าง)' },
  { status: 'BANKRUPT', weight: 5, note: 'ศาลมีคำพิพากษาให้ล้มละลาย' },
];
const KIND_TH: Record<BusinessKind, string> = {
  LIMITED_COMPANY: 'บริษัทจำกัด',
  PUBLIC_COMPANY: 'บริษัทมหาชนจำกัด',
  REGISTERED_PARTNERSHIP: 'ห้างหุ้นส่วนสามัญนิติบุคคล',
  LIMITED_PARTNERSHIP: 'ห้างหุ้นส่วนจำกัด',
};
const STAGE_ORDER: LifecycleStage[] = ['PLAN', 'START', 'OPERATE', 'EXPAND', 'CLOSE'];

/**
 * What the registers hold about business `b` of the shared synthetic economy: name, status, capital,
 * shareholders, VAT, factory licences and life events. Deterministic per business (`business:profile:<index>`).
 */
export function businessProfile(b: SyntheticBusiness, people: number): BusinessProfile {
  const random = createRandom(`business:profile:${b.index}`);
  const directorIds = b.directorIndexes.map((i) => personAt(i).nationalId);
  const { nameTh, nameEn } = tradeName(random, b.kind, personAt(b.directorIndexes[0]).lastNameTh);
  const capitalBaht = random.weighted(CAPITALS[b.kind], ([, weight]) => weight)[0];
  const closing = closingOf(random, b);
  const lastActiveDay = closing?.on ?? LAST_DAY;
  const vat = vatOf(random, b, closing !== null, lastActiveDay);
  const factories = factoriesOf(random, b, lastActiveDay);
  const lifecycle: BusinessProfile['lifecycle'] = [
    { stage: 'PLAN', on: addDays(b.registeredOn, -random.int(14, 90)), note: 'จองชื่อนิติบุคคลและวางแผนธุรกิจ' },
    { stage: 'START', on: b.registeredOn, note: `จดทะเบียนจัดตั้ง${KIND_TH[b.kind]} กับกรมพัฒนาธุรกิจการค้า` },
    ...(vat ? [{ stage: 'OPERATE' as const, on: vat.registeredOn, note: 'จดทะเบียนภาษีมูลค่าเพิ่ม (ภ.พ.20)' }] : []),
    ...factories.map((f) => ({ stage: 'OPERATE' as const, on: f.issuedOn, note: `ได้รับใบอนุญาตประกอบกิจการโรงงาน (ร.ง.4) เลขที่ ${f.licenceNo}` })),
  ];
  if (!vat && factories.length === 0) {
    const on = dateBetween(random, b.registeredOn, minDate(addDays(b.registeredOn, 60), lastActiveDay));
    lifecycle.push({ stage: 'OPERATE', on, note: 'เริ่มดำเนินกิจการ' });
  }
  const expandFrom = addDays(b.registeredOn, 730);
  if (expandFrom < lastActiveDay && random.chance(0.25)) {
    const on = dateBetween(random, expandFrom, lastActiveDay);
    lifecycle.push({ stage: 'EXPAND', on, note: `เพิ่มทุนจดทะเบียนเป็น ${capitalBaht.toLocaleString('en-US')} บาท` });
  }
  if (closing) lifecycle.push({ stage: 'CLOSE', on: closing.on, note: closing.note });
  lifecycle.sort((x, y) => x.on.localeCompare(y.on) || STAGE_ORDER.indexOf(x.stage) - STAGE_ORDER.indexOf(y.stage));

  return {
    nameTh,
    nameEn,
    status: closing?.status ?? 'ACTIVE',
    capitalBaht,
    directorIds,
    shareholders: shareholdersOf(random, b, directorIds, people, capitalBaht / PAR_VALUE),
    vat,
    factories,
    lifecycle,
  };
}

/** Older businesses are likelier to have closed; business 0 belongs to the first demo identity and stays active. */
function closingOf(random: Random, b: SyntheticBusiness) {
  const ageYears = (Date.parse(LAST_DAY) - Date.parse(b.registeredOn)) / (365.25 * DAY_MS);
  if (b.index === 0 || !random.chance(Math.min(0.45, ageYears * 0.015))) return null;
  const closing = random.weighted(CLOSINGS, (c) => c.weight);
  return { ...closing, on: dateBetween(random, addDays(b.registeredOn, 180), LAST_DAY) };
}

function vatOf(random: Random, b: SyntheticBusiness, closed: boolean, lastActiveDay: string): BusinessProfile['vat'] {
  const from = maxDate(b.registeredOn, VAT_INTRODUCED);
  if (!random.chance(VAT_SHARE[b.kind]) || from > lastActiveDay) return null;
  return {
    registeredOn: dateBetween(random, from, minDate(addDays(from, 120), lastActiveDay)),
    status: closed ? 'CANCELLED' : 'ACTIVE',
    branches: b.kind === 'PUBLIC_COMPANY' ? random.int(5, 60) : random.chance(0.8) ? 0 : random.int(1, 5),
  };
}

/** Most factories stand in the province the business is registered in. */
function factoriesOf(random: Random, b: SyntheticBusiness, lastActiveDay: string): BusinessProfile['factories'] {
  const count = random.chance(FACTORY_SHARE[b.kind]) ? random.int(1, b.kind === 'PUBLIC_COMPANY' ? 4 : 2) : 0;
  return Array.from({ length: count }, (_, n) => {
    const issuedOn = dateBetween(random, addDays(b.registeredOn, 30), lastActiveDay);
    const provinceCode = random.chance(0.7) ? b.provinceCode : random.weighted(provinces(), (p) => p.population).code;
    return {
      licenceNo: `3-${provinceCode}-${String(b.index).padStart(7, '0')}${n}/${beYear(issuedOn)}`,
      activityTh: random.pick(FACTORY_ACTIVITIES),
      provinceCode,
      issuedOn,
      workers: Math.round(10 * 50 ** random.next()),
      horsepower: Math.round(5000 * 100 ** random.next()) / 100,
    };
  });
}

/** The directors hold shares, with a few more people; `totalShares` is split by random weights, directors weighing double. */
function shareholdersOf(random: Random, b: SyntheticBusiness, directorIds: string[], people: number, totalShares: number) {
  const [least, most] = HOLDERS[b.kind];
  const holders = new Set(directorIds);
  const wanted = Math.min(random.int(least, most), people);
  while (holders.size < wanted) holders.add(personAt(random.int(0, people - 1)).nationalId);
  const weights = [...holders].map((id) => random.int(1, 10) * (directorIds.includes(id) ? 2 : 1));
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const shares = weights.map((w) => Math.max(1, Math.floor((totalShares * w) / totalWeight)));
  shares[0] += totalShares - shares.reduce((sum, s) => sum + s, 0);
  return [...holders].map((nationalId, i) => ({ nationalId, shares: shares[i] }));
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

/** A day in [from, to]; `to` when the range is empty (a business closed soon after registering). */
function dateBetween(random: Random, from: string, to: string): string {
  return from >= to ? to : random.date(from, to);
}

/** The two-digit Buddhist Era year licence numbers end with. */
const beYear = (date: string) => String((Number(date.slice(0, 4)) + 543) % 100).padStart(2, '0');
