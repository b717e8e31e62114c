import { bulkInsert, createRandom, type Database } from '@govhub/shared';
import { LAST_DAY, tourismProfiles } from './profiles';

const NAMES = [
  'สุขใจ',
  'ริมทะเล',
  'ชมดาว',
  'บ้านสวน',
  'รอยัล',
  'ซิตี้',
  'ปาล์ม',
  'ลีลาวดี',
  'จันทร์เพ็ญ',
  'ทองคำ',
  'เดอะวิว',
  'กรีนวิลล์',
  'ริเวอร์ไซด์',
  'พาราไดซ์',
  'ราชพฤกษ์',
  'ดอกแก้ว',
  'บูรพา',
  'ศรีสยาม',
  'วังทอง',
  'ธารา',
];
const KINDS = ['', ' รีสอร์ท', ' เรสซิเดนซ์', ' บูทีค', ' อินน์', ' พาเลซ', ' แกรนด์', ' เพลส'];
/** Room-count ranges of small, medium and large hotels. */
const SIZES: [min: number, max: number][] = [
  [5, 30],
  [31, 120],
  [121, 600],
];

/**
 * Hotel licences (synthetic), about one per 90,000 yearly visitors. The Hotel Act 2547 makes the Director-General
 * of DOPA the registrar in Bangkok and the provincial governor (MOI) elsewhere; the seeds name only MOI.
 */
export async function seedHotels(db: Database): Promise<void> {
  const rows = tourismProfiles().flatMap(({ province, annualArrivals, destination }) => {
    const random = createRandom(`tourism:hotels:${province.code}`);
    const count = Math.max(3, Math.round(annualArrivals / 90_000));
    const sizeWeights = destination ? [45, 35, 20] : [65, 30, 5];
    return Array.from({ length: count }, (_, n) => {
      const issuedOn = random.date('1990-01-01', LAST_DAY);
      const [min, max] = random.weighted(SIZES, (size) => sizeWeights[SIZES.indexOf(size)]);
      return [
        `${province.code}-${String(n + 1).padStart(4, '0')}/${Number(issuedOn.slice(0, 4)) + 543}`,
        `โรงแรม${random.pick(NAMES)}${random.pick(KINDS)}`,
        province.code,
        random.int(min, max),
        province.code === '10' ? 'DOPA' : 'MOI',
        issuedOn,
        true,
      ];
    });
  });
  await bulkInsert(db, 'hotel_licence', ['licence_no', 'name_th', 'province_code', 'rooms', 'issued_by_code', 'issued_on', 'synthetic'], rows);
}
