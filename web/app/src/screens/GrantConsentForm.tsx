import { useState } from 'preact/hooks';
import { useMutation, useQuery, type Failure } from '../api/useOperation';
import { FailureNotice, Loading } from '../components/Notices';
import { ConsentOptionsDocument, GrantConsentDocument } from '../generated';
import { useI18n } from '../i18n/I18n';

const NO_VARIABLES = {};
// The hub's own records (its exchange log, the consents themselves) are not data to hand to another agency.
const HUB_OWN = 'govhub.';

/** Give an agency consent to read chosen datasets of the citizen's data for one purpose. */
export function GrantConsentForm({ onDone }: { onDone(result: Failure | null): void }) {
  const { t, name } = useI18n();
  const { loading, data, failure, reload } = useQuery(ConsentOptionsDocument, NO_VARIABLES);
  const grant = useMutation(GrantConsentDocument);
  const [agencyCode, setAgencyCode] = useState('');
  const [purpose, setPurpose] = useState('');
  const [datasets, setDatasets] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (failure) return <FailureNotice failure={failure} retry={reload} />;
  if (loading || !data) return <Loading />;
  const byName = <T extends { nameTh: string; nameEn?: string | null }>(items: readonly T[]) =>
    [...items].sort((a, b) => name(a).localeCompare(name(b)));
  const datasetChoices = byName([...data.personalDatasets, ...data.sensitiveDatasets].filter((dataset) => !dataset.id.startsWith(HUB_OWN)));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (datasets.length === 0) return setProblem(t('consents.pickDataset'));
    setProblem(null);
    setBusy(true);
    const result = await grant({ agencyCode, purpose, datasets });
    setBusy(false);
    if (!result) setDatasets([]);
    onDone(result);
  };

  return (
    <section class="part" aria-labelledby="grant-title">
      <h2 id="grant-title">{t('consents.grant')}</h2>
      <form class="grant" onSubmit={submit}>
        <div class="field">
          <label for="grant-agency">{t('consents.agency')}</label>
          <select id="grant-agency" required value={agencyCode} onChange={(event) => setAgencyCode(event.currentTarget.value)}>
            <option value="">{t('consents.choose')}</option>
            {byName(data.agencies).map((agency) => (
              <option key={agency.code} value={agency.code}>
                {name(agency)} ({agency.code})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="grant-purpose">{t('consents.purpose')}</label>
          <select id="grant-purpose" required value={purpose} onChange={(event) => setPurpose(event.currentTarget.value)}>
            <option value="">{t('consents.choose')}</option>
            {data.purposes.map((item) => (
              <option key={item.code} value={item.code}>
                {name(item)}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t('consents.datasets')}</legend>
          {datasetChoices.map((dataset) => (
            <label class="check" key={dataset.id}>
              <input
                type="checkbox"
                name="dataset"
                value={dataset.id}
                checked={datasets.includes(dataset.id)}
                onChange={(event) =>
                  setDatasets(event.currentTarget.checked ? [...datasets, dataset.id] : datasets.filter((id) => id !== dataset.id))
                }
              />
              {name(dataset)}
            </label>
          ))}
        </fieldset>
        {problem && (
          <p class="notice notice-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {t('consents.submit')}
        </button>
      </form>
    </section>
  );
}
