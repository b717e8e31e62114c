import { bulkInsert, createRandom, progress, provinces, type Database, type Logger, type ProvinceReference } from '@govhub/shared';
import { readSeedData, roundTo, shuffled } from './common';
import { provinceSituation, RAIN_INTENSITY } from './situation';

/** Approximate coordinates of each provincial seat and its main river basin (of the 25); outside the seeds. */
interface ProvinceGeography {
  province: string;
  lat: number;
  lon: number;
  basinTh: string;
}

const OPERATORS = ['HAII', 'RID', 'TMD', 'DWR'] as const;
type Operator = (typeof OPERATORS)[number];
const STATION_NAME: Record<Operator, (provinceTh: string) => string> = {
  HAII: (provinceTh) => `สถานีโทรมาตรอัตโนมัติ สสนก. ${provinceTh}`,
  RID: (provinceTh) => `สถานีวัดน้ำท่า กรมชลประทาน ${provinceTh}`,
  TMD: (provinceTh) => `สถานีอุตุนิยมวิทยา${provinceTh}`,
  DWR: (provinceTh) => `สถานีเตือนภัยน้ำหลาก-ดินถล่ม กรมทรัพยากรน้ำ ${provinceTh}`,
};
/** Weather stations measure rain only; the others also gauge a river. */
const GAUGES_RIVER: Record<Operator, boolean> = { HAII: true, RID: true, TMD: false, DWR: true };

/** Four readings a day for the seven days up to midnight of 1 Dec 2560, Thai time. */
const READINGS = 7 * 4;
const LAST_READING = Date.parse('2017-12-01T00:00:00+07:00');
const READING_INTERVAL_MS = 6 * 3_600_000;

interface Station {
  id: string;
  operator: Operator;
  province: ProvinceReference;
  geography: ProvinceGeography;
  lat: number;
  lon: number;
}

/** Two to four invented stations per province, with readings that follow the province's flood situation. */
export async function seedTelemetry(db: Database, logger: Logger): Promise<void> {
  const geography = new Map(readSeedData<ProvinceGeography[]>('provinceGeography.json').map((g) => [g.province, g]));
  const stations = provinces().flatMap((province) => {
    const place = geography.get(province.code);
    if (!place) throw new Error(`provinceGeography.json has no province ${province.code}`);
    return stationsOf(province, place);
  });
  await bulkInsert(
    db,
    'telemetry_station',
    ['id', 'name_th', 'operator_code', 'province_code', 'basin', 'lat', 'lon', 'synthetic'],
    stations.map((s) => [s.id, STATION_NAME[s.operator](s.province.nameTh), s.operator, s.province.code, s.geography.basinTh, s.lat, s.lon, true]),
  );
  const readings = stations.flatMap(observationsOf);
  const tick = progress(logger, 'water.observations', readings.length);
  await bulkInsert(db, 'observation', ['station_id', 'at', 'rainfall_mm', 'water_level_m', 'synthetic'], readings, { onProgress: tick });
}

function stationsOf(province: ProvinceReference, geography: ProvinceGeography): Station[] {
  const random = createRandom(`water:stations:${province.code}`);
  const operators = shuffled(random, OPERATORS).slice(0, random.int(2, OPERATORS.length));
  return operators.map((operator) => ({
    id: `${operator}-${province.code}`,
    operator,
    province,
    geography,
    lat: roundTo(geography.lat + (random.next() - 0.5) * 0.5, 4),
    lon: roundTo(geography.lon + (random.next() - 0.5) * 0.5, 4),
  }));
}

/** Rain falls more often and harder, and rivers rise, the worse the province's flood level. */
function observationsOf(station: Station): unknown[][] {
  const random = createRandom(`water:observations:${station.id}`);
  const intensity = RAIN_INTENSITY[provinceSituation(station.province).flood];
  const baseLevel = 1.5 + random.next() * 40;
  return Array.from({ length: READINGS }, (_, reading) => {
    const at = new Date(LAST_READING - (READINGS - 1 - reading) * READING_INTERVAL_MS).toISOString();
    const rainfallMm = random.chance(0.1 + 0.8 * intensity) ? roundTo(random.next() * (2 + 45 * intensity), 1) : 0;
    const waterLevelM = GAUGES_RIVER[station.operator] ? roundTo(baseLevel + reading * 0.06 * intensity + (random.next() - 0.5) * 0.1, 2) : null;
    return [station.id, at, rainfallMm, waterLevelM, true];
  });
}
