import type { HubError } from '../../api/errors';
import { Facts, Part } from '../../components/Part';
import { formatBaht, formatDate, formatNationalId } from '../../i18n/format';
import { useI18n } from '../../i18n/I18n';
import type { Address, Me } from './types';

interface PartProps {
  errors: readonly HubError[];
}

export function ProfilePart({ me, errors }: PartProps & { me: Me | null }) {
  const { t, language } = useI18n();
  return (
    <Part id="profile" title={t('dashboard.profile')} errors={errors}>
      {me && (
        <Facts
          facts={[
            [t('dashboard.name'), <span lang="th">{`${me.titleTh}${me.firstNameTh} ${me.lastNameTh}`}</span>],
            [t('dashboard.nationalId'), <span class="nowrap">{formatNationalId(me.nationalId)}</span>],
            [t('dashboard.dateOfBirth'), formatDate(language, me.dateOfBirth)],
          ]}
        />
      )}
    </Part>
  );
}

export function HousePart({ address, errors }: PartProps & { address: Address | null }) {
  const { t, province } = useI18n();
  return (
    <Part id="house" title={t('dashboard.house')} errors={errors}>
      {address ? (
        <Facts
          facts={[
            [t('dashboard.houseId'), address.houseId],
            [
              t('dashboard.address'),
              <span>
                {[
                  t('dashboard.houseNo', { no: address.houseNo }),
                  address.moo ? t('dashboard.moo', { moo: address.moo }) : null,
                  address.subdistrictTh,
                  address.districtTh,
                ]
                  .filter(Boolean)
                  .join(' ')}{' '}
                {province(address.province)}
              </span>,
            ],
          ]}
        />
      ) : (
        <p>{t('state.none')}</p>
      )}
    </Part>
  );
}

export function WelfarePart({ registration, errors }: PartProps & { registration: Me['lowIncomeRegistration'] }) {
  const { t, label, language } = useI18n();
  return (
    <Part id="welfare" title={t('dashboard.welfare')} errors={errors}>
      {registration ? (
        <Facts
          facts={[
            [t('dashboard.welfareStatus'), label('LowIncomeStatus', registration.status)],
            [t('dashboard.registeredOn'), formatDate(language, registration.registeredOn)],
            ...(registration.welfareCardBalanceBaht !== null
              ? [[t('dashboard.cardBalance'), formatBaht(language, registration.welfareCardBalanceBaht)] as [string, string]]
              : []),
          ]}
        />
      ) : (
        <p>{t('dashboard.notRegistered')}</p>
      )}
    </Part>
  );
}

export function HealthPart({ coverage, errors }: PartProps & { coverage: Me['healthCoverage'] }) {
  const { t, label, language } = useI18n();
  return (
    <Part id="health" title={t('dashboard.health')} errors={errors}>
      {coverage ? (
        <Facts
          facts={[
            [t('dashboard.scheme'), label('HealthScheme', coverage.scheme)],
            [t('dashboard.hospital'), <span lang="th">{coverage.mainHospital}</span>],
            [t('dashboard.since'), formatDate(language, coverage.since)],
          ]}
        />
      ) : (
        <p>{t('state.none')}</p>
      )}
    </Part>
  );
}

export function BusinessesPart({ businesses, errors }: PartProps & { businesses: Me['businesses'] }) {
  const { t, label, name, language } = useI18n();
  return (
    <Part id="businesses" title={t('dashboard.businesses')} errors={errors}>
      {businesses.length === 0 ? (
        <p>{t('dashboard.noBusinesses')}</p>
      ) : (
        <ul class="items">
          {businesses.map((business) => (
            <li key={business.juristicId}>
              <strong>{name(business)}</strong>
              <span>
                {t('dashboard.juristicId')} {business.juristicId}
              </span>
              <span>
                {label('BusinessStatus', business.status)} · {formatDate(language, business.registeredOn)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Part>
  );
}

export function AssistancePart({ assistance, errors }: PartProps & { assistance: Me['disasterAssistance'] }) {
  const { t, label, name, language } = useI18n();
  const total = assistance.reduce((sum, item) => sum + item.amountBaht, 0);
  return (
    <Part id="assistance" title={t('dashboard.assistance')} errors={errors}>
      {assistance.length === 0 ? (
        <p>{t('dashboard.noAssistance')}</p>
      ) : (
        <>
          <ul class="items">
            {assistance.map((item) => (
              <li key={item.id}>
                <strong>
                  {label('AssistanceKind', item.kind)}: {formatBaht(language, item.amountBaht)}
                </strong>
                <span>{name(item.event)}</span>
                <span>
                  {name(item.agency)} · {formatDate(language, item.providedOn)}
                </span>
              </li>
            ))}
          </ul>
          <p class="total">{t('dashboard.assistanceTotal', { amount: formatBaht(language, total) })}</p>
        </>
      )}
    </Part>
  );
}
