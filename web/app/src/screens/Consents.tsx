import { useState } from 'preact/hooks';
import { useMutation, useQuery, type Failure } from '../api/useOperation';
import { FailureNotice, Loading } from '../components/Notices';
import { ConsentsDocument, RevokeConsentDocument, type ConsentsQuery } from '../generated';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/I18n';
import { GrantConsentForm } from './GrantConsentForm';

type Consent = NonNullable<ConsentsQuery['me']>['consents'][number];
const NO_VARIABLES = {};

/** The citizen's active consents, withdrawn one by one, and a form to give a new one. */
export function Consents() {
  const { t, name, language } = useI18n();
  const { loading, data, failure, reload } = useQuery(ConsentsDocument, NO_VARIABLES);
  const revoke = useMutation(RevokeConsentDocument);
  const [outcome, setOutcome] = useState<{ message: string; failure?: Failure } | null>(null);

  const done = (message: string) => (result: Failure | null) => {
    setOutcome(result ? { message: '', failure: result } : { message });
    if (!result) reload();
  };
  const withdraw = (consent: Consent) =>
    revoke({ agencyCode: consent.agency.code, purpose: consent.purpose.code, datasets: [consent.dataset.id] }).then(done(t('consents.revoked')));

  const consents = data?.me?.consents ?? [];
  return (
    <div class="consents">
      <h1>{t('consents.title')}</h1>
      <p>{t('consents.intro')}</p>
      <div class="outcome" role="status">
        {outcome && !outcome.failure && <p class="notice notice-ok">{outcome.message}</p>}
      </div>
      {outcome?.failure && (
        <p class="notice notice-error" role="alert">
          {t('consents.actionFailed', { reason: outcome.failure.kind === 'unreachable' ? t('state.unreachable') : outcome.failure.reason })}
        </p>
      )}
      <section class="part" aria-labelledby="active-title">
        <h2 id="active-title">{t('consents.active')}</h2>
        {failure ? (
          <FailureNotice failure={failure} retry={reload} />
        ) : loading && !data ? (
          <Loading />
        ) : consents.length === 0 ? (
          <p>{t('consents.empty')}</p>
        ) : (
          <ul class="items">
            {consents.map((consent) => (
              <li key={consent.id} data-consent={`${consent.agency.code}:${consent.purpose.code}:${consent.dataset.id}`}>
                <strong>{name(consent.agency)}</strong>
                <span>{name(consent.purpose)}</span>
                <span>{name(consent.dataset)}</span>
                <span class="muted">{t('consents.grantedAt', { date: formatDateTime(language, consent.grantedAt) })}</span>
                <button
                  type="button"
                  onClick={() => withdraw(consent)}
                  aria-label={t('consents.revokeLabel', { agency: name(consent.agency), dataset: name(consent.dataset) })}
                >
                  {t('consents.revoke')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <GrantConsentForm onDone={done(t('consents.granted'))} />
    </div>
  );
}
