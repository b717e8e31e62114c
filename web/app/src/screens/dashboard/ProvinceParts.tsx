import type { HubError } from '../../api/errors';
import { Facts, Part } from '../../components/Part';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18n';
import type { Province, Warning } from './types';

/** The province's flood and drought levels and its 7-day rain forecast (HAII's water warehouse). */
export function WaterPart({ province, errors }: { province: Province | null; errors: readonly HubError[] }) {
  const { t, label, language, province: provinceName } = useI18n();
  const situation = province?.waterSituation ?? null;
  const days = province?.rainForecast?.days ?? [];
  const wettest = Math.max(1, ...days.map((day) => day.rainfallMm));
  return (
    <Part id="water" title={t('dashboard.water', { province: province ? provinceName(province) : '' })} errors={errors}>
      {situation ? (
        <>
          <Facts
            facts={[
              [
                t('dashboard.flood'),
                <span class={`level level-${situation.floodStatus.toLowerCase()}`}>{label('WaterAlertLevel', situation.floodStatus)}</span>,
              ],
              [
                t('dashboard.drought'),
                <span class={`level level-${situation.droughtStatus.toLowerCase()}`}>{label('WaterAlertLevel', situation.droughtStatus)}</span>,
              ],
              ...(situation.reservoirPercent !== null
                ? [[t('dashboard.reservoir'), `${formatNumber(language, situation.reservoirPercent)}%`] as [string, string]]
                : []),
            ]}
          />
          <p class="muted">{t('dashboard.asOf', { date: formatDate(language, situation.asOf) })}</p>
        </>
      ) : (
        <p>{t('dashboard.noWater')}</p>
      )}
      <h3>{t('dashboard.forecast')}</h3>
      {days.length === 0 ? (
        <p>{t('dashboard.noForecast')}</p>
      ) : (
        <ol class="forecast">
          {days.map((day) => (
            <li key={day.date}>
              <span>
                {t('dashboard.forecastDay', {
                  date: formatDate(language, day.date),
                  mm: formatNumber(language, day.rainfallMm),
                  chance: day.chancePercent,
                })}
              </span>
              <span class="bar" aria-hidden="true" style={{ width: `${(day.rainfallMm / wettest) * 100}%` }} />
            </li>
          ))}
        </ol>
      )}
    </Part>
  );
}

/** DDPM's warnings that are issued or being tracked in the province. */
export function WarningsPart({ warnings, errors }: { warnings: readonly Warning[]; errors: readonly HubError[] }) {
  const { t, label, name, language } = useI18n();
  return (
    <Part id="warnings" title={t('dashboard.warnings')} errors={errors}>
      {warnings.length === 0 ? (
        <p>{t('dashboard.noWarnings')}</p>
      ) : (
        <ul class="items">
          {warnings.map((warning) => (
            <li key={warning.id} class={`severity-${warning.severity.toLowerCase()}`}>
              <strong>
                {label('Hazard', warning.hazard)} · {label('WarningSeverity', warning.severity)} ({label('WarningStatus', warning.status)})
              </strong>
              <span lang="th">{t('dashboard.warningArea', { area: warning.area })}</span>
              <span>{t('dashboard.issuedBy', { agency: name(warning.issuedBy), date: formatDateTime(language, warning.issuedAt) })}</span>
            </li>
          ))}
        </ul>
      )}
    </Part>
  );
}
