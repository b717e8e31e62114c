import type { HubError } from '../../api/errors';
import { Part } from '../../components/Part';
import { useI18n } from '../../i18n/I18n';
import type { Service } from './types';

const SHOWN_FIRST = 5;

/** Services that need nothing but the ID card: the agency fetches the rest from the hub, no document copies. */
export function ServicesPart({ services, errors }: { services: readonly Service[]; errors: readonly HubError[] }) {
  const { t, name } = useI18n();
  const item = (service: Service) => (
    <li key={service.code}>
      <strong lang="th">{service.nameTh}</strong>
      <span>{name(service.agency)}</span>
    </li>
  );
  return (
    <Part id="services" title={t('dashboard.services')} errors={errors}>
      <p class="muted">{t('dashboard.servicesIntro')}</p>
      <ul class="items">{services.slice(0, SHOWN_FIRST).map(item)}</ul>
      {services.length > SHOWN_FIRST && (
        <details>
          <summary>{t('dashboard.servicesCount', { count: services.length })}</summary>
          <ul class="items">{services.slice(SHOWN_FIRST).map(item)}</ul>
        </details>
      )}
    </Part>
  );
}
