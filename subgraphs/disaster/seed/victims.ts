import { bulkInsert, createRandom, DEMO_PEOPLE, personAt, progress, provinceOfPerson, type Database, type Logger, type Random } from '@govhub/shared';
import type { AssistanceKind, Hazard } from '../generated';
import { EVENTS, SOUTHERN_FLOOD_2017, type EventSeed } from './events';
import { AS_OF } from './profiles';

/** People are generated and inserted this many at a time, so a million-person seed never sits in memory. */
const CHUNK = 10_000;

interface ReliefRule {
  kind: AssistanceKind;
  chance: number;
  minBaht: number;
  maxBaht: number;
  agencies: string[];
}
interface Relief {
  kind: AssistanceKind;
  amountBaht: number;
  providedOn: string;
  agency: string;
}

const SUPPLIES = (minBaht: number, maxBaht: number): ReliefRule => ({
  kind: 'SUPPLIES',
  chance: 1,
  minBaht,
  maxBaht,
  agencies: ['DDPM', 'DDPM', 'TRC'],
});
const DISPLACEMENT: ReliefRule[] = [
  { kind: 'TEMPORARY_SHELTER', chance: 1, minBaht: 500, maxBaht: 3000, agencies: ['DDPM'] },
  { kind: 'HOUSING_REPAIR', chance: 0.7, minBaht: 5000, maxBaht: 33000, agencies: ['DDPM', 'DLA'] },
  { kind: 'CASH', chance: 0.7, minBaht: 3000, maxBaht: 3000, agencies: ['DDPM'] },
];

/** What victims of each hazard receive: the first rule always applies (invented amounts and chances). */
const RELIEF_RULES: Record<Hazard, ReliefRule[]> = {
  FLOOD: [
    SUPPLIES(500, 800),
    { kind: 'CASH', chance: 0.8, minBaht: 3000, maxBaht: 3000, agencies: ['DDPM'] },
    { kind: 'HOUSING_REPAIR', chance: 0.25, minBaht: 2000, maxBaht: 33000, agencies: ['DDPM', 'DLA'] },
    { kind: 'TEMPORARY_SHELTER', chance: 0.1, minBaht: 500, maxBaht: 1500, agencies: ['DDPM'] },
    { kind: 'CROP_LOSS', chance: 0.2, minBaht: 1113, maxBaht: 11130, agencies: ['DOAE'] },
    { kind: 'LIVESTOCK_LOSS', chance: 0.05, minBaht: 1000, maxBaht: 10000, agencies: ['DLD'] },
  ],
  STORM: [
    SUPPLIES(500, 800),
    { kind: 'HOUSING_REPAIR', chance: 0.5, minBaht: 2000, maxBaht: 33000, agencies: ['DDPM', 'DLA'] },
    { kind: 'CASH', chance: 0.5, minBaht: 3000, maxBaht: 3000, agencies: ['DDPM'] },
  ],
  DROUGHT: [
    SUPPLIES(200, 400),
    { kind: 'CROP_LOSS', chance: 0.6, minBaht: 1113, maxBaht: 11130, agencies: ['DOAE'] },
    { kind: 'LIVESTOCK_LOSS', chance: 0.1, minBaht: 1000, maxBaht: 10000, agencies: ['DLD'] },
  ],
  COLD_WAVE: [SUPPLIES(250, 500)],
  FOREST_FIRE: [SUPPLIES(100, 300)],
  LANDSLIDE: DISPLACEMENT,
  EARTHQUAKE: DISPLACEMENT,
  TSUNAMI: DISPLACEMENT,
};

/** Demo identity 8410100555669 (person 2, Surat Thani) was a victim of the late-2560 southern floods (README.md, demo identities). */
const DEMO_VICTIM = { person: DEMO_PEOPLE[2], eventId: SOUTHERN_FLOOD_2017, registeredOn: '2017-11-03' };
const DEMO_RELIEF: Relief[] = [
  { kind: 'SUPPLIES', amountBaht: 700, providedOn: '2017-11-04', agency: 'DDPM' },
  { kind: 'CASH', amountBaht: 3000, providedOn: '2017-11-20', agency: 'DDPM' },
  { kind: 'HOUSING_REPAIR', amountBaht: 12500, providedOn: '2017-11-28', agency: 'DLA' },
];

const EVENTS_BY_PROVINCE = new Map<string, EventSeed[]>();
for (const event of EVENTS) {
  for (const code of event.provinces) EVENTS_BY_PROVINCE.set(code, [...(EVENTS_BY_PROVINCE.get(code) ?? []), event]);
}

/**
 * Victims among the synthetic population: residents of an event's provinces, each with a chance set by the event,
 * and the relief each received. Deterministic per person; inserted a chunk of people at a time.
 */
export async function seedVictims(db: Database, people: number, logger: Logger): Promise<void> {
  const tick = progress(logger, 'disaster.victims', people);
  for (let start = 0; start < people; start += CHUNK) {
    const victims: unknown[][] = [];
    const assistance: unknown[][] = [];
    for (let index = start; index < Math.min(start + CHUNK, people); index++) {
      const provinceCode = provinceOfPerson(index);
      const events = EVENTS_BY_PROVINCE.get(provinceCode);
      if (!events) continue;
      const random = createRandom(`disaster:victim:${index}`);
      for (const event of events) {
        const demo = index === DEMO_VICTIM.person.index && event.id === DEMO_VICTIM.eventId;
        if (!demo && !random.chance(event.victimRate)) continue;
        const victimId = `${event.id}-P${index}`;
        const registeredOn = demo ? DEMO_VICTIM.registeredOn : registrationDay(random, event);
        victims.push([victimId, event.id, personAt(index).nationalId, provinceCode, registeredOn, true]);
        const relief = demo ? DEMO_RELIEF : reliefFor(random, event, registeredOn);
        relief.forEach((r, n) => assistance.push([`${victimId}-${n + 1}`, victimId, r.kind, r.amountBaht, r.providedOn, r.agency, true]));
      }
    }
    await bulkInsert(db, 'victim', ['id', 'event_id', 'national_id', 'province_code', 'registered_on', 'synthetic'], victims);
    await bulkInsert(db, 'assistance', ['id', 'victim_id', 'kind', 'amount_baht', 'provided_on', 'agency_code', 'synthetic'], assistance);
    tick(Math.min(start + CHUNK, people));
  }
}

/** Victims register within two weeks of the start, and not after the event ends (or the reference date). */
function registrationDay(random: Random, event: EventSeed): string {
  const firstDay = dayOf(event.startedAt);
  return random.date(firstDay, earliest(addDays(firstDay, 14), lastDayOf(event)));
}

function reliefFor(random: Random, event: EventSeed, registeredOn: string): Relief[] {
  return RELIEF_RULES[event.hazard]
    .filter((rule) => random.chance(rule.chance))
    .map((rule) => ({
      kind: rule.kind,
      amountBaht: Math.round(rule.minBaht + random.next() * (rule.maxBaht - rule.minBaht)),
      providedOn: random.date(registeredOn, earliest(addDays(registeredOn, 30), AS_OF)),
      agency: random.pick(rule.agencies),
    }));
}

const dayOf = (timestamp: string) => timestamp.slice(0, 10);
/** The last day a victim can register: the event's end, or the reference date while it is ongoing. */
const lastDayOf = (event: EventSeed) => (event.endedAt ? dayOf(event.endedAt) : AS_OF);
const earliest = (a: string, b: string) => (a < b ? a : b);

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
