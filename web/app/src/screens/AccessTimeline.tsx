import { useEffect, useState } from 'preact/hooks';
import { useQuery } from '../api/useOperation';
import { FailureNotice, Loading } from '../components/Notices';
import { AccessTimelineDocument, type AccessTimelineQuery } from '../generated';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/I18n';

type Entry = NonNullable<AccessTimelineQuery['me']>['accessLog'][number];
type Named = { nameTh: string; nameEn?: string | null };
interface Filters {
  agencyCode: string | null;
  dataset: string | null;
}

/** The filter choices: every agency and dataset of the unfiltered log. */
function choicesOf(entries: readonly Entry[]) {
  const agencies = new Map<string, Named>();
  const datasets = new Map<string, Named>();
  for (const entry of entries) {
    if (entry.consumer) agencies.set(entry.consumer.code, entry.consumer);
    datasets.set(entry.dataset.id, entry.dataset);
  }
  return { agencies, datasets };
}

/** "Who accessed my data": the exchange log's releases of the citizen's data, newest first, filtered on the hub. */
export function AccessTimeline() {
  const { t, name } = useI18n();
  const [filters, setFilters] = useState<Filters>({ agencyCode: null, dataset: null });
  const { loading, data, failure, reload } = useQuery(AccessTimelineDocument, filters);
  const [choices, setChoices] = useState(() => choicesOf([]));
  const unfiltered = !filters.agencyCode && !filters.dataset;
  useEffect(() => {
    if (unfiltered && data?.me) setChoices(choicesOf(data.me.accessLog));
  }, [data, unfiltered]);
  const entries = data?.me?.accessLog ?? [];

  const select = (id: string, label: string, options: Map<string, Named>, value: string | null, key: keyof Filters) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => setFilters({ ...filters, [key]: event.currentTarget.value || null })}>
        <option value="">{t('access.all')}</option>
        {[...options].map(([code, named]) => (
          <option key={code} value={code}>
            {name(named)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div class="access">
      <h1>{t('access.title')}</h1>
      <p>{t('access.intro')}</p>
      <form class="filters" role="search" aria-label={t('access.filters')} onSubmit={(event) => event.preventDefault()}>
        {select('filter-agency', t('access.agency'), choices.agencies, filters.agencyCode, 'agencyCode')}
        {select('filter-dataset', t('access.dataset'), choices.datasets, filters.dataset, 'dataset')}
      </form>
      {failure ? (
        <FailureNotice failure={failure} retry={reload} />
      ) : loading && !data ? (
        <Loading />
      ) : (
        <>
          <p class="muted" role="status">
            {t('access.count', { count: entries.length })}
          </p>
          {entries.length === 0 ? <p>{unfiltered ? t('access.empty') : t('access.emptyFiltered')}</p> : <Timeline entries={entries} />}
        </>
      )}
    </div>
  );
}

function Timeline({ entries }: { entries: readonly Entry[] }) {
  const { t, label, name, language } = useI18n();
  return (
    <ol class="timeline">
      {entries.map((entry) => (
        <li key={`${entry.requestId}:${entry.dataset.id}:${entry.at}`}>
          <time dateTime={entry.at}>{formatDateTime(language, entry.at)}</time>
          <strong class="agency">{entry.consumer ? name(entry.consumer) : t('access.unknownAgency')}</strong>
          <span>
            {t('access.purpose')}: {entry.purpose ? name(entry.purpose) : '—'} · {label('ReleaseBasis', entry.basis)}
          </span>
          <span>
            {t('access.dataset')}: {name(entry.dataset)}
          </span>
          <span>
            {t('access.fields')}: <code>{entry.fields.join(', ')}</code>
          </span>
        </li>
      ))}
    </ol>
  );
}
