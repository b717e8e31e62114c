import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from '@govhub/shared';

export interface NgisReportSource {
  reportedOn: string;
  coreLayersDone: number;
  coreLayersPlanned: number;
  plannedIsApproximate: boolean;
  memberAgencies: number;
  remainingDueOn: string;
  portalUrl: string;
}
export interface CommitteeSource {
  code: string;
  order: string;
  appointedOn: string;
  secretariat: string;
  frontEndDeveloper: string;
  subcommitteeChair: string;
  subcommitteeAppointedIn: string;
  roadmapTh: string;
  obstaclesTh: string[];
}
export interface ZoneSource {
  id: string;
  nameTh: string;
  nameEn: string;
  phase: number;
  provinceCodes: string[];
  establishedOn: string;
  announcementTh: string;
}

const DATA_DIR = join(packageDir(__dirname), 'seed', 'data');
const readData = <T>(file: string): T => JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8'));

/** What the committee reported, extracted into seed/data/ngis.json. */
export const ngisSource = () => readData<{ report: NgisReportSource; committee: CommitteeSource }>('ngis.json');

/** The ten border zones: facts from outside the seed documents. */
export const zoneSource = () => readData<{ zones: ZoneSource[] }>('specialEconomicZones.json').zones;
