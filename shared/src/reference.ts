import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reference data every domain's seed shares (provinces, ministries, agencies), kept as JSON in `shared/data/`
 * so that each domain's synthetic records point at the same codes the governance subgraph publishes.
 */
export type Region = 'NORTH' | 'NORTHEAST' | 'CENTRAL' | 'EAST' | 'WEST' | 'SOUTH';

export interface ProvinceReference {
  code: string;
  nameTh: string;
  nameEn: string;
  region: Region;
  population: number;
}

export interface SurveyCounts {
  agencies: number;
  databases: number;
  datasets: number;
  ready: number;
  notReady: number;
}

export interface MinistryReference {
  code: string;
  nameTh: string;
  nameEn: string;
  abbrTh?: string;
  survey: SurveyCounts;
}

export interface AgencyReference {
  code: string;
  nameTh: string;
  nameEn: string;
  ministry: string | null;
  aliases: string[];
  surveyed: boolean;
  synthetic: boolean;
}

const DATA_DIR = join(__dirname, '..', 'data');
const cache = new Map<string, unknown>();

export function readReference<T>(file: string): T {
  if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')));
  return cache.get(file) as T;
}

export const provinces = (): ProvinceReference[] => readReference('provinces.json');
export const ministries = (): MinistryReference[] => readReference('ministries.json');
export const agencies = (): AgencyReference[] => readReference('agencies.json');

export interface HubDatasetReference {
  id: string;
  nameTh: string;
  nameEn?: string;
  owner: string;
  classification: 'PUBLIC' | 'INTERNAL' | 'PERSONAL' | 'SENSITIVE' | 'SECRET';
  readyToLink: boolean;
  updateFrequency: string;
  description?: string;
}

/** The datasets the hub's subgraphs publish, one file per domain in `shared/data/datasets/`. */
export function hubDatasets(): HubDatasetReference[] {
  const dir = join(DATA_DIR, 'datasets');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => readReference<HubDatasetReference[]>(join('datasets', file)));
}
