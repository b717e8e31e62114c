import { bulkInsert, provinces, type Database } from '@govhub/shared';
import { ngisSource } from './sources';

/** Province codes (for coverage), the NGIS progress report and the committee, as the seeds state them. */
export async function seedReference(db: Database): Promise<void> {
  const { report, committee } = ngisSource();
  await bulkInsert(
    db,
    'province',
    ['code'],
    provinces().map((p) => [p.code]),
  );
  await bulkInsert(
    db,
    'ngis_report',
    ['reported_on', 'core_layers_done', 'core_layers_planned', 'planned_is_approximate', 'member_agencies', 'remaining_due_on', 'portal_url'],
    // 27 agencies, 131 of about 179 (the rest within Dec 2560), reported to meeting 1/2560 of 3 Oct 2560
    [
      [
        report.reportedOn,
        report.coreLayersDone,
        report.coreLayersPlanned,
        report.plannedIsApproximate,
        report.memberAgencies,
        report.remainingDueOn,
        report.portalUrl,
      ],
    ],
  );
  await bulkInsert(
    db,
    'committee',
    [
      'code',
      'ordered_by',
      'appointed_on',
      'secretariat_code',
      'front_end_code',
      'subcommittee_chair_code',
      'subcommittee_appointed_in',
      'roadmap_th',
      'obstacles_th',
    ],
    // the order, secretariat, appointment, GISTDA's role, subcommittee, roadmap and obstacles (docs/domains.md, resources)
    [
      [
        committee.code,
        committee.order,
        committee.appointedOn,
        committee.secretariat,
        committee.frontEndDeveloper,
        committee.subcommitteeChair,
        committee.subcommitteeAppointedIn,
        committee.roadmapTh,
        committee.obstaclesTh,
      ],
    ],
  );
}
