import { withCheckDigit } from '../nationalId';
import { createRandom } from './random';
import { provinces } from '../reference';

/** Registration categories of the civil registry. */
export const REGISTRATION_CATEGORIES = ['THAI', 'NON_THAI', 'NO_STATUS', 'ALIEN', 'MIGRANT_WORKER', 'DISPLACED_MYANMAR'] as const;
export type RegistrationCategory = (typeof REGISTRATION_CATEGORIES)[number];

export interface SyntheticPerson {
  index: number;
  nationalId: string;
  titleTh: string;
  firstNameTh: string;
  lastNameTh: string;
  dateOfBirth: string;
  sex: 'MALE' | 'FEMALE';
  registrationCategory: RegistrationCategory;
  provinceCode: string;
  /** Index of the household; its first member is the house master (เจ้าบ้าน). */
  household: number;
  synthetic: boolean;
}

/** The demo identities the README lists: people 0, 1 and 2 of every seed. */
export const DEMO_PEOPLE: readonly SyntheticPerson[] = [
  {
    index: 0,
    nationalId: '1101700203450',
    titleTh: 'นาย',
    firstNameTh: 'สมชาย',
    lastNameTh: 'รักไทย',
    dateOfBirth: '1985-04-12',
    sex: 'MALE',
    registrationCategory: 'THAI',
    provinceCode: '10',
    household: 0,
    synthetic: true,
  },
  {
    index: 1,
    nationalId: '5601200333441',
    titleTh: 'นาง',
    firstNameTh: 'บัวคำ',
    lastNameTh: 'ใจงาม',
    dateOfBirth: '1968-09-03',
    sex: 'FEMALE',
    registrationCategory: 'THAI',
    provinceCode: '56',
    household: 1,
    synthetic: true,
  },
  {
    index: 2,
    nationalId: '8410100555669',
    titleTh: 'นาย',
    firstNameTh: 'ประเสริฐ',
    lastNameTh: 'ทองสุข',
    dateOfBirth: '1979-12-25',
    sex: 'MALE',
    registrationCategory: 'THAI',
    provinceCode: '84',
    household: 2,
    synthetic: true,
  },
];
const DEMO_IDS = new Set(DEMO_PEOPLE.map((person) => person.nationalId));

const MALE_NAMES = [
  'สมชาย',
  'สมศักดิ์',
  'ประยุทธ',
  'วิชัย',
  'สุริยา',
  'อนุชา',
  'ธนากร',
  'กิตติพงษ์',
  'ณัฐวุฒิ',
  'ปิยะ',
  'ชัยวัฒน์',
  'สุรชัย',
  'บุญมี',
  'ทองดี',
  'เอกชัย',
  'วีระ',
  'สมบัติ',
  'พิชัย',
  'อำนาจ',
  'ศักดิ์ชัย',
  'ธีรวัฒน์',
  'จักรพันธ์',
  'ภานุวัฒน์',
  'นพดล',
  'สุทธิพงษ์',
  'อภิชาติ',
  'ไพโรจน์',
  'มานพ',
  'ยุทธนา',
  'ชาญวิทย์',
];
const FEMALE_NAMES = [
  'สมหญิง',
  'มาลี',
  'บุษบา',
  'สุนีย์',
  'วันเพ็ญ',
  'กาญจนา',
  'ปราณี',
  'นงลักษณ์',
  'ศิริพร',
  'จันทร์เพ็ญ',
  'อรุณี',
  'พรทิพย์',
  'สุภาพร',
  'ดวงใจ',
  'รัตนา',
  'วิไลวรรณ',
  'ณัฐธิดา',
  'กมลชนก',
  'ปิยะนุช',
  'อัญชลี',
  'เพ็ญศรี',
  'สายสุนีย์',
  'ทองใบ',
  'บัวผัน',
  'ลำดวน',
  'สุกัญญา',
  'จิราพร',
  'ธิดารัตน์',
  'พิมพ์ชนก',
  'วรรณา',
];
const SURNAMES = [
  'ใจดี',
  'ศรีสุข',
  'ทองคำ',
  'แก้วมณี',
  'บุญมา',
  'สุขสวัสดิ์',
  'วงศ์ใหญ่',
  'รุ่งเรือง',
  'มั่นคง',
  'พรหมมา',
  'แสงทอง',
  'ชัยมงคล',
  'ศรีวงศ์',
  'อินทร์แก้ว',
  'จันทร์หอม',
  'สายบุญ',
  'ทองมา',
  'คำแสน',
  'ปัญญาดี',
  'เพชรรัตน์',
  'บุญเรือง',
  'สิทธิชัย',
  'ประเสริฐวงศ์',
  'นาคสวัสดิ์',
  'ธรรมวงศ์',
  'พึ่งบุญ',
  'เกิดผล',
  'ยอดเพชร',
  'ศรีประเสริฐ',
  'มีสุข',
  'ดวงแก้ว',
  'ขันทอง',
  'โพธิ์ทอง',
  'สมบูรณ์',
  'อ่อนศรี',
  'กองแก้ว',
  'เรืองศรี',
  'ทิพย์มณี',
  'วิเศษสุข',
  'จำปาทอง',
];
const HOUSEHOLD_SIZE = 3;

/** Person `index` of the synthetic population: the same on every run and in every domain's seed. */
export function personAt(index: number): SyntheticPerson {
  if (index < DEMO_PEOPLE.length) return DEMO_PEOPLE[index];
  const household = householdOf(index);
  const random = createRandom(`person:${index}`);
  const provinceCode = householdProvince(household);
  const sex = random.chance(0.5) ? 'MALE' : 'FEMALE';
  const dateOfBirth = random.date('1935-01-01', '2017-06-30');
  const child = dateOfBirth > '2002-12-01';
  const titleTh = child ? (sex === 'MALE' ? 'เด็กชาย' : 'เด็กหญิง') : sex === 'MALE' ? 'นาย' : random.chance(0.6) ? 'นาง' : 'นางสาว';
  const registrationCategory = random.weighted(REGISTRATION_CATEGORIES, (category) => CATEGORY_WEIGHTS[category]);
  const leading = registrationCategory === 'THAI' ? (dateOfBirth >= '1984-01-01' ? '1' : '3') : CATEGORY_DIGIT[registrationCategory];
  const district = String(random.int(1, 30)).padStart(2, '0');
  let nationalId = withCheckDigit(`${leading}${provinceCode}${district}${String(index).padStart(7, '0')}`);
  if (DEMO_IDS.has(nationalId)) nationalId = withCheckDigit(`${leading}${provinceCode}99${String(index).padStart(7, '0')}`);
  return {
    index,
    nationalId,
    titleTh,
    firstNameTh: random.pick(sex === 'MALE' ? MALE_NAMES : FEMALE_NAMES),
    lastNameTh: surnameOfHousehold(household),
    dateOfBirth,
    sex,
    registrationCategory,
    provinceCode,
    household,
    synthetic: true,
  };
}

/** People 0..count-1 (the demo identities first). */
export function* people(count: number): Generator<SyntheticPerson> {
  for (let index = 0; index < count; index++) yield personAt(index);
}

/**
 * Person `index`'s province, the same as `personAt(index).provinceCode` without building the person: a household's
 * province is all it takes, far cheaper when a seed visits a million people.
 */
export function provinceOfPerson(index: number): string {
  return householdProvince(householdOf(index));
}

export function householdOf(index: number): number {
  return index < DEMO_PEOPLE.length ? index : DEMO_PEOPLE.length + Math.floor((index - DEMO_PEOPLE.length) / HOUSEHOLD_SIZE);
}

/** The 11-digit house code (รหัสประจำบ้าน) of a household. */
export function houseIdOf(household: number): string {
  return `${householdProvince(household)}${String(household).padStart(9, '0')}`;
}

function householdProvince(household: number): string {
  if (household < DEMO_PEOPLE.length) return DEMO_PEOPLE[household].provinceCode;
  return createRandom(`household:${household}`).weighted(provinces(), (province) => province.population).code;
}

function surnameOfHousehold(household: number): string {
  return createRandom(`surname:${household}`).pick(SURNAMES);
}

const CATEGORY_WEIGHTS: Record<RegistrationCategory, number> = {
  THAI: 955,
  NON_THAI: 10,
  NO_STATUS: 8,
  ALIEN: 5,
  MIGRANT_WORKER: 20,
  DISPLACED_MYANMAR: 2,
};
const CATEGORY_DIGIT: Record<RegistrationCategory, string> = {
  THAI: '1',
  NON_THAI: '6',
  NO_STATUS: '0',
  ALIEN: '8',
  MIGRANT_WORKER: '0',
  DISPLACED_MYANMAR: '6',
};
