import { badUserInput, requireJuristicId, requirePage, requireProvinceCode } from '@govhub/shared';
import type { QueryResolvers } from '../generated';
import {
  BUSINESS_ORDER,
  BUSINESS_SQL,
  COMMODITY_PRICE_SQL,
  DOCUMENT_DEMAND_SQL,
  LIFECYCLE_STAGE_SQL,
  TRADE_STATISTIC_SQL,
  type BusinessRow,
  type CommodityPriceRow,
  type DocumentDemandRow,
  type LifecycleStageRow,
  type SingleCardProcessRow,
  type TradeStatisticRow,
} from '../loaders';

/** Row 8 of the single-ID-card list, 34 processes as of 1 Dec 2560. */
const JURISTIC_REGISTRATION: SingleCardProcessRow = {
  no: 8,
  nameTh: 'การจดทะเบียนนิติบุคคล',
  nameEn: 'Juristic person registration',
  ministryAbbrTh: 'พณ',
  agencyCode: 'DBD',
  listedProcesses: 34,
  asOf: '2017-12-01',
};

function requireMonth(value: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw badUserInput('month must be YYYY-MM', { argumentName: 'month', reason: 'MONTH_FORMAT' });
  return `${value}-01`;
}

function requireCountryCode(value: string): string {
  if (!/^[A-Z]{2}$/.test(value)) {
    throw badUserInput('partnerCountry must be an ISO 3166 alpha-2 code', { argumentName: 'partnerCountry', reason: 'COUNTRY_CODE_FORMAT' });
  }
  return value;
}

export const Query: QueryResolvers = {
  business: (_, { juristicId }, { loaders }) => loaders.business.load(requireJuristicId(juristicId)),
  businesses: (_, args, { db }) => {
    const { first, offset } = requirePage(args.first, args.offset);
    const provinceCode = args.provinceCode == null ? null : requireProvinceCode(args.provinceCode, 'provinceCode');
    return db.query<BusinessRow>(
      `${BUSINESS_SQL} WHERE ($1::text IS NULL OR b.province_code = $1) AND ($2::text IS NULL OR b.status = $2)
         AND ($3::text IS NULL OR b.kind = $3)
       ORDER BY ${BUSINESS_ORDER} LIMIT $4 OFFSET $5`,
      [provinceCode, args.status ?? null, args.kind ?? null, first, offset],
    );
  },
  commodityPrices: (_, args, { db }) => {
    const { first, offset } = requirePage(args.first, args.offset);
    return db.query<CommodityPriceRow>(
      `${COMMODITY_PRICE_SQL} WHERE ($1::text IS NULL OR commodity = $1) ORDER BY commodity, month LIMIT $2 OFFSET $3`,
      [args.commodity ?? null, first, offset],
    );
  },
  tradeStatistics: (_, args, { db }) => {
    const { first, offset } = requirePage(args.first, args.offset);
    return db.query<TradeStatisticRow>(
      `${TRADE_STATISTIC_SQL} WHERE ($1::text IS NULL OR direction = $1) AND ($2::text IS NULL OR partner_country = $2)
         AND ($3::text IS NULL OR product_group = $3) AND ($4::date IS NULL OR month = $4)
       ORDER BY month, direction, partner_country, product_group LIMIT $5 OFFSET $6`,
      [
        args.direction ?? null,
        args.partnerCountry == null ? null : requireCountryCode(args.partnerCountry),
        args.productGroup ?? null,
        args.month == null ? null : requireMonth(args.month),
        first,
        offset,
      ],
    );
  },
  businessDocumentDemand: (_, __, { db }) => db.query<DocumentDemandRow>(`${DOCUMENT_DEMAND_SQL} ORDER BY requesting_agencies DESC, no`),
  juristicRegistrationService: () => JURISTIC_REGISTRATION,
  businessLifecycleStages: (_, __, { db }) => db.query<LifecycleStageRow>(`${LIFECYCLE_STAGE_SQL} ORDER BY position`),
};
