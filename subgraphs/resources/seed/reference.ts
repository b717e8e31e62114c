import { bulkInsert, provinces, type Database } from '@govhub/shared';
import { ngisSource } from './sources';

/** Province codes (for coverage), the NGIS progress report and the committee, as the seeds state them. */
export async function seedReference(db: Database): Promise<void> {
  const { report, committee } = ngisSource();
  await bulkInsert(db, 'province', ['code'], provinces().map((p) => [p.code]));
  await bulkInsert(db, 'ngis_report',
    ['reported_on', 'core_layers_done', 'core_layers_planned', 'planned_is_approximate', 'member_agencies', 'remaining_due_on', 'portal_url'],
    // 003:L289 (27 agencies), L293 (131 of about 179, the rest within Dec 2560), reported to meeting 1/2560 (L59)
    [[report.reportedOn, report.coreLayersDone, report.coreLayersPlanned, report.plannedIsApproximate, report.memberAgencies,
      report.remainingDueOn, report.portalUrl]]);
  await bulkInsert(db, 'committee',
    ['code', 'ordered_by', 'appointed_on', 'secretariat_code', 'front_end_code', 'subcommittee_chair_code',
      'subcommittee_appointed_in', 'roadmap_th', 'obstacles_th'],
    // 003:L670 (order), L287 (secretariat), L289 (appointment, GISTDA, subcommittee), L291 (roadmap), L297–L301 (obstacles)
    [[committee.code, committee.order, committee.appointedOn, committee.secretariat, committee.frontEndDeveloper,
      committee.subcommitteeChair, committee.subcommitteeAppointedIn, committee.roadmapTh, committee.obstaclesTh]]);
}
