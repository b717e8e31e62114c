import { provinces, type ProvinceReference, type Random } from '@govhub/shared';

/** Bangkok's 50 districts (เขต) by their DOPA district code 1001–1050 (outside the seeds). */
const BANGKOK_DISTRICTS = [
  'พระนคร',
  'ดุสิต',
  'หนองจอก',
  'บางรัก',
  'บางเขน',
  'บางกะปิ',
  'ปทุมวัน',
  'ป้อมปราบศัตรูพ่าย',
  'พระโขนง',
  'มีนบุรี',
  'ลาดกระบัง',
  'ยานนาวา',
  'สัมพันธวงศ์',
  'พญาไท',
  'ธนบุรี',
  'บางกอกใหญ่',
  'ห้วยขวาง',
  'คลองสาน',
  'ตลิ่งชัน',
  'บางกอกน้อย',
  'บางขุนเทียน',
  'ภาษีเจริญ',
  'หนองแขม',
  'ราษฎร์บูรณะ',
  'บางพลัด',
  'ดินแดง',
  'บึงกุ่ม',
  'สาทร',
  'บางซื่อ',
  'จตุจักร',
  'บางคอแหลม',
  'ประเวศ',
  'คลองเตย',
  'สวนหลวง',
  'จอมทอง',
  'ดอนเมือง',
  'ราชเทวี',
  'ลาดพร้าว',
  'วัฒนา',
  'บางแค',
  'หลักสี่',
  'สายไหม',
  'คันนายาว',
  'สะพานสูง',
  'วังทองหลาง',
  'คลองสามวา',
  'บางนา',
  'ทวีวัฒนา',
  'ทุ่งครุ',
  'บางบอน',
];
/** Subdistrict (ตำบล) names common all over the country. */
const SUBDISTRICTS = [
  'ในเมือง',
  'บ้านใหม่',
  'หนองบัว',
  'บ้านกลาง',
  'ท่าช้าง',
  'นาเมือง',
  'บ้านเหล่า',
  'ดอนตูม',
  'ทุ่งโพธิ์',
  'วังทอง',
  'บ้านดู่',
  'สันทราย',
  'โคกสูง',
  'นาดี',
  'ป่าตาล',
  'ท่าทราย',
  'คลองใหม่',
  'หนองปลิง',
  'บ้านต๋อม',
  'แม่กา',
];
const BANGKOK_HOSPITALS = [
  'โรงพยาบาลราชวิถี',
  'โรงพยาบาลนพรัตนราชธานี',
  'โรงพยาบาลศิริราช',
  'โรงพยาบาลจุฬาลงกรณ์',
  'โรงพยาบาลภูมิพลอดุลยเดช',
  'โรงพยาบาลตำรวจ',
  'โรงพยาบาลวชิรพยาบาล',
  'โรงพยาบาลกลาง',
  'โรงพยาบาลตากสิน',
  'โรงพยาบาลเลิดสิน',
];
const UNIVERSITIES = [
  'จุฬาลงกรณ์มหาวิทยาลัย',
  'มหาวิทยาลัยเกษตรศาสตร์',
  'มหาวิทยาลัยธรรมศาสตร์',
  'มหาวิทยาลัยมหิดล',
  'มหาวิทยาลัยเชียงใหม่',
  'มหาวิทยาลัยขอนแก่น',
  'มหาวิทยาลัยสงขลานครินทร์',
  'มหาวิทยาลัยรามคำแหง',
  'มหาวิทยาลัยพะเยา',
  'มหาวิทยาลัยนเรศวร',
];
const EMPLOYER_STEMS = ['สยาม', 'ไทย', 'รุ่งเรือง', 'มั่นคง', 'ศรีสวัสดิ์', 'เจริญ', 'บูรพา', 'อุดม', 'ทรัพย์สิน', 'สหกิจ'];
const EMPLOYER_TRADES = ['การค้า', 'อุตสาหกรรม', 'ก่อสร้าง', 'อาหาร', 'ขนส่ง', 'เทรดดิ้ง', 'ฟู้ดส์', 'สิ่งทอ', 'เกษตรภัณฑ์', 'อิเล็กทรอนิกส์'];

export const BANGKOK = '10';
export const BANGKOK_HOSPITAL = BANGKOK_HOSPITALS[0];

let byCode: Map<string, ProvinceReference> | undefined;
export function province(code: string): ProvinceReference {
  byCode ??= new Map(provinces().map((p) => [p.code, p]));
  const found = byCode.get(code);
  if (!found) throw new Error(`unknown province ${code}`);
  return found;
}

export interface Place {
  provinceCode: string;
  districtTh: string;
  subdistrictTh: string;
}

/** A synthetic district and subdistrict in a province: a Bangkok เขต and its แขวง, else a ตำบล of อำเภอเมือง. */
export function placeIn(random: Random, provinceCode: string): Place {
  if (provinceCode === BANGKOK) {
    const district = random.pick(BANGKOK_DISTRICTS);
    return { provinceCode, districtTh: `เขต${district}`, subdistrictTh: `แขวง${district}` };
  }
  return { provinceCode, districtTh: `อำเภอเมือง${province(provinceCode).nameTh}`, subdistrictTh: `ตำบล${random.pick(SUBDISTRICTS)}` };
}

/** The civil registry office of a place: a Bangkok district office, else the district registry. */
export const registryOffice = (place: Place) => `สำนักทะเบียน${place.districtTh}`;

export const hospitalIn = (random: Random, provinceCode: string) =>
  provinceCode === BANGKOK ? random.pick(BANGKOK_HOSPITALS) : `โรงพยาบาล${province(provinceCode).nameTh}`;

export const employerName = (random: Random) => `บริษัท ${random.pick(EMPLOYER_STEMS)}${random.pick(EMPLOYER_TRADES)} จำกัด`;

const bare = (name: string) => name.replace(/^(แขวง|ตำบล)/, '');

export function schoolName(random: Random, place: Place, level: 'PRIMARY' | 'SECONDARY' | 'VOCATIONAL' | 'HIGHER'): string {
  const provinceName = province(place.provinceCode).nameTh;
  switch (level) {
    case 'PRIMARY':
      return `โรงเรียนบ้าน${bare(place.subdistrictTh)}`;
    case 'SECONDARY':
      return `โรงเรียน${provinceName}วิทยาคม`;
    case 'VOCATIONAL':
      return `วิทยาลัยเทคนิค${provinceName}`;
    case 'HIGHER':
      return random.pick(UNIVERSITIES);
  }
}

export const prisonIn = (provinceCode: string) => (provinceCode === BANGKOK ? 'เรือนจำกลางคลองเปรม' : `เรือนจำจังหวัด${province(provinceCode).nameTh}`);

export const probationOfficeIn = (provinceCode: string) =>
  provinceCode === BANGKOK ? 'สำนักงานคุมประพฤติกรุงเทพมหานคร' : `สำนักงานคุมประพฤติจังหวัด${province(provinceCode).nameTh}`;
