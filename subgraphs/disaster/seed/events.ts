import { bulkInsert, type Database } from '@govhub/shared';
import type { Hazard, WarningSeverity, WarningStatus } from '../generated';

export interface EventSeed {
  id: string;
  nameTh: string;
  nameEn: string;
  hazard: Hazard;
  startedAt: string;
  endedAt: string | null;
  provinces: string[];
  /** Chance that a resident of an affected province is registered as a victim. */
  victimRate: number;
}

/** The southern floods that were still under way on 1 Dec 2560: the HAII–DDPM Surat Thani case. */
export const SOUTHERN_FLOOD_2017 = 'EV-2017-08';

/** Events around 2017, invented (the seeds name none but the southern floods of late 2560); all flagged synthetic. */
export const EVENTS: EventSeed[] = [
  {
    id: 'EV-2017-01',
    nameTh: 'อุทกภัยภาคใต้ มกราคม ๒๕๖๐',
    nameEn: 'Southern floods, January 2017',
    hazard: 'FLOOD',
    startedAt: '2017-01-01T06:00:00+07:00',
    endedAt: '2017-02-05T18:00:00+07:00',
    provinces: ['80', '84', '86', '90', '92', '93'],
    victimRate: 0.05,
  },
  {
    id: 'EV-2017-02',
    nameTh: 'ภัยหนาว ฤดูหนาว ๒๕๕๙/๒๕๖๐',
    nameEn: 'Cold wave, winter 2016/17',
    hazard: 'COLD_WAVE',
    startedAt: '2016-12-15T00:00:00+07:00',
    endedAt: '2017-02-28T00:00:00+07:00',
    provinces: ['42', '50', '55', '56', '57', '58'],
    victimRate: 0.02,
  },
  {
    id: 'EV-2017-03',
    nameTh: 'ไฟป่าและหมอกควันภาคเหนือ ๒๕๖๐',
    nameEn: 'Northern forest fires and haze, 2017',
    hazard: 'FOREST_FIRE',
    startedAt: '2017-02-15T00:00:00+07:00',
    endedAt: '2017-04-30T00:00:00+07:00',
    provinces: ['50', '51', '52', '54', '55', '56', '57', '58'],
    victimRate: 0.005,
  },
  {
    id: 'EV-2017-04',
    nameTh: 'ภัยแล้ง ๒๕๖๐',
    nameEn: 'Drought, 2017',
    hazard: 'DROUGHT',
    startedAt: '2017-02-01T00:00:00+07:00',
    endedAt: '2017-06-15T00:00:00+07:00',
    provinces: ['30', '31', '32', '33', '36', '40', '44', '45'],
    victimRate: 0.02,
  },
  {
    id: 'EV-2017-05',
    nameTh: 'พายุโซนร้อน "เซินกา"',
    nameEn: 'Tropical storm Sonca',
    hazard: 'STORM',
    startedAt: '2017-07-25T12:00:00+07:00',
    endedAt: '2017-08-20T00:00:00+07:00',
    provinces: ['40', '41', '43', '45', '46', '47', '48'],
    victimRate: 0.04,
  },
  {
    id: 'EV-2017-06',
    nameTh: 'ดินโคลนถล่ม จังหวัดน่านและอุตรดิตถ์',
    nameEn: 'Landslides in Nan and Uttaradit',
    hazard: 'LANDSLIDE',
    startedAt: '2017-07-28T03:00:00+07:00',
    endedAt: '2017-08-10T00:00:00+07:00',
    provinces: ['53', '55'],
    victimRate: 0.01,
  },
  {
    id: 'EV-2017-07',
    nameTh: 'พายุโซนร้อน "ทกซูรี"',
    nameEn: 'Tropical storm Doksuri',
    hazard: 'STORM',
    startedAt: '2017-09-15T18:00:00+07:00',
    endedAt: '2017-09-30T00:00:00+07:00',
    provinces: ['38', '42', '47', '48', '49'],
    victimRate: 0.02,
  },
  {
    id: SOUTHERN_FLOOD_2017,
    nameTh: 'อุทกภัยภาคใต้ พฤศจิกายน–ธันวาคม ๒๕๖๐',
    nameEn: 'Southern floods, November–December 2017',
    hazard: 'FLOOD',
    // the low-pressure system reached the south on 31 Oct 2560; still under way on 1 Dec 2560
    startedAt: '2017-11-01T06:00:00+07:00',
    endedAt: null,
    provinces: ['80', '84', '86', '90', '92', '93'],
    victimRate: 0.08,
  },
];

interface DeploymentSeed {
  id: string;
  eventId: string;
  agency: string;
  staff: number;
  stationTh: string;
  startedOn: string;
  endedOn: string | null;
  referenceTh: string | null;
  synthetic: boolean;
}

const DEPLOYMENTS: DeploymentSeed[] = [
  {
    // 25 HAII staff with equipment and vehicles at DDPM Region 11 Surat Thani, 31 Oct–10 Nov 2560, at the request of
    // the Central Disaster Prevention and Mitigation Directing Centre's letter of 30 Oct 2560
    id: 'DEP-2017-08-HAII',
    eventId: SOUTHERN_FLOOD_2017,
    agency: 'HAII',
    staff: 25,
    stationTh: 'ศูนย์ป้องกันและบรรเทาสาธารณภัยเขต ๑๑ สุราษฎร์ธานี',
    startedOn: '2017-10-31',
    endedOn: '2017-11-10',
    referenceTh: 'หนังสือกองอำนวยการป้องกันและบรรเทาสาธารณภัยกลาง ด่วนที่สุด ที่ มท ๐๖๒๒/ว ๕๔๑ ลงวันที่ ๓๐ ตุลาคม ๒๕๖๐',
    synthetic: false,
  },
  {
    id: 'DEP-2017-08-RTA',
    eventId: SOUTHERN_FLOOD_2017,
    agency: 'RTA',
    staff: 150,
    stationTh: 'กองอำนวยการป้องกันและบรรเทาสาธารณภัยจังหวัดนครศรีธรรมราช',
    startedOn: '2017-11-03',
    endedOn: null,
    referenceTh: null,
    synthetic: true,
  },
];

interface WarningSeed {
  id: string;
  hazard: Hazard;
  severity: WarningSeverity;
  area: string;
  province: string;
  status: WarningStatus;
  issuedAt: string;
  trackedAt: string | null;
  endedAt: string | null;
  issuedBy: string;
  eventId: string | null;
}

/** Issued, tracked, ended; invented, all flagged synthetic. */
const WARNINGS: WarningSeed[] = [
  {
    id: 'W-2017-001',
    hazard: 'FLOOD',
    severity: 'EMERGENCY',
    area: 'อำเภอฉวาง อำเภอทุ่งสง อำเภอชะอวด อำเภอหัวไทร',
    province: '80',
    status: 'ENDED',
    issuedAt: '2017-01-02T09:00:00+07:00',
    trackedAt: '2017-01-20T09:00:00+07:00',
    endedAt: '2017-02-05T18:00:00+07:00',
    issuedBy: 'DDPM',
    eventId: 'EV-2017-01',
  },
  {
    id: 'W-2017-002',
    hazard: 'FLOOD',
    severity: 'WARNING',
    area: 'อำเภอพุนพิน อำเภอเคียนซา อำเภอเวียงสระ',
    province: '84',
    status: 'ENDED',
    issuedAt: '2017-01-03T15:00:00+07:00',
    trackedAt: '2017-01-18T09:00:00+07:00',
    endedAt: '2017-02-01T12:00:00+07:00',
    issuedBy: 'DDPM',
    eventId: 'EV-2017-01',
  },
  {
    id: 'W-2017-003',
    hazard: 'COLD_WAVE',
    severity: 'WATCH',
    area: 'ทุกอำเภอ',
    province: '57',
    status: 'ENDED',
    issuedAt: '2016-12-16T10:00:00+07:00',
    trackedAt: null,
    endedAt: '2017-02-28T10:00:00+07:00',
    issuedBy: 'TMD',
    eventId: 'EV-2017-02',
  },
  {
    id: 'W-2017-004',
    hazard: 'FOREST_FIRE',
    severity: 'WARNING',
    area: 'อำเภอเมืองเชียงใหม่ อำเภอแม่ริม อำเภอสันทราย',
    province: '50',
    status: 'ENDED',
    issuedAt: '2017-03-01T08:00:00+07:00',
    trackedAt: '2017-03-20T08:00:00+07:00',
    endedAt: '2017-04-30T18:00:00+07:00',
    issuedBy: 'DDPM',
    eventId: 'EV-2017-03',
  },
  {
    id: 'W-2017-005',
    hazard: 'DROUGHT',
    severity: 'WATCH',
    area: 'อำเภอโนนสูง อำเภอพิมาย อำเภอชุมพวง',
    province: '30',
    status: 'ENDED',
    issuedAt: '2017-02-10T10:00:00+07:00',
    trackedAt: '2017-04-01T10:00:00+07:00',
    endedAt: '2017-06-15T10:00:00+07:00',
    issuedBy: 'DDPM',
    eventId: 'EV-2017-04',
  },
  {
    id: 'W-2017-006',
    hazard: 'STORM',
    severity: 'WARNING',
    area: 'อำเภอเมืองสกลนคร อำเภอพรรณานิคม อำเภอกุสุมาลย์',
    province: '47',
    status: 'ENDED',
    issuedAt: '2017-07-25T06:00:00+07:00',
    trackedAt: '2017-07-28T06:00:00+07:00',
    endedAt: '2017-08-20T12:00:00+07:00',
    issuedBy: 'TMD',
    eventId: 'EV-2017-05',
  },
  {
    id: 'W-2017-007',
    hazard: 'STORM',
    severity: 'WARNING',
    area: 'อำเภอเมืองนครพนม อำเภอท่าอุเทน อำเภอศรีสงคราม',
    province: '48',
    status: 'ENDED',
    issuedAt: '2017-09-15T06:00:00+07:00',
    trackedAt: '2017-09-16T06:00:00+07:00',
    endedAt: '2017-09-30T12:00:00+07:00',
    issuedBy: 'NDWC',
    eventId: 'EV-2017-07',
  },
  {
    id: 'W-2017-008',
    hazard: 'FLOOD',
    severity: 'EMERGENCY',
    area: 'อำเภอเมืองสุราษฎร์ธานี อำเภอพุนพิน อำเภอกาญจนดิษฐ์ อำเภอบ้านนาสาร',
    province: '84',
    status: 'TRACKING',
    issuedAt: '2017-10-30T16:00:00+07:00',
    trackedAt: '2017-12-01T08:00:00+07:00',
    endedAt: null,
    issuedBy: 'DDPM',
    eventId: SOUTHERN_FLOOD_2017,
  },
  {
    id: 'W-2017-009',
    hazard: 'FLOOD',
    severity: 'WARNING',
    area: 'อำเภอชะอวด อำเภอเชียรใหญ่ อำเภอปากพนัง',
    province: '80',
    status: 'TRACKING',
    issuedAt: '2017-11-02T10:00:00+07:00',
    trackedAt: '2017-12-01T08:00:00+07:00',
    endedAt: null,
    issuedBy: 'DDPM',
    eventId: SOUTHERN_FLOOD_2017,
  },
  {
    id: 'W-2017-010',
    hazard: 'FLOOD',
    severity: 'WARNING',
    area: 'อำเภอเมืองพัทลุง อำเภอควนขนุน อำเภอป่าพะยอม',
    province: '93',
    status: 'TRACKING',
    issuedAt: '2017-11-05T10:00:00+07:00',
    trackedAt: '2017-11-30T08:00:00+07:00',
    endedAt: null,
    issuedBy: 'DDPM',
    eventId: SOUTHERN_FLOOD_2017,
  },
  {
    id: 'W-2017-011',
    hazard: 'FLOOD',
    severity: 'WATCH',
    area: 'อำเภอหลังสวน อำเภอละแม',
    province: '86',
    status: 'ENDED',
    issuedAt: '2017-11-02T10:00:00+07:00',
    trackedAt: '2017-11-10T08:00:00+07:00',
    endedAt: '2017-11-20T12:00:00+07:00',
    issuedBy: 'DDPM',
    eventId: SOUTHERN_FLOOD_2017,
  },
  {
    id: 'W-2017-012',
    hazard: 'FLOOD',
    severity: 'WARNING',
    area: 'อำเภอหาดใหญ่ อำเภอรัตภูมิ อำเภอสะเดา',
    province: '90',
    status: 'ISSUED',
    issuedAt: '2017-11-30T17:00:00+07:00',
    trackedAt: null,
    endedAt: null,
    issuedBy: 'DDPM',
    eventId: SOUTHERN_FLOOD_2017,
  },
  {
    // the demo identity of Phayao (README.md, demo identities) lives under an active flood warning
    id: 'W-2017-013',
    hazard: 'FLOOD',
    severity: 'WARNING',
    area: 'อำเภอเมืองพะเยา อำเภอแม่ใจ อำเภอดอกคำใต้ (ลุ่มน้ำอิง กว๊านพะเยา)',
    province: '56',
    status: 'ISSUED',
    issuedAt: '2017-11-30T15:00:00+07:00',
    trackedAt: null,
    endedAt: null,
    issuedBy: 'DDPM',
    eventId: null,
  },
  {
    id: 'W-2017-014',
    hazard: 'COLD_WAVE',
    severity: 'WATCH',
    area: 'ทุกอำเภอ',
    province: '58',
    status: 'ISSUED',
    issuedAt: '2017-11-28T10:00:00+07:00',
    trackedAt: null,
    endedAt: null,
    issuedBy: 'TMD',
    eventId: null,
  },
];

export async function seedEvents(db: Database): Promise<void> {
  await bulkInsert(
    db,
    'disaster_event',
    ['id', 'name_th', 'name_en', 'hazard', 'started_at', 'ended_at', 'synthetic'],
    EVENTS.map((e) => [e.id, e.nameTh, e.nameEn, e.hazard, e.startedAt, e.endedAt, true]),
  );
  await bulkInsert(
    db,
    'event_province',
    ['event_id', 'province_code'],
    EVENTS.flatMap((e) => e.provinces.map((code) => [e.id, code])),
  );
  await bulkInsert(
    db,
    'response_deployment',
    ['id', 'event_id', 'agency_code', 'staff', 'station_th', 'started_on', 'ended_on', 'reference_th', 'synthetic'],
    DEPLOYMENTS.map((d) => [d.id, d.eventId, d.agency, d.staff, d.stationTh, d.startedOn, d.endedOn, d.referenceTh, d.synthetic]),
  );
  await bulkInsert(
    db,
    'warning',
    ['id', 'hazard', 'severity', 'area_th', 'province_code', 'status', 'issued_at', 'tracked_at', 'ended_at', 'issued_by', 'event_id', 'synthetic'],
    WARNINGS.map((w) => [w.id, w.hazard, w.severity, w.area, w.province, w.status, w.issuedAt, w.trackedAt, w.endedAt, w.issuedBy, w.eventId, true]),
  );
}
