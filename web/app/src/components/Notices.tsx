import type { HubError } from '../api/errors';
import type { Failure } from '../api/useOperation';
import { isMessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/I18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      {t('state.loading')}
    </p>
  );
}

/** A whole request that failed, with a way to try again. */
export function FailureNotice({ failure, retry }: { failure: Failure; retry(): void }) {
  const { t } = useI18n();
  return (
    <div class="notice notice-error" role="alert">
      <p>{failure.kind === 'unreachable' ? t('state.unreachable') : t('state.failed', { reason: failure.reason })}</p>
      <button type="button" onClick={retry}>
        {t('state.retry')}
      </button>
    </div>
  );
}

/** Why one part of a page is missing, in words: denied, its system not answering, or another failure. */
export function PartNotice({ errors }: { errors: readonly HubError[] }) {
  const { t } = useI18n();
  const codes = errors.map((error) => error.extensions?.code ?? '');
  const unavailable = errors.find((error) => error.extensions?.code?.startsWith('SUBGRAPH_'));
  const domainKey = `domain.${unavailable?.extensions?.domain}`;
  const words = codes.includes('UNAUTHORIZED_FIELD_OR_TYPE')
    ? t('section.denied')
    : unavailable
      ? t('section.unavailable', { domain: isMessageKey(domainKey) ? t(domainKey) : (unavailable.extensions?.domain ?? '') })
      : t('section.failed', { reason: codes.find(Boolean) ?? errors[0]?.message ?? '' });
  return (
    <p class="notice notice-warning" role="note">
      {words}
    </p>
  );
}
