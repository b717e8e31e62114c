import { bulkInsert, createRandom, provinces, type Database, type ProvinceReference } from '@govhub/shared';
import type { WaterAlertLevel } from '../generated';
import { addDays, AS_OF, roundTo } from './common';

export interface ProvinceSituation {
  drought: WaterAlertLevel;
  flood: WaterAlertLevel;
  reservoirPercent: number | null;
}

/**
 * Flood levels the hub's stories rely on: the southern floods of Dec 2560 in Surat Thani, where HAII had staff at
 * DDPM Region 11, and the active flood warning in Phayao of the demo identity (README.md, demo identities).
 */
const PINNED_FLOOD: Record<string, WaterAlertLevel> = { '84': 'CRISIS', '56': 'WARNING' };
/** Provinces without a reservoir of their own: Bangkok and the tidal Samut provinces. */
const NO_RESERVOIR = new Set(['10', '11', '74', '75']);
/** How much rain each flood level brings, 0 to 1: readings and forecasts follow the situation. */
export const RAIN_INTENSITY: Record<WaterAlertLevel, number> = { NORMAL: 0.05, WATCH: 0.3, WARNING: 0.6, CRISIS: 1 };
/** The 7-day forecast issued on the morning of 1 Dec 2560 (fed to RID's Smart Water Operation Center). */
const FORECAST_ISSUED_AT = `${AS_OF}T07:00:00+07:00`;
const FORECAST_DAYS = 7;

/**
 * A province's invented situation on 1 Dec 2560, the start of the dry season: the South in its northeast-monsoon
 * rains, some drought watch in the Northeast. Deterministic, so telemetry and forecasts can follow it.
 */
export function provinceSituation(province: ProvinceReference): ProvinceSituation {
  const random = createRandom(`water:situation:${province.code}`);
  const flood =
    PINNED_FLOOD[province.code] ??
    (province.region === 'SOUTH'
      ? random.weighted(['NORMAL', 'WATCH', 'WARNING'] as const, (level) => ({ NORMAL: 3, WATCH: 4, WARNING: 2 })[level])
      : random.weighted(['NORMAL', 'WATCH'] as const, (level) => (level === 'NORMAL' ? 85 : 15)));
  const drought =
    flood !== 'NORMAL'
      ? 'NORMAL'
      : province.region === 'NORTHEAST'
        ? random.weighted(['NORMAL', 'WATCH', 'WARNING'] as const, (level) => ({ NORMAL: 6, WATCH: 3, WARNING: 1 })[level])
        : random.weighted(['NORMAL', 'WATCH'] as const, (level) => (level === 'NORMAL' ? 8 : 2));
  const reservoirPercent = NO_RESERVOIR.has(province.code)
    ? null
    : roundTo(Math.min(100, 45 + random.next() * 40 + RAIN_INTENSITY[flood] * 25 - (drought === 'NORMAL' ? 0 : 20)), 1);
  return { drought, flood, reservoirPercent };
}

export async function seedSituation(db: Database): Promise<void> {
  const situations = provinces().map((province) => ({ province, ...provinceSituation(province) }));
  await bulkInsert(
    db,
    'water_situation',
    ['province_code', 'as_of', 'drought_status', 'flood_status', 'reservoir_percent', 'synthetic'],
    situations.map((s) => [s.province.code, AS_OF, s.drought, s.flood, s.reservoirPercent, true]),
  );
  await bulkInsert(
    db,
    'rain_forecast',
    ['province_code', 'issued_at', 'synthetic'],
    situations.map((s) => [s.province.code, FORECAST_ISSUED_AT, true]),
  );
  await bulkInsert(
    db,
    'rain_forecast_day',
    ['province_code', 'issued_at', 'day', 'rainfall_mm', 'chance_percent'],
    situations.flatMap((s) =>
      forecastDays(s.province.code, RAIN_INTENSITY[s.flood]).map((day) => [
        s.province.code,
        FORECAST_ISSUED_AT,
        day.date,
        day.rainfallMm,
        day.chancePercent,
      ]),
    ),
  );
}

/** Seven days from the day of issue; wet provinces start wet and dry out slowly. */
function forecastDays(provinceCode: string, intensity: number) {
  const random = createRandom(`water:forecast:${provinceCode}`);
  return Array.from({ length: FORECAST_DAYS }, (_, day) => {
    const chancePercent = Math.max(0, Math.min(100, Math.round(100 * intensity * (1 - day / 10)) + random.int(0, 15)));
    return { date: addDays(AS_OF, day), chancePercent, rainfallMm: roundTo((chancePercent / 100) * random.next() * 120 * intensity, 1) };
  });
}
