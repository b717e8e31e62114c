import type { PartSource } from '../../api/partial';

/** Each dashboard part: which paths of `CitizenDashboard` it shows, and which subgraphs answer them. */
export const SOURCES = {
  profile: {
    paths: [
      ['me', 'nationalId'],
      ['me', 'titleTh'],
      ['me', 'firstNameTh'],
      ['me', 'lastNameTh'],
      ['me', 'dateOfBirth'],
    ],
    domains: ['citizen'],
  },
  house: {
    paths: [
      ['me', 'address', 'houseId'],
      ['me', 'address', 'houseNo'],
      ['me', 'address', 'moo'],
      ['me', 'address', 'subdistrictTh'],
      ['me', 'address', 'districtTh'],
      ['me', 'address', 'province', 'code'],
      ['me', 'address', 'province', 'nameTh'],
      ['me', 'address', 'province', 'nameEn'],
    ],
    domains: ['citizen'],
  },
  welfare: { paths: [['me', 'lowIncomeRegistration']], domains: ['citizen'] },
  health: { paths: [['me', 'healthCoverage']], domains: ['citizen'] },
  businesses: { paths: [['me', 'businesses']], domains: ['business'] },
  water: {
    paths: [
      ['me', 'address', 'province', 'waterSituation'],
      ['me', 'address', 'province', 'rainForecast'],
    ],
    domains: ['water'],
  },
  warnings: { paths: [['me', 'address', 'province', 'activeWarnings']], domains: ['disaster'] },
  assistance: { paths: [['me', 'disasterAssistance']], domains: ['disaster'] },
  services: { paths: [['governmentServices']], domains: ['citizen'] },
} satisfies Record<string, PartSource>;

export type PartName = keyof typeof SOURCES;
