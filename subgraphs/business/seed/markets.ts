import { bulkInsert, createRandom, type Database } from '@govhub/shared';

/** January to November 2017: the seed data is as of 1 Dec 2560, so December has no figures yet. */
const MONTHS = Array.from({ length: 11 }, (_, i) => `2017-${String(i + 1).padStart(2, '0')}-01`);

/** Plausible 2017 farm-gate prices: a January level, a yearly drift, and monthly noise. All synthetic. */
const COMMODITIES = [
  { commodity: 'RICE', nameTh: 'ข้าวเปลือกเจ้า ความชื้น 15%', unit: 'TONNE', january: 7_900, drift: 0.06 },
  { commodity: 'RUBBER', nameTh: 'ยางแผ่นดิบ คุณภาพ 3', unit: 'KILOGRAM', january: 72, drift: -0.4 },
  { commodity: 'CASSAVA', nameTh: 'หัวมันสำปะหลังสด เชื้อแป้ง 25%', unit: 'KILOGRAM', january: 1.75, drift: -0.1 },
  { commodity: 'SUGAR_CANE', nameTh: 'อ้อยโรงงาน ความหวาน 10 ซี.ซี.เอส.', unit: 'TONNE', january: 1_050, drift: -0.15 },
  { commodity: 'PALM_OIL', nameTh: 'ผลปาล์มน้ำมันทั้งทะลาย น้ำมัน 18%', unit: 'KILOGRAM', january: 5.6, drift: -0.35 },
] as const;

/** The ten largest partners, with their rough share of Thailand's monthly trade. */
const PARTNERS = [
  { code: 'CN', nameTh: 'จีน', exportShare: 0.125, importShare: 0.2 },
  { code: 'US', nameTh: 'สหรัฐอเมริกา', exportShare: 0.11, importShare: 0.07 },
  { code: 'JP', nameTh: 'ญี่ปุ่น', exportShare: 0.095, importShare: 0.145 },
  { code: 'HK', nameTh: 'ฮ่องกง', exportShare: 0.05, importShare: 0.01 },
  { code: 'VN', nameTh: 'เวียดนาม', exportShare: 0.05, importShare: 0.025 },
  { code: 'AU', nameTh: 'ออสเตรเลีย', exportShare: 0.045, importShare: 0.02 },
  { code: 'MY', nameTh: 'มาเลเซีย', exportShare: 0.045, importShare: 0.055 },
  { code: 'ID', nameTh: 'อินโดนีเซีย', exportShare: 0.035, importShare: 0.03 },
  { code: 'SG', nameTh: 'สิงคโปร์', exportShare: 0.035, importShare: 0.035 },
  { code: 'IN', nameTh: 'อินเดีย', exportShare: 0.025, importShare: 0.015 },
];
const GROUPS = [
  { group: 'AGRICULTURE', exportShare: 0.1, importShare: 0.04 },
  { group: 'AGRO_INDUSTRY', exportShare: 0.08, importShare: 0.04 },
  { group: 'INDUSTRY', exportShare: 0.78, importShare: 0.74 },
  { group: 'MINERAL_FUEL', exportShare: 0.04, importShare: 0.18 },
];
/** Total monthly trade, million baht (about 8 and 7.4 trillion baht a year). */
const MONTHLY_TOTAL = { EXPORT: 670_000, IMPORT: 620_000 };

const cents = (value: number) => Math.round(value * 100) / 100;

export async function seedMarkets(db: Database): Promise<void> {
  await bulkInsert(
    db,
    'commodity_price',
    ['commodity', 'month', 'name_th', 'price_baht', 'unit', 'synthetic'],
    COMMODITIES.flatMap((c) => {
      const random = createRandom(`business:commodity:${c.commodity}`);
      return MONTHS.map((month, i) => {
        const price = c.january * (1 + (c.drift * i) / (MONTHS.length - 1)) * (0.97 + 0.06 * random.next());
        return [c.commodity, month, c.nameTh, cents(price), c.unit, true];
      });
    }),
  );
  const random = createRandom('business:trade');
  await bulkInsert(
    db,
    'trade_statistic',
    ['month', 'direction', 'partner_country', 'partner_name_th', 'product_group', 'value_million_baht', 'synthetic'],
    MONTHS.flatMap((month) =>
      (['EXPORT', 'IMPORT'] as const).flatMap((direction) =>
        PARTNERS.flatMap((partner) =>
          GROUPS.map((g) => {
            const share = direction === 'EXPORT' ? partner.exportShare * g.exportShare : partner.importShare * g.importShare;
            const value = MONTHLY_TOTAL[direction] * share * (0.85 + 0.3 * random.next());
            return [month, direction, partner.code, partner.nameTh, g.group, cents(value), true];
          }),
        ),
      ),
    ),
  );
}
