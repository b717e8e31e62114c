import { bulkInsert, createRandom, provinces, type Database, type ProvinceReference, type Random, type Region } from '@govhub/shared';
import type { Hazard } from '../generated';
import { EVENTS } from './events';

/** The seed data's "now": figures are as of 1 Dec 2560 (docs/domains.md). */
export const AS_OF = '2017-12-01';

const REGION_HAZARDS: Record<Region, Hazard[]> = {
  NORTH: ['FLOOD', 'LANDSLIDE', 'FOREST_FIRE', 'COLD_WAVE', 'DROUGHT'],
  NORTHEAST: ['DROUGHT', 'FLOOD', 'STORM', 'COLD_WAVE'],
  CENTRAL: ['FLOOD', 'DROUGHT'],
  EAST: ['FLOOD', 'STORM', 'DROUGHT'],
  WEST: ['FLOOD', 'LANDSLIDE', 'FOREST_FIRE', 'DROUGHT'],
  SOUTH: ['FLOOD', 'STORM', 'LANDSLIDE'],
};
/** Andaman coast provinces face tsunamis (outside the seeds: the 2004 tsunami). */
const ANDAMAN = new Set(['81', '82', '83', '85', '91', '92']);
/** Provinces near active faults in the far north and west (outside the seeds). */
const FAULT_ZONE = new Set(['50', '57', '58', '63', '71']);
const WET_REGIONS: ReadonlySet<Region> = new Set(['SOUTH', 'EAST']);
const FORESTED: Partial<Record<Region, [number, number]>> = { NORTH: [0.5, 0.75], WEST: [0.4, 0.7], SOUTH: [0.2, 0.4] };

/** Provinces an event struck in 2017: their infrastructure damage is large. */
const STRUCK_2017 = new Set(EVENTS.flatMap((event) => event.provinces));

const between = (random: Random, min: number, max: number) => min + random.next() * (max - min);
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * A disaster profile for each of the 77 provinces in the seven profile categories. The total population
 * comes from the shared provinces reference; every other figure is invented (flagged synthetic), scaled to it.
 */
export async function seedProfiles(db: Database): Promise<void> {
  await bulkInsert(
    db,
    'province_profile',
    [
      'province_code',
      'as_of',
      'hazards',
      'annual_rainfall_mm',
      'rainy_days',
      'storms_last_10_years',
      'risk_villages',
      'area_km2',
      'forest_area_km2',
      'retention_area_km2',
      'evacuation_sites',
      'evacuation_capacity',
      'road_km',
      'bridges',
      'damaged_road_km_2017',
      'damage_value_baht_2017',
      'establishments',
      'industrial_estates',
      'agricultural_area_rai',
      'schools',
      'health_facilities',
      'religious_sites',
      'government_offices',
      'population',
      'male',
      'female',
      'children',
      'elderly',
      'vulnerable',
      'households',
      'machinery',
      'vehicles',
      'boats',
      'personnel',
      'volunteers',
      'synthetic',
    ],
    provinces().map(profileRow),
  );
}

function profileRow(province: ProvinceReference): unknown[] {
  const random = createRandom(`disaster:profile:${province.code}`);
  const { region, population } = province;
  const wet = WET_REGIONS.has(region);
  const struck = STRUCK_2017.has(province.code);
  const area = round2(region === 'CENTRAL' ? between(random, 400, 6000) : between(random, 2000, 14000));
  const [forestMin, forestMax] = FORESTED[region] ?? [0.05, 0.25];
  const evacuationSites = random.int(20, 150);
  const male = Math.round(population * between(random, 0.485, 0.495));
  const hazards = [
    ...REGION_HAZARDS[region],
    ...(ANDAMAN.has(province.code) ? ['TSUNAMI'] : []),
    ...(FAULT_ZONE.has(province.code) ? ['EARTHQUAKE'] : []),
  ];
  return [
    province.code,
    AS_OF,
    hazards,
    wet ? random.int(1800, 3200) : random.int(1000, 1500),
    wet ? random.int(150, 190) : random.int(100, 140),
    region === 'CENTRAL' || region === 'WEST' ? random.int(0, 2) : random.int(1, 6),
    random.int(50, 600),
    area,
    round2(area * between(random, forestMin, forestMax)),
    round2(area * (region === 'CENTRAL' ? between(random, 0.03, 0.1) : between(random, 0.01, 0.06))),
    evacuationSites,
    evacuationSites * random.int(300, 1500),
    Math.round(area * between(random, 0.4, 0.8)),
    random.int(50, 600),
    struck ? random.int(20, 400) : random.int(0, 10),
    round2(struck ? between(random, 50e6, 3e9) : between(random, 0, 20e6)),
    Math.round((population / 20) * between(random, 0.8, 1.2)),
    region === 'EAST' || region === 'CENTRAL' ? random.int(1, 8) : random.int(0, 3),
    Math.round(area * 625 * between(random, 0.3, 0.6)),
    Math.round((population / 1800) * between(random, 0.8, 1.2)),
    Math.round((population / 5000) * between(random, 0.8, 1.2)),
    Math.round((population / 2500) * between(random, 0.8, 1.2)),
    random.int(100, 600),
    population,
    male,
    population - male,
    Math.round(population * between(random, 0.16, 0.2)),
    Math.round(population * between(random, 0.13, 0.19)),
    Math.round(population * between(random, 0.02, 0.04)),
    Math.round(population / between(random, 2.7, 3.2)),
    random.int(10, 60),
    random.int(20, 120),
    wet || struck ? random.int(20, 80) : random.int(5, 30),
    random.int(40, 250),
    Math.round(population * between(random, 0.01, 0.02)),
    true,
  ];
}
