import { errorsOf, unaccounted } from '../../api/partial';
import { useQuery } from '../../api/useOperation';
import { FailureNotice, Loading } from '../../components/Notices';
import { CitizenDashboardDocument } from '../../generated';
import { useI18n } from '../../i18n/I18n';
import { AssistancePart, BusinessesPart, HealthPart, HousePart, ProfilePart, WelfarePart } from './PersonalParts';
import { WarningsPart, WaterPart } from './ProvinceParts';
import { ServicesPart } from './ServicesPart';
import { SOURCES, type PartName } from './sources';

const NO_VARIABLES = {};

/** Everything from one typed, persisted query, sent once per load; each part says in words when its data is missing. */
export function Dashboard() {
  const { t } = useI18n();
  const { loading, data, errors, failure, reload } = useQuery(CitizenDashboardDocument, NO_VARIABLES);
  if (failure) return <FailureNotice failure={failure} retry={reload} />;
  if (loading || !data) return <Loading />;
  const of = (part: PartName) => errorsOf(errors, SOURCES[part]);
  const me = data.me;
  if (!me && errors.length === 0) return <p class="notice notice-warning">{t('state.notCitizen')}</p>;
  const province = me?.address?.province ?? null;
  const stray = unaccounted(errors, Object.values(SOURCES));
  return (
    <div class="dashboard">
      <h1>{me ? t('dashboard.greeting', { name: me.firstNameTh }) : t('app.title')}</h1>
      {stray.length > 0 && (
        <p class="notice notice-warning" role="note">
          {t('state.partial')}
        </p>
      )}
      <div class="parts">
        <ProfilePart me={me} errors={of('profile')} />
        <HousePart address={me?.address ?? null} errors={of('house')} />
        <WelfarePart registration={me?.lowIncomeRegistration ?? null} errors={of('welfare')} />
        <HealthPart coverage={me?.healthCoverage ?? null} errors={of('health')} />
        <WaterPart province={province} errors={of('water')} />
        <WarningsPart warnings={province?.activeWarnings ?? []} errors={of('warnings')} />
        <BusinessesPart businesses={me?.businesses ?? []} errors={of('businesses')} />
        <AssistancePart assistance={me?.disasterAssistance ?? []} errors={of('assistance')} />
        <ServicesPart services={data.governmentServices} errors={of('services')} />
      </div>
    </div>
  );
}
