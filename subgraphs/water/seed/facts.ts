import { bulkInsert, type Database } from '@govhub/shared';

/** Provincial water management centres: แพร่ สุโขทัย พิจิตร พะเยา, in that order. */
const PROVINCIAL_WATER_CENTRES = ['54', '64', '66', '56'];

/**
 * The decision-support master plan: the Cabinet approved the urgent 2558 water-management projects on
 * 30 Dec 2557; 4,189.09 million baht were allocated to 35 projects of 15 agencies, tracked at pmoc.thaiwater.net.
 */
const DECISION_SUPPORT_PLAN = {
  id: 'dss-2558',
  nameTh: 'แผนแม่บทระบบข้อมูลสนับสนุนการตัดสินใจ: แผนงาน/โครงการบริหารจัดการทรัพยากรน้ำ ระยะเร่งด่วน ประจำปี 2558 (เพิ่มเติม)',
  approvedOn: '2014-12-30',
  projects: 35,
  agencies: 15,
  budgetMillionBaht: 4189.09,
  trackingUrl: 'http://pmoc.thaiwater.net/project',
};

/** HAII's 25 staff at DDPM's Region 11 centre in Surat Thani, 31 Oct – 10 Nov 2560. */
const SUPPORT_DEPLOYMENTS = [
  {
    id: 'haii-ddpm11-2560',
    agencyCode: 'HAII',
    hostAgencyCode: 'DDPM',
    provinceCode: '84',
    siteTh: 'ศูนย์ป้องกันและบรรเทาสาธารณภัยเขต 11 สุราษฎร์ธานี',
    staff: 25,
    requestRef: 'หนังสือด่วนที่สุด ที่ มท 0622/ว 541 ลงวันที่ 30 ตุลาคม 2560',
    startedOn: '2017-10-31',
    endedOn: '2017-11-10',
    purposeTh: 'สนับสนุนข้อมูล ติดตาม วิเคราะห์สถานการณ์น้ำ และร่วมวิเคราะห์แนวทางบรรเทาอุทกภัย ' + 'รับมือความกดอากาศต่ำเคลื่อนตัวเข้าปกคลุมภาคใต้',
  },
];

/** Figures the seeds state outright: provincial centres, the decision-support plan, the Surat Thani deployment. */
export async function seedFacts(db: Database): Promise<void> {
  await bulkInsert(
    db,
    'provincial_water_centre',
    ['province_code', 'position'],
    PROVINCIAL_WATER_CENTRES.map((code, position) => [code, position]),
  );
  const plan = DECISION_SUPPORT_PLAN;
  await bulkInsert(
    db,
    'decision_support_plan',
    ['id', 'name_th', 'approved_on', 'projects', 'agencies', 'budget_million_baht', 'tracking_url'],
    [[plan.id, plan.nameTh, plan.approvedOn, plan.projects, plan.agencies, plan.budgetMillionBaht, plan.trackingUrl]],
  );
  await bulkInsert(
    db,
    'support_deployment',
    ['id', 'agency_code', 'host_agency_code', 'province_code', 'site_th', 'staff', 'request_ref', 'started_on', 'ended_on', 'purpose_th'],
    SUPPORT_DEPLOYMENTS.map((d) => [
      d.id,
      d.agencyCode,
      d.hostAgencyCode,
      d.provinceCode,
      d.siteTh,
      d.staff,
      d.requestRef,
      d.startedOn,
      d.endedOn,
      d.purposeTh,
    ]),
  );
}
