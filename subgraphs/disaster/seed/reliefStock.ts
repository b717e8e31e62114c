import { bulkInsert, createRandom, provinces, type Database } from '@govhub/shared';
import { EVENTS } from './events';
import { AS_OF } from './profiles';

/** What a DDPM provincial office stocks, and how much per 1,000 residents before a disaster draws on it. */
const ITEMS = [
  { code: 'RELIEF-BAG', nameTh: 'ถุงยังชีพ', unit: 'ชุด', perThousand: 2 },
  { code: 'WATER', nameTh: 'น้ำดื่ม', unit: 'แพ็ค', perThousand: 5 },
  { code: 'BLANKET', nameTh: 'ผ้าห่มกันหนาว', unit: 'ผืน', perThousand: 3 },
  { code: 'TENT', nameTh: 'เต็นท์ที่พักชั่วคราว', unit: 'หลัง', perThousand: 0.1 },
  { code: 'SANDBAG', nameTh: 'กระสอบทราย', unit: 'ใบ', perThousand: 20 },
  { code: 'MEDICINE', nameTh: 'ชุดยาสามัญประจำบ้าน', unit: 'ชุด', perThousand: 1 },
  { code: 'RICE', nameTh: 'ข้าวสาร', unit: 'กิโลกรัม', perThousand: 10 },
] as const;

/** Provinces in an event still under way on the reference date: their stock is drawn down. */
const ONGOING = new Set(EVENTS.filter((event) => event.endedAt === null).flatMap((event) => event.provinces));

/** The relief-supplies system's stock per province on 1 Dec 2560: invented, flagged synthetic. */
export async function seedReliefStock(db: Database): Promise<void> {
  await bulkInsert(
    db,
    'relief_stock',
    ['id', 'province_code', 'name_th', 'quantity', 'unit', 'as_of', 'position', 'synthetic'],
    provinces().flatMap((province) => {
      const random = createRandom(`disaster:relief-stock:${province.code}`);
      const stockLevel = ONGOING.has(province.code) ? 0.1 + random.next() * 0.2 : 0.7 + random.next() * 0.6;
      return ITEMS.map((item, position) => [
        `RS-${province.code}-${item.code}`,
        province.code,
        item.nameTh,
        Math.round((province.population / 1000) * item.perThousand * stockLevel),
        item.unit,
        AS_OF,
        position,
        true,
      ]);
    }),
  );
}
