import { agencies, bulkInsert, createRandom, progress, provinces, type Database, type Logger, type Random } from '@govhub/shared';
import type { GeoUseLevel } from '../generated';
import { ANDAMAN_PROVINCES, COASTAL_PROVINCES, layerSubjects, type Coverage, type LayerSubject } from './layerCatalogue';
import { ngisSource, zoneSource } from './sources';

const USE_LEVEL_WEIGHTS: Record<GeoUseLevel, number> = { PUBLIC: 55, GOVERNMENT: 25, LEARNING: 20 };
const USE_LEVELS = Object.keys(USE_LEVEL_WEIGHTS) as GeoUseLevel[];

const layerId = (index: number) => `NGIS-${String(index + 1).padStart(3, '0')}`;

/**
 * The core layers [invent]: as many as planned and exactly as many done as reported, owned by as many
 * agencies as reported. Which layers are done, their use levels, dates and pilot provinces are drawn
 * deterministically.
 */
export async function seedLayers(db: Database, logger: Logger): Promise<void> {
  const { report } = ngisSource();
  const subjects = layerSubjects();
  checkCatalogue(subjects, report.coreLayersPlanned, report.memberAgencies);
  const done = doneIndexes(subjects.length, report.coreLayersDone);
  const layers: unknown[][] = [];
  const coverage: unknown[][] = [];
  subjects.forEach((subject, index) => {
    const id = layerId(index);
    const random = createRandom(`resources:layer:${id}`);
    const isDone = done.has(index);
    const useLevel = subject.governmentOnly ? 'GOVERNMENT' : random.weighted(USE_LEVELS, (level) => USE_LEVEL_WEIGHTS[level]);
    const updatedOn = isDone ? random.date('2016-01-15', report.reportedOn) : random.date('2017-06-01', '2017-11-30');
    layers.push([
      id,
      subject.nameTh,
      subject.nameEn,
      subject.owner,
      subject.theme,
      useLevel,
      isDone ? 'DONE' : 'IN_PROGRESS',
      subject.coverage === 'NATIONAL',
      updatedOn,
      true,
    ]);
    for (const code of coveredProvinces(subject.coverage, random)) coverage.push([id, code]);
  });
  const tick = progress(logger, 'resources.layers', layers.length + coverage.length);
  await bulkInsert(
    db,
    'geo_layer',
    ['id', 'name_th', 'name_en', 'owner_code', 'theme', 'use_level', 'status', 'national', 'updated_on', 'synthetic'],
    layers,
  );
  tick(layers.length);
  await bulkInsert(db, 'geo_layer_province', ['layer_id', 'province_code'], coverage, { onProgress: (sent) => tick(layers.length + sent) });
}

function checkCatalogue(subjects: LayerSubject[], planned: number, owners: number): void {
  const known = new Set(agencies().map((agency) => agency.code));
  const distinct = new Set(subjects.map((subject) => subject.owner));
  const unknown = [...distinct].filter((code) => !known.has(code));
  if (subjects.length !== planned || distinct.size !== owners || unknown.length > 0) {
    throw new Error(`layer catalogue: ${subjects.length} layers (want ${planned}), ${distinct.size} owners (want ${owners}), unknown ${unknown}`);
  }
}

/** Exactly `count` of `total` indexes, drawn by sorting on a deterministic random key. */
function doneIndexes(total: number, count: number): Set<number> {
  const random = createRandom('resources:layer-status');
  const order = Array.from({ length: total }, (_, index) => ({ index, key: random.next() })).sort((a, b) => a.key - b.key);
  return new Set(order.slice(0, count).map((entry) => entry.index));
}

/** The provinces a non-national layer covers, stored as rows; a national layer needs none. */
function coveredProvinces(coverage: Coverage, random: Random): string[] {
  switch (coverage) {
    case 'NATIONAL':
      return [];
    case 'COASTAL':
      return COASTAL_PROVINCES;
    case 'ANDAMAN':
      return ANDAMAN_PROVINCES;
    case 'SEZ':
      return zoneSource().flatMap((zone) => zone.provinceCodes);
    case 'PILOT': {
      const all = provinces();
      const picked = new Set<string>();
      const wanted = random.int(3, 12);
      while (picked.size < wanted) picked.add(random.pick(all).code);
      return [...picked].sort();
    }
  }
}
