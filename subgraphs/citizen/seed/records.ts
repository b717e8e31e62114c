import { createRandom, DEMO_PEOPLE, houseIdOf, householdOf, type Random, type SyntheticPerson } from '@govhub/shared';
import {
  BANGKOK,
  BANGKOK_HOSPITAL,
  employerName,
  hospitalIn,
  placeIn,
  prisonIn,
  probationOfficeIn,
  province,
  registryOffice,
  schoolName,
  type Place,
} from './places';

/** Columns of each table a person's records fill, in insertion order (houses before persons before the rest). */
export const TABLES = {
  house: ['house_id', 'house_no', 'moo', 'subdistrict_th', 'district_th', 'province_code', 'house_master_id', 'synthetic'],
  person: [
    'national_id',
    'person_index',
    'title_th',
    'first_name_th',
    'last_name_th',
    'date_of_birth',
    'sex',
    'registration_category',
    'house_id',
    'province_code',
    'synthetic',
  ],
  civil_event: ['national_id', 'position', 'type', 'registered_on', 'office', 'synthetic'],
  low_income_registration: ['national_id', 'status', 'registered_on', 'annual_income_baht', 'welfare_card_balance_baht', 'synthetic'],
  health_coverage: ['national_id', 'scheme', 'main_hospital', 'since', 'synthetic'],
  social_security: ['national_id', 'current_hospital', 'employer_name', 'insured_since', 'synthetic'],
  farm_plot: ['national_id', 'plot_no', 'crop', 'area_rai', 'province_code', 'synthetic'],
  student_record: ['national_id', 'academic_year', 'level', 'grade', 'school_name', 'synthetic'],
  chronic_condition: ['national_id', 'condition', 'diagnosed_on', 'last_checked_on', 'controlled', 'hospital', 'synthetic'],
  disability: ['national_id', 'type', 'card_issued_on', 'card_expires_on', 'monthly_allowance_baht', 'synthetic'],
  elderly_registration: ['national_id', 'registered_on', 'monthly_allowance_baht', 'synthetic'],
  probation: ['national_id', 'case_no', 'office', 'started_on', 'ends_on', 'synthetic'],
  incarceration: ['national_id', 'prison', 'admitted_on', 'release_due_on', 'status', 'synthetic'],
} as const;
export type Table = keyof typeof TABLES;
export type TableRows = Record<Table, unknown[][]>;

export const emptyRows = (): TableRows => Object.fromEntries(Object.keys(TABLES).map((table) => [table, []])) as unknown as TableRows;

/** The seed's "now": figures are as of 1 Dec 2560. */
const NOW = '2017-12-01';
const LAST_DAY = '2017-11-30';

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of a YYYY-MM-DD date. */
const dayOf = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
const two = (n: number) => (n < 10 ? `0${n}` : String(n));
/** The YYYY-MM-DD of a day number without a Date object (civil-from-days): seeding a million people adds up. */
function dateOf(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return `${yoe + era * 400 + (month <= 2 ? 1 : 0)}-${two(month)}-${two(doy - Math.floor((153 * mp + 2) / 5) + 1)}`;
}
const addDays = (date: string, days: number) => dateOf(dayOf(date) + days);
function addYears(date: string, years: number): string {
  const year = +date.slice(0, 4) + years;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return date.endsWith('-02-29') && !leap ? `${year}-03-01` : `${year}${date.slice(4)}`;
}
const earliest = (a: string, b: string) => (a < b ? a : b);
const latest = (a: string, b: string) => (a > b ? a : b);
/** A date in [from, to], or `to` when the range is empty. */
const dateIn = (random: Random, from: string, to: string) => {
  const first = dayOf(from);
  const last = dayOf(to);
  return first < last ? dateOf(first + random.int(0, last - first)) : to;
};
function ageOn(dateOfBirth: string, on: string): number {
  const years = +on.slice(0, 4) - +dateOfBirth.slice(0, 4);
  return on.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

type Crop = 'RICE' | 'RUBBER' | 'CASSAVA' | 'SUGARCANE' | 'MAIZE' | 'OIL_PALM' | 'FRUIT';
/** Crop shares by region: rice everywhere, rubber and oil palm in the south, cassava and cane in the northeast. */
const CROP_WEIGHTS: Record<string, Partial<Record<Crop, number>>> = {
  SOUTH: { RUBBER: 55, OIL_PALM: 20, FRUIT: 15, RICE: 10 },
  NORTHEAST: { RICE: 65, CASSAVA: 15, SUGARCANE: 10, RUBBER: 5, MAIZE: 5 },
  NORTH: { RICE: 55, MAIZE: 20, FRUIT: 10, CASSAVA: 5, RUBBER: 5, SUGARCANE: 5 },
  EAST: { RICE: 30, RUBBER: 25, FRUIT: 25, CASSAVA: 15, SUGARCANE: 5 },
  CENTRAL: { RICE: 50, SUGARCANE: 15, CASSAVA: 15, FRUIT: 15, MAIZE: 5 },
  WEST: { RICE: 40, SUGARCANE: 25, CASSAVA: 15, FRUIT: 10, MAIZE: 10 },
};
const DISABILITY_WEIGHTS = { PHYSICAL: 48, HEARING: 18, INTELLECTUAL: 9, VISUAL: 10, MENTAL: 8, LEARNING: 4, AUTISM: 3 };

function weightedKey<K extends string>(random: Random, weights: Partial<Record<K, number>>): K {
  const keys = Object.keys(weights) as K[];
  return random.weighted(keys, (key) => weights[key] ?? 0);
}

/** The old-age allowance steps by age (60s 600, 70s 700, 80s 800, 90+ 1,000 baht a month). */
const elderlyAllowance = (age: number) => (age >= 90 ? 1000 : age >= 80 ? 800 : age >= 70 ? 700 : 600);

/** Adds a household's house registration; its first member is the house master (เจ้าบ้าน). */
function addHouse(rows: TableRows, person: SyntheticPerson, houseId: string): Place {
  const random = createRandom(`citizen:house:${person.household}`);
  const place = placeIn(random, person.provinceCode);
  const houseNo = random.chance(0.3) ? `${random.int(1, 999)}/${random.int(1, 99)}` : String(random.int(1, 999));
  const moo = place.provinceCode === BANGKOK ? null : random.int(1, 15);
  rows.house.push([houseId, houseNo, moo, place.subdistrictTh, place.districtTh, place.provinceCode, person.nationalId, true]);
  return place;
}

/** The household's place again, for its other members (same seed as its house). */
const placeOf = (person: SyntheticPerson) => placeIn(createRandom(`citizen:house:${person.household}`), person.provinceCode);

/** Birth, then marriage, divorce, name change, adoption at plausible rates, all before death or 1 Dec 2560. */
function addCivilEvents(rows: TableRows, random: Random, person: SyntheticPerson, place: Place, died: string | null): void {
  const { dateOfBirth: born } = person;
  const end = died ?? LAST_DAY;
  const office = registryOffice(place);
  const events: [string, string][] = [['BIRTH', earliest(addDays(born, random.int(0, 14)), end)]];
  const married = addDays(addYears(born, random.int(20, 40)), random.int(0, 364));
  if (married < end && random.chance(0.6)) {
    events.push(['MARRIAGE', married]);
    if (random.chance(0.2)) events.push(['DIVORCE', dateIn(random, addYears(married, 1), end)]);
  }
  const fifteen = addYears(born, 15);
  if (fifteen < end && random.chance(0.06)) events.push(['NAME_CHANGE', dateIn(random, fifteen, end)]);
  const one = addYears(born, 1);
  if (one < end && random.chance(0.004)) events.push(['ADOPTION', dateIn(random, one, earliest(addYears(born, 17), end))]);
  if (died) events.push(['DEATH', died]);
  events
    .sort((a, b) => a[1].localeCompare(b[1]))
    .forEach(([type, on], position) => rows.civil_event.push([person.nationalId, position, type, on, office, true]));
}

/** What provider agencies hold about a living person, at plausible synthetic rates. */
function addBenefits(rows: TableRows, random: Random, person: SyntheticPerson, place: Place): void {
  const { nationalId: id, dateOfBirth: born, provinceCode } = person;
  const age = ageOn(born, NOW);
  const thai = person.registrationCategory === 'THAI';
  const hospital = hospitalIn(random, provinceCode);

  const insured = age >= 18 && age < 60 && random.chance(thai ? 0.32 : person.registrationCategory === 'MIGRANT_WORKER' ? 0.5 : 0);
  if (insured) {
    rows.social_security.push([id, hospital, employerName(random), dateIn(random, addYears(born, 18), '2017-11-01'), true]);
  }
  if (insured || thai) {
    const scheme = insured ? 'SSS' : weightedKey(random, { UCS: 88, CSMBS: 9, LOCAL_GOVERNMENT: 2, STATE_ENTERPRISE: 1 });
    rows.health_coverage.push([id, scheme, hospital, latest(born, dateIn(random, '2002-04-01', '2017-11-01')), true]);
  }
  if (thai && age >= 18 && random.chance(0.22)) {
    const status = weightedKey(random, { ELIGIBLE: 82, INELIGIBLE: 15, UNDER_REVIEW: 3 });
    const income = status === 'INELIGIBLE' ? random.int(100_001, 250_000) : random.int(0, 100_000);
    // the welfare card's monthly credit is 300 baht up to 30,000 baht a year, else 200
    const balance = status === 'ELIGIBLE' ? random.int(0, income <= 30_000 ? 30_000 : 20_000) / 100 : null;
    rows.low_income_registration.push([id, status, dateIn(random, '2017-04-03', '2017-05-15'), income, balance, true]);
  }
  if (provinceCode !== BANGKOK && age >= 20 && random.chance(0.28)) {
    const crops = CROP_WEIGHTS[province(provinceCode).region];
    const plots = random.int(1, 3);
    for (let plot = 1; plot <= plots; plot++) {
      rows.farm_plot.push([id, plot, weightedKey(random, crops), random.int(4, 120) / 4, provinceCode, true]);
    }
  }
  addStudentRecords(rows, random, person, place);
  if (age >= 35) {
    const risk = age >= 60 ? 1.8 : 1;
    for (const [condition, rate] of [
      ['DIABETES', 0.08],
      ['HYPERTENSION', 0.2],
    ] as const) {
      if (!random.chance(rate * risk)) continue;
      rows.chronic_condition.push([
        id,
        condition,
        dateIn(random, addYears(born, 30), '2017-10-31'),
        dateIn(random, '2017-06-01', LAST_DAY),
        random.chance(0.6),
        hospital,
        true,
      ]);
    }
  }
  if (random.chance(age >= 60 ? 0.06 : 0.02)) {
    const issued = dateIn(random, latest(born, '2010-01-01'), LAST_DAY);
    rows.disability.push([id, weightedKey(random, DISABILITY_WEIGHTS), issued, addYears(issued, 8), 800, true]);
  }
  if (age >= 60 && random.chance(0.92)) {
    rows.elderly_registration.push([id, latest(addDays(addYears(born, 59), random.int(0, 300)), '2009-10-01'), elderlyAllowance(age), true]);
  }
  if (age >= 18 && age < 70) {
    if (random.chance(0.003)) {
      const started = dateIn(random, '2015-01-01', LAST_DAY);
      const caseNo = `คป.${random.int(1, 9999)}/${Number(started.slice(0, 4)) + 543}`;
      rows.probation.push([id, caseNo, probationOfficeIn(provinceCode), started, addYears(started, random.int(1, 3)), true]);
    } else if (random.chance(0.004)) {
      const admitted = dateIn(random, latest(addYears(born, 18), '2005-01-01'), LAST_DAY);
      const releaseDue = addYears(admitted, random.int(1, 15));
      rows.incarceration.push([id, prisonIn(provinceCode), admitted, releaseDue, releaseDue < NOW ? 'RELEASED' : 'IN_CUSTODY', true]);
    }
  }
}

/** School records of the last three academic years (the register holds them since 2554, Linkage row 49). */
function addStudentRecords(rows: TableRows, random: Random, person: SyntheticPerson, place: Place): void {
  const birthYear = Number(person.dateOfBirth.slice(0, 4));
  const vocational = random.chance(0.3);
  const university = random.chance(0.45) ? schoolName(random, place, 'HIGHER') : null;
  if (!random.chance(0.92)) return; // out of school
  for (let year = 2015; year <= 2017; year++) {
    const age = year - birthYear;
    let record: [string, number, string] | null = null;
    if (age >= 6 && age <= 11) record = ['PRIMARY', age - 5, schoolName(random, place, 'PRIMARY')];
    else if (age >= 12 && age <= 14) record = ['LOWER_SECONDARY', age - 11, schoolName(random, place, 'SECONDARY')];
    else if (age >= 15 && age <= 17) {
      record = vocational
        ? ['VOCATIONAL', age - 14, schoolName(random, place, 'VOCATIONAL')]
        : ['UPPER_SECONDARY', age - 11, schoolName(random, place, 'SECONDARY')];
    } else if (age >= 18 && age <= 21 && university) record = ['HIGHER', age - 17, university];
    if (record) rows.student_record.push([person.nationalId, year, ...record, true]);
  }
}

/**
 * The demo identities (README.md, demo identities) get fixed records instead of random ones: person 0 is on the
 * low-income register, person 1 farms rice in Phayao, person 2 farms rubber in Surat Thani.
 */
function addDemoBenefits(rows: TableRows, person: SyntheticPerson): void {
  const id = person.nationalId;
  switch (person.index) {
    case 0:
      rows.low_income_registration.push([id, 'ELIGIBLE', '2017-04-20', 28_000, 186.5, true]);
      rows.health_coverage.push([id, 'UCS', BANGKOK_HOSPITAL, '2002-10-01', true]);
      break;
    case 1:
      rows.health_coverage.push([id, 'UCS', 'โรงพยาบาลพะเยา', '2002-10-01', true]);
      rows.farm_plot.push([id, 1, 'RICE', 12.5, '56', true], [id, 2, 'RICE', 6, '56', true]);
      break;
    case 2:
      rows.health_coverage.push([id, 'UCS', 'โรงพยาบาลสุราษฎร์ธานี', '2002-10-01', true]);
      rows.farm_plot.push([id, 1, 'RUBBER', 15, '84', true]);
      break;
  }
}

/** Adds everything the civil registry and the provider agencies hold about person `person.index`. */
export function addPersonRecords(rows: TableRows, person: SyntheticPerson): void {
  const firstOfHousehold = person.index === 0 || householdOf(person.index - 1) !== person.household;
  const houseId = houseIdOf(person.household);
  const place = firstOfHousehold ? addHouse(rows, person, houseId) : placeOf(person);
  rows.person.push([
    person.nationalId,
    person.index,
    person.titleTh,
    person.firstNameTh,
    person.lastNameTh,
    person.dateOfBirth,
    person.sex,
    person.registrationCategory,
    houseId,
    person.provinceCode,
    person.synthetic,
  ]);
  const random = createRandom(`citizen:person:${person.index}`);
  const demo = person.index < DEMO_PEOPLE.length;
  const died = !demo && ageOn(person.dateOfBirth, NOW) >= 70 && random.chance(0.03) ? dateIn(random, '2010-01-01', LAST_DAY) : null;
  addCivilEvents(rows, random, person, place, died);
  if (demo) addDemoBenefits(rows, person);
  else if (!died) addBenefits(rows, random, person, place);
}
