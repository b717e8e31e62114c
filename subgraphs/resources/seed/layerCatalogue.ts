import type { GeoTheme } from '../generated';

/**
 * Which provinces a layer covers: the whole country, the 23 coastal provinces, the 6 Andaman provinces,
 * the Special Economic Zone provinces, or a few pilot provinces drawn at random.
 */
export type Coverage = 'NATIONAL' | 'COASTAL' | 'ANDAMAN' | 'SEZ' | 'PILOT';

export interface LayerSubject {
  owner: string;
  theme: GeoTheme;
  nameTh: string;
  nameEn: string;
  coverage: Coverage;
  /** Layers no subcommittee would open to the public (land parcels, aerial imagery, encroachment). */
  governmentOnly: boolean;
}

type Entry = [GeoTheme, string, string, { coverage?: Coverage; governmentOnly?: boolean }?];

const R: GeoTheme = 'RESOURCES';
const I: GeoTheme = 'INFRASTRUCTURE';

/**
 * The 179 core layers by owner [invent]: the seeds give only the counts, so the 27 owners
 * (agency codes from shared/data/agencies.json) and the layer names are synthetic but plausible.
 */
const CATALOGUE: Record<string, Entry[]> = {
  MNRE: [
    [R, 'พื้นที่ชุ่มน้ำที่มีความสำคัญ', 'Wetlands of importance'],
    [R, 'พื้นที่คุ้มครองสิ่งแวดล้อม', 'Environmentally protected areas'],
    [R, 'พื้นที่สีเขียวในเขตเมือง', 'Urban green areas', { coverage: 'PILOT' }],
    [R, 'แหล่งธรรมชาติอันควรอนุรักษ์', 'Natural heritage sites'],
    [R, 'พื้นที่อ่อนไหวทางสิ่งแวดล้อม', 'Environmentally sensitive areas'],
    [I, 'ที่ตั้งสำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด', 'Provincial natural resources and environment offices'],
  ],
  RFD: [
    [R, 'ขอบเขตป่าสงวนแห่งชาติ', 'National reserved forest boundaries'],
    [R, 'ขอบเขตป่าไม้ถาวรตามมติคณะรัฐมนตรี', 'Permanent forest boundaries (Cabinet resolutions)'],
    [R, 'พื้นที่ป่าไม้จากภาพถ่ายดาวเทียม', 'Forest cover from satellite imagery'],
    [R, 'การจำแนกเขตการใช้ประโยชน์ที่ดินในป่าสงวนแห่งชาติ', 'Land-use zoning in national reserved forests'],
    [R, 'พื้นที่ป่าชุมชน', 'Community forests'],
    [R, 'สวนป่าและแปลงปลูกป่า', 'Forest plantations'],
    [R, 'พื้นที่ป่าเสื่อมโทรม', 'Degraded forest areas'],
    [R, 'พื้นที่บุกรุกป่าไม้', 'Forest encroachment areas', { governmentOnly: true }],
    [I, 'หน่วยป้องกันรักษาป่า', 'Forest protection units'],
    [I, 'สถานีเพาะชำกล้าไม้', 'Tree nurseries'],
  ],
  DNP: [
    [R, 'ขอบเขตอุทยานแห่งชาติ', 'National park boundaries'],
    [R, 'ขอบเขตเขตรักษาพันธุ์สัตว์ป่า', 'Wildlife sanctuary boundaries'],
    [R, 'ขอบเขตเขตห้ามล่าสัตว์ป่า', 'Non-hunting area boundaries'],
    [R, 'ขอบเขตวนอุทยาน', 'Forest park boundaries'],
    [R, 'สวนพฤกษศาสตร์และสวนรุกขชาติ', 'Botanical gardens and arboreta'],
    [R, 'พื้นที่ถูกไฟไหม้ในเขตป่าอนุรักษ์', 'Burnt areas in protected forests'],
    [R, 'แนวเส้นทางเดินของช้างป่า', 'Wild elephant corridors', { coverage: 'PILOT' }],
    [R, 'แหล่งท่องเที่ยวทางธรรมชาติในพื้นที่อนุรักษ์', 'Nature attractions in protected areas'],
    [I, 'ที่ทำการอุทยานแห่งชาติและหน่วยพิทักษ์อุทยาน', 'Park headquarters and ranger stations'],
  ],
  DMR: [
    [R, 'แผนที่ธรณีวิทยา มาตราส่วน 1:250,000', 'Geological map 1:250,000'],
    [R, 'พื้นที่เสี่ยงภัยดินถล่ม', 'Landslide hazard areas'],
    [R, 'แหล่งแร่และพื้นที่ศักยภาพแร่', 'Mineral deposits and potential areas'],
    [R, 'แหล่งซากดึกดำบรรพ์', 'Fossil sites'],
    [R, 'รอยเลื่อนมีพลัง', 'Active faults'],
    [R, 'พื้นที่เสี่ยงหลุมยุบ', 'Sinkhole hazard areas'],
    [R, 'การจำแนกเขตเพื่อการจัดการด้านธรณีวิทยาและทรัพยากรธรณี', 'Geological and mineral resource management zoning'],
    [R, 'แหล่งธรณีวิทยาและอุทยานธรณี', 'Geosites and geoparks', { coverage: 'PILOT' }],
  ],
  DMCR: [
    [R, 'ป่าชายเลน', 'Mangrove forests', { coverage: 'COASTAL' }],
    [R, 'แนวปะการัง', 'Coral reefs', { coverage: 'COASTAL' }],
    [R, 'แหล่งหญ้าทะเล', 'Seagrass beds', { coverage: 'COASTAL' }],
    [R, 'พื้นที่การกัดเซาะชายฝั่ง', 'Coastal erosion', { coverage: 'COASTAL' }],
    [R, 'แหล่งพบสัตว์ทะเลหายาก', 'Rare marine species sightings', { coverage: 'COASTAL' }],
    [R, 'ขอบเขตพื้นที่ชายฝั่งทะเล', 'Coastal zone boundaries', { coverage: 'COASTAL' }],
    [I, 'โครงสร้างป้องกันการกัดเซาะชายฝั่ง', 'Coastal protection structures', { coverage: 'COASTAL' }],
  ],
  DWR: [
    [R, 'ขอบเขตลุ่มน้ำหลัก', 'Main river basin boundaries'],
    [R, 'ขอบเขตลุ่มน้ำสาขา', 'Sub-basin boundaries'],
    [R, 'แหล่งน้ำผิวดิน', 'Surface water bodies'],
    [R, 'การจำแนกชั้นคุณภาพลุ่มน้ำ', 'Watershed classification'],
    [R, 'พื้นที่เสี่ยงน้ำท่วมระดับลุ่มน้ำ', 'Basin-level flood hazard areas'],
    [I, 'โครงการพัฒนาแหล่งน้ำขนาดเล็ก', 'Small water resource projects'],
    [I, 'ระบบประปาหมู่บ้าน', 'Village water supply systems'],
    [I, 'สถานีวัดน้ำท่า', 'Runoff gauging stations'],
  ],
  DGR: [
    [I, 'บ่อน้ำบาดาล', 'Groundwater wells'],
    [R, 'ศักยภาพน้ำบาดาล', 'Groundwater potential'],
    [R, 'ชั้นหินให้น้ำ', 'Aquifers'],
    [R, 'คุณภาพน้ำบาดาล', 'Groundwater quality'],
    [R, 'พื้นที่วิกฤตน้ำบาดาล', 'Groundwater crisis areas', { coverage: 'PILOT' }],
  ],
  PCD: [
    [I, 'สถานีตรวจวัดคุณภาพอากาศ', 'Air quality monitoring stations'],
    [R, 'จุดตรวจวัดคุณภาพน้ำผิวดิน', 'Surface water quality sampling points'],
    [R, 'จุดตรวจวัดคุณภาพน้ำทะเลชายฝั่ง', 'Coastal sea water quality sampling points', { coverage: 'COASTAL' }],
    [R, 'เขตควบคุมมลพิษ', 'Pollution control zones', { coverage: 'PILOT' }],
    [R, 'พื้นที่ปนเปื้อนสารอันตราย', 'Sites contaminated by hazardous substances', { coverage: 'PILOT', governmentOnly: true }],
    [I, 'สถานที่กำจัดขยะมูลฝอยชุมชน', 'Municipal solid waste disposal sites'],
    [I, 'ระบบบำบัดน้ำเสียชุมชน', 'Community wastewater treatment plants'],
  ],
  DEQP: [
    [I, 'ศูนย์ศึกษาธรรมชาติและสิ่งแวดล้อม', 'Nature and environment education centres'],
    [I, 'เครือข่ายโรงเรียนสิ่งแวดล้อมศึกษา', 'Environmental education schools'],
    [R, 'ชุมชนต้นแบบการจัดการสิ่งแวดล้อม', 'Model communities for environmental management'],
    [R, 'พื้นที่ต้นแบบการปรับตัวต่อการเปลี่ยนแปลงสภาพภูมิอากาศ', 'Climate change adaptation pilot areas', { coverage: 'PILOT' }],
  ],
  RID: [
    [R, 'ขอบเขตพื้นที่ชลประทาน', 'Irrigated areas'],
    [R, 'ขอบเขตโครงการชลประทาน', 'Irrigation project boundaries'],
    [R, 'พื้นที่รับน้ำนองและแก้มลิง', 'Flood retention areas (monkey cheeks)'],
    [I, 'อ่างเก็บน้ำขนาดใหญ่', 'Large reservoirs'],
    [I, 'อ่างเก็บน้ำขนาดกลาง', 'Medium reservoirs'],
    [I, 'เขื่อนทดน้ำและฝาย', 'Diversion dams and weirs'],
    [I, 'คลองส่งน้ำสายใหญ่', 'Main irrigation canals'],
    [I, 'คลองระบายน้ำ', 'Drainage canals'],
    [I, 'ประตูระบายน้ำ', 'Sluice gates'],
    [I, 'สถานีสูบน้ำด้วยไฟฟ้า', 'Electric pumping stations'],
  ],
  LDD: [
    [R, 'สภาพการใช้ที่ดิน', 'Land use'],
    [R, 'กลุ่มชุดดิน', 'Soil groups'],
    [R, 'ความเหมาะสมของดินสำหรับปลูกข้าว', 'Soil suitability for rice'],
    [R, 'พื้นที่ดินเค็ม', 'Saline soils'],
    [R, 'พื้นที่ดินเปรี้ยว', 'Acid sulphate soils'],
    [R, 'พื้นที่ดินตื้นและดินดาน', 'Shallow and hardpan soils'],
    [R, 'การชะล้างพังทลายของดิน', 'Soil erosion'],
    [R, 'เขตความเหมาะสมสำหรับการปลูกพืชเศรษฐกิจ (Agri-Map)', 'Crop suitability zones (Agri-Map)'],
    [I, 'แหล่งน้ำในไร่นานอกเขตชลประทาน', 'Farm ponds outside irrigated areas'],
  ],
  ALRO: [
    [R, 'ขอบเขตเขตปฏิรูปที่ดิน', 'Land reform area boundaries'],
    [R, 'แปลงที่ดินที่ได้รับการจัดสรร (ส.ป.ก. 4-01)', 'Allocated land reform plots', { governmentOnly: true }],
    [R, 'พื้นที่จัดที่ดินทำกินให้ชุมชน (คทช.)', 'Community land allocation areas'],
    [I, 'สำนักงานการปฏิรูปที่ดินจังหวัด', 'Provincial land reform offices'],
  ],
  DOL: [
    [R, 'รูปแปลงที่ดินที่มีเอกสารสิทธิ', 'Titled land parcels', { governmentOnly: true }],
    [R, 'ที่ดินสาธารณประโยชน์ (น.ส.ล.)', 'Public land (NSL certificates)'],
    [I, 'ระวางแผนที่ภาพถ่ายออร์โธสี มาตราส่วน 1:4,000', 'Colour orthophoto map sheets 1:4,000', { coverage: 'PILOT', governmentOnly: true }],
    [I, 'ระวางแผนที่ระบบพิกัดฉาก UTM', 'UTM cadastral map index'],
    [I, 'หมุดหลักฐานแผนที่', 'Survey control points'],
    [I, 'สำนักงานที่ดิน', 'Land offices'],
  ],
  DPT: [
    [I, 'ผังเมืองรวมจังหวัด', 'Provincial comprehensive plans'],
    [I, 'ผังเมืองรวมเมืองและชุมชน', 'Town and community comprehensive plans', { coverage: 'PILOT' }],
    [I, 'ผังเมืองเฉพาะ', 'Specific plans', { coverage: 'PILOT' }],
    [I, 'ผังเมืองรวมเขตพัฒนาเศรษฐกิจพิเศษ', 'Special Economic Zone comprehensive plans', { coverage: 'SEZ' }],
    [I, 'พื้นที่บังคับใช้กฎหมายควบคุมอาคาร', 'Building control areas', { coverage: 'PILOT' }],
    [I, 'เขื่อนป้องกันตลิ่งริมแม่น้ำ', 'Riverbank protection works'],
    [I, 'ระบบระบายน้ำและป้องกันน้ำท่วมชุมชน', 'Urban drainage and flood protection'],
  ],
  DOPA: [
    [I, 'ขอบเขตการปกครองระดับจังหวัด', 'Province boundaries'],
    [I, 'ขอบเขตการปกครองระดับอำเภอ', 'District boundaries'],
    [I, 'ขอบเขตการปกครองระดับตำบล', 'Subdistrict boundaries'],
    [I, 'ที่ตั้งหมู่บ้าน', 'Village locations'],
    [I, 'ที่ตั้งศาลากลางจังหวัด', 'Provincial halls'],
    [I, 'ที่ว่าการอำเภอ', 'District offices'],
    [I, 'จุดผ่านแดนถาวรและจุดผ่อนปรนการค้า', 'Border crossings and trade relaxation points', { coverage: 'PILOT', governmentOnly: true }],
  ],
  DDPM: [
    [R, 'พื้นที่น้ำท่วมซ้ำซาก', 'Recurrent flood areas'],
    [R, 'หมู่บ้านเสี่ยงภัยดินโคลนถล่ม', 'Villages at risk of mudslides'],
    [R, 'พื้นที่ประสบภัยแล้งซ้ำซาก', 'Recurrent drought areas'],
    [R, 'พื้นที่เสี่ยงภัยวาตภัย', 'Windstorm hazard areas'],
    [R, 'พื้นที่เสี่ยงภัยสึนามิ', 'Tsunami hazard areas', { coverage: 'ANDAMAN' }],
    [I, 'ศูนย์ป้องกันและบรรเทาสาธารณภัยเขต', 'DDPM regional centres'],
    [I, 'ศูนย์พักพิงชั่วคราวและจุดอพยพ', 'Evacuation points and temporary shelters'],
    [I, 'คลังเครื่องจักรกลสาธารณภัย', 'Disaster machinery depots'],
  ],
  DOH: [
    [I, 'โครงข่ายทางหลวงแผ่นดิน', 'National highway network'],
    [I, 'หลักกิโลเมตรทางหลวง', 'Highway kilometre posts'],
    [I, 'สะพานบนทางหลวงแผ่นดิน', 'Highway bridges'],
    [I, 'ปริมาณการจราจรบนทางหลวง', 'Highway traffic volumes'],
    [I, 'ด่านชั่งน้ำหนักรถบรรทุก', 'Truck weigh stations'],
    [I, 'ที่ตั้งแขวงทางหลวง', 'Highway district offices'],
    [I, 'ทางหลวงพิเศษระหว่างเมือง', 'Intercity motorways', { coverage: 'PILOT' }],
  ],
  DRR: [
    [I, 'โครงข่ายทางหลวงชนบท', 'Rural road network'],
    [I, 'สะพานบนทางหลวงชนบท', 'Rural road bridges'],
    [I, 'ที่ตั้งแขวงทางหลวงชนบท', 'Rural road district offices'],
    [I, 'ถนนเชื่อมโยงเขตพัฒนาเศรษฐกิจพิเศษ', 'Roads serving the Special Economic Zones', { coverage: 'SEZ' }],
  ],
  MD: [
    [I, 'ท่าเรือพาณิชย์', 'Commercial ports', { coverage: 'COASTAL' }],
    [I, 'ร่องน้ำทางเดินเรือ', 'Navigation channels'],
    [I, 'ท่าเทียบเรือโดยสาร', 'Passenger piers'],
    [I, 'เครื่องหมายการเดินเรือ', 'Aids to navigation', { coverage: 'COASTAL' }],
    [I, 'สิ่งล่วงล้ำลำน้ำ', 'Encroachments on waterways', { governmentOnly: true }],
  ],
  GISTDA: [
    [I, 'ภาพโมเสกจากดาวเทียมไทยโชต', 'THEOS satellite image mosaic'],
    [I, 'แบบจำลองระดับสูงเชิงเลข', 'Digital elevation model'],
    [I, 'ขอบเขตเขตพัฒนาเศรษฐกิจพิเศษ', 'Special Economic Zone boundaries', { coverage: 'SEZ' }],
    [R, 'จุดความร้อนจากภาพถ่ายดาวเทียม', 'Satellite hotspots'],
    [R, 'พื้นที่น้ำท่วมจากภาพถ่ายดาวเทียม', 'Satellite-observed flood extent'],
    [R, 'พื้นที่ปลูกข้าวจากภาพถ่ายดาวเทียม', 'Rice planting areas from satellite imagery'],
    [R, 'พื้นที่ปลูกอ้อยและมันสำปะหลังจากภาพถ่ายดาวเทียม', 'Sugarcane and cassava areas from satellite imagery'],
    [R, 'ร่องรอยการเผาไหม้จากภาพถ่ายดาวเทียม', 'Burn scars from satellite imagery'],
    [R, 'ดัชนีความแห้งแล้งจากภาพถ่ายดาวเทียม', 'Satellite drought index'],
    [R, 'การเปลี่ยนแปลงพื้นที่ป่าจากภาพถ่ายดาวเทียม', 'Forest change from satellite imagery'],
    [R, 'สิ่งปกคลุมดินจากภาพถ่ายดาวเทียม', 'Land cover from satellite imagery'],
  ],
  HAII: [
    [I, 'สถานีโทรมาตรอัตโนมัติ', 'Automatic telemetry stations'],
    [R, 'เส้นทางน้ำสายหลักและสายรอง', 'Main and secondary waterways'],
    [R, 'แผนที่สถานการณ์น้ำ', 'Water situation map'],
    [R, 'แผนที่คาดการณ์ฝนล่วงหน้า', 'Rain forecast maps'],
    [R, 'ระดับน้ำในอ่างเก็บน้ำ', 'Reservoir levels'],
    [R, 'ความชื้นในดินจากแบบจำลอง', 'Modelled soil moisture'],
  ],
  RTSD: [
    [I, 'แผนที่ภูมิประเทศ มาตราส่วน 1:50,000', 'Topographic map 1:50,000'],
    [I, 'แผนที่ประเทศไทย มาตราส่วน 1:250,000', 'Thailand map series 1:250,000'],
    [I, 'เส้นชั้นความสูง', 'Contour lines'],
    [I, 'ชื่อภูมิศาสตร์', 'Geographic names'],
    [I, 'หมุดหลักฐานทางดิ่ง', 'Vertical control benchmarks'],
    [I, 'ภาพถ่ายทางอากาศ', 'Aerial photographs', { governmentOnly: true }],
  ],
  HDRTN: [
    [I, 'แผนที่เดินเรือ', 'Nautical charts', { coverage: 'COASTAL' }],
    [I, 'สถานีวัดระดับน้ำทะเล', 'Tide gauge stations', { coverage: 'COASTAL' }],
    [R, 'ความลึกน้ำทะเล', 'Bathymetry', { coverage: 'COASTAL' }],
    [R, 'แนวชายฝั่งทะเล', 'Coastline', { coverage: 'COASTAL' }],
    [R, 'กระแสน้ำและน้ำขึ้นน้ำลง', 'Tides and currents', { coverage: 'COASTAL' }],
  ],
  TMD: [
    [I, 'สถานีตรวจอากาศ', 'Weather stations'],
    [I, 'สถานีตรวจวัดแผ่นดินไหว', 'Seismic stations'],
    [R, 'ปริมาณฝนเฉลี่ยรายปี คาบ 30 ปี', '30-year mean annual rainfall'],
    [R, 'อุณหภูมิเฉลี่ยรายปี', 'Mean annual temperature'],
    [R, 'เส้นทางพายุหมุนเขตร้อน', 'Tropical cyclone tracks'],
    [R, 'ดัชนีฝนมาตรฐาน (SPI)', 'Standardised precipitation index'],
  ],
  NSO: [
    [I, 'เขตแจงนับสำมะโนประชากร', 'Census enumeration areas'],
    [I, 'ประชากรรายตำบล', 'Population by subdistrict'],
    [I, 'ครัวเรือนรายหมู่บ้าน', 'Households by village'],
    [I, 'สถานประกอบการจากสำมะโนธุรกิจ', 'Establishments (business census)'],
    [R, 'สำมะโนการเกษตรรายตำบล', 'Agricultural census by subdistrict'],
  ],
  TRD: [
    [R, 'ที่ราชพัสดุ', 'State property land'],
    [R, 'ราคาประเมินทุนทรัพย์ที่ดิน', 'Appraised land values'],
    [R, 'ที่ราชพัสดุในเขตพัฒนาเศรษฐกิจพิเศษ', 'State land in the Special Economic Zones', { coverage: 'SEZ' }],
    [I, 'สำนักงานธนารักษ์พื้นที่', 'Area treasury offices'],
  ],
  PEA: [
    [I, 'แนวสายส่งไฟฟ้าแรงสูง', 'High-voltage lines'],
    [I, 'สถานีไฟฟ้าย่อย', 'Substations'],
    [I, 'ระบบจำหน่ายไฟฟ้า', 'Distribution network'],
    [I, 'หม้อแปลงไฟฟ้าระบบจำหน่าย', 'Distribution transformers'],
    [I, 'สำนักงานการไฟฟ้าส่วนภูมิภาค', 'Provincial Electricity Authority offices'],
  ],
};

export function layerSubjects(): LayerSubject[] {
  return Object.entries(CATALOGUE).flatMap(([owner, entries]) =>
    entries.map(([theme, subject, nameEn, options]) => ({
      owner,
      theme,
      nameTh: `ชั้นข้อมูล${subject}`,
      nameEn,
      coverage: options?.coverage ?? 'NATIONAL',
      governmentOnly: options?.governmentOnly ?? false,
    })),
  );
}

/** The 23 coastal provinces, Gulf of Thailand and Andaman Sea. */
export const COASTAL_PROVINCES = [
  '10',
  '11',
  '20',
  '21',
  '22',
  '23',
  '24',
  '74',
  '75',
  '76',
  '77',
  '80',
  '81',
  '82',
  '83',
  '84',
  '85',
  '86',
  '90',
  '91',
  '92',
  '94',
  '96',
];
export const ANDAMAN_PROVINCES = ['81', '82', '83', '85', '91', '92'];
