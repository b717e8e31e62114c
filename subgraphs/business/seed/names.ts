import type { BusinessKind, Random } from '@govhub/shared';

/** Thai and English halves of synthetic trade names: a stem and a line of business. */
const STEMS: readonly (readonly [string, string])[] = [
  ['สยาม', 'Siam'],
  ['รุ่งเรือง', 'Rungrueang'],
  ['เจริญกิจ', 'Charoenkit'],
  ['ไทยพัฒนา', 'Thai Phatthana'],
  ['ศรีสวัสดิ์', 'Si Sawat'],
  ['มั่นคง', 'Mankhong'],
  ['ทองคำ', 'Thongkham'],
  ['เอเชีย', 'Asia'],
  ['โกลเด้น', 'Golden'],
  ['นครไทย', 'Nakhon Thai'],
  ['สุวรรณภูมิ', 'Suvarnabhumi'],
  ['ล้านนา', 'Lanna'],
  ['อันดามัน', 'Andaman'],
  ['อีสาน', 'Isan'],
  ['เพชรเกษม', 'Phetkasem'],
  ['บางกอก', 'Bangkok'],
  ['ชัยมงคล', 'Chaimongkhon'],
  ['วัฒนา', 'Watthana'],
  ['ประเสริฐ', 'Prasoet'],
  ['แปซิฟิก', 'Pacific'],
  ['ยูไนเต็ด', 'United'],
  ['เมกะ', 'Mega'],
  ['สมาร์ท', 'Smart'],
  ['แสงทอง', 'Saeng Thong'],
  ['ศรีไทย', 'Si Thai'],
  ['ร่วมใจ', 'Ruam Jai'],
  ['บูรพา', 'Burapha'],
  ['ทักษิณ', 'Thaksin'],
  ['กรีนเวย์', 'Greenway'],
  ['พรอสเพอร์', 'Prosper'],
];
const TRADES: readonly (readonly [string, string])[] = [
  ['เทรดดิ้ง', 'Trading'],
  ['ก่อสร้าง', 'Construction'],
  ['ฟู้ดส์', 'Foods'],
  ['อะกริคัลเจอร์', 'Agriculture'],
  ['เอ็นจิเนียริ่ง', 'Engineering'],
  ['โลจิสติกส์', 'Logistics'],
  ['อินดัสทรี', 'Industry'],
  ['คอนซัลแตนท์', 'Consultants'],
  ['ทราเวล', 'Travel'],
  ['เทคโนโลยี', 'Technology'],
  ['พลาสติก', 'Plastics'],
  ['รับเบอร์', 'Rubber'],
  ['ไรซ์', 'Rice'],
  ['การ์เมนท์', 'Garment'],
  ['ออโต้พาร์ท', 'Auto Parts'],
  ['อิเล็คทรอนิคส์', 'Electronics'],
  ['พร็อพเพอร์ตี้', 'Property'],
  ['ฟาร์ม', 'Farm'],
  ['โฮลดิ้งส์', 'Holdings'],
  ['ซัพพลาย', 'Supply'],
];
/** Family partnerships are often named after the founder: "<surname> + การค้า", with no English name. */
const FAMILY_TRADES = ['การค้า', 'พาณิชย์', 'ก่อสร้าง', 'การเกษตร', 'ค้าวัสดุ', 'ขนส่ง'];

const FORM: Record<BusinessKind, { th: (name: string) => string; en: string }> = {
  LIMITED_COMPANY: { th: (name) => `บริษัท ${name} จำกัด`, en: 'Co., Ltd.' },
  PUBLIC_COMPANY: { th: (name) => `บริษัท ${name} จำกัด (มหาชน)`, en: 'Public Company Limited' },
  REGISTERED_PARTNERSHIP: { th: (name) => `ห้างหุ้นส่วนสามัญนิติบุคคล ${name}`, en: 'Registered Ordinary Partnership' },
  LIMITED_PARTNERSHIP: { th: (name) => `ห้างหุ้นส่วนจำกัด ${name}`, en: 'Limited Partnership' },
};

export interface TradeName {
  nameTh: string;
  nameEn: string | null;
}

export function tradeName(random: Random, kind: BusinessKind, founderSurname: string): TradeName {
  const partnership = kind === 'REGISTERED_PARTNERSHIP' || kind === 'LIMITED_PARTNERSHIP';
  if (partnership && random.chance(0.5)) return { nameTh: FORM[kind].th(founderSurname + random.pick(FAMILY_TRADES)), nameEn: null };
  const [stemTh, stemEn] = random.pick(STEMS);
  const [tradeTh, tradeEn] = random.pick(TRADES);
  return { nameTh: FORM[kind].th(stemTh + tradeTh), nameEn: `${stemEn} ${tradeEn} ${FORM[kind].en}` };
}
