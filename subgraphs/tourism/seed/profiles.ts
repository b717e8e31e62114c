import { createRandom, provinces, type ProvinceReference } from '@govhub/shared';

/** The seed data's "now": figures are as of 1 Dec 2560 (docs/domains.md). */
export const AS_OF = '2017-12-01';
/** The last day before AS_OF, the latest date anything can have happened on. */
export const LAST_DAY = '2017-11-30';

/**
 * A province's tourism in 2017. Every number is invented (docs/domains.md, tourism: the seeds give none), shaped so
 * that Bangkok, Phuket, Chon Buri and Chiang Mai are the largest destinations, in that order.
 */
export interface TourismProfile {
  province: ProvinceReference;
  /** Visitors in 2017, Thai and foreign. */
  annualArrivals: number;
  foreignShare: number;
  /** Spending per visit, in baht. */
  foreignSpend: number;
  thaiSpend: number;
  /** A destination tourism is known for: more tour businesses and larger hotels. */
  destination: boolean;
}

/** Annual visitors (millions) and foreign share of the well-known destinations; the rest follow population. */
const DESTINATIONS: Record<string, [millions: number, foreignShare: number]> = {
  '10': [62, 0.36], // Bangkok
  '83': [14, 0.72], // Phuket
  '20': [12.5, 0.5], // Chon Buri (Pattaya)
  '50': [10.5, 0.3], // Chiang Mai
  '81': [5.5, 0.6], // Krabi
  '84': [5.2, 0.45], // Surat Thani (Samui)
  '90': [4.8, 0.35], // Songkhla (Hat Yai)
  '77': [4.5, 0.15], // Prachuap Khiri Khan (Hua Hin)
  '71': [4.4, 0.1], // Kanchanaburi
  '14': [4.2, 0.25], // Phra Nakhon Si Ayutthaya
  '21': [4, 0.2], // Rayong
  '76': [4, 0.05], // Phetchaburi
  '57': [3.8, 0.15], // Chiang Rai
  '82': [3.6, 0.6], // Phang Nga
};

/** Relative visitors by month, January first: high season November to February. */
export const SEASON = [1.14, 1.08, 1.02, 0.96, 0.86, 0.86, 0.95, 0.96, 0.82, 0.92, 1.05, 1.38];

let cache: TourismProfile[] | null = null;

export function tourismProfiles(): TourismProfile[] {
  cache ??= provinces().map((province) => {
    const random = createRandom(`tourism:profile:${province.code}`);
    const known = DESTINATIONS[province.code];
    return known
      ? {
          province,
          destination: true,
          annualArrivals: known[0] * 1_000_000,
          foreignShare: known[1],
          foreignSpend: random.int(16_000, 26_000),
          thaiSpend: random.int(3_000, 4_500),
        }
      : {
          province,
          destination: false,
          annualArrivals: Math.round(province.population * (0.8 + random.next())),
          foreignShare: 0.02 + random.next() * 0.06,
          foreignSpend: random.int(6_000, 12_000),
          thaiSpend: random.int(1_800, 3_000),
        };
  });
  return cache;
}

export function tourismProfile(provinceCode: string): TourismProfile {
  const profile = tourismProfiles().find((p) => p.province.code === provinceCode);
  if (!profile) throw new Error(`no province ${provinceCode}`);
  return profile;
}

/** `date` plus `years`, as YYYY-MM-DD (29 Feb rolls over to 1 Mar). */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year + years, month - 1, day)).toISOString().slice(0, 10);
}

export function later(a: string, b: string): string {
  return a > b ? a : b;
}
