import { createRandom, personAt, type Database, type SeedOptions } from '@govhub/shared';
import { insertByIndex } from './chunks';
import { addYears, LAST_DAY, later } from './profiles';

const CARD_TYPES = ['GENERAL_FOREIGN', 'GENERAL_THAI', 'LOCAL_FOREIGN', 'LOCAL_THAI', 'MARINE', 'TREKKING'] as const;
type CardType = (typeof CARD_TYPES)[number];
const CARD_WEIGHTS: Record<CardType, number> = {
  GENERAL_FOREIGN: 40,
  GENERAL_THAI: 25,
  LOCAL_FOREIGN: 12,
  LOCAL_THAI: 13,
  MARINE: 6,
  TREKKING: 4,
};
/** Card number prefixes by type (invented; the seeds give no format). */
const PREFIX: Record<CardType, string> = {
  GENERAL_FOREIGN: '11',
  GENERAL_THAI: '12',
  LOCAL_FOREIGN: '21',
  LOCAL_THAI: '22',
  MARINE: '31',
  TREKKING: '32',
};
/** Cards run five years. */
const VALID_YEARS = 5;
/** The share of people who are candidates for a card (Thai adults among them get one). */
const GUIDE_SHARE = 0.015;
/** The third demo identity, a Surat Thani man: a guide on Samui, so the Person extension has a known answer. */
const DEMO_GUIDE = 2;
/** Guides are Thai nationals of at least twenty (by the last day before AS_OF). */
const BORN_BY = addYears(LAST_DAY, -20);

/** Tour guide cards held by people of the shared synthetic population (`personAt`). */
export async function seedGuides(db: Database, options: SeedOptions): Promise<void> {
  await insertByIndex(
    db,
    options.logger,
    'tourism.tour-guides',
    {
      table: 'tour_guide',
      columns: ['card_no', 'national_id', 'card_type', 'issued_on', 'expires_on', 'synthetic'],
    },
    options.people,
    guideCardsOf,
  );
}

function guideCardsOf(index: number): unknown[][] {
  // Deciding first keeps the million-person seed cheap: only candidates are built with personAt.
  const random = createRandom(`tourism:guide:${index}`);
  if (index !== DEMO_GUIDE && !random.chance(GUIDE_SHARE)) return [];
  const person = personAt(index);
  if (person.registrationCategory !== 'THAI' || person.dateOfBirth > BORN_BY) return [];
  const cardType = index === DEMO_GUIDE ? 'GENERAL_FOREIGN' : random.weighted(CARD_TYPES, (type) => CARD_WEIGHTS[type]);
  const issuedOn = random.date(later(addYears(person.dateOfBirth, 20), '2011-01-01'), LAST_DAY);
  return [[`${PREFIX[cardType]}-${String(index).padStart(7, '0')}`, person.nationalId, cardType, issuedOn, addYears(issuedOn, VALID_YEARS), true]];
}
