import { businessAt, businessCount, personAt, provinces, withCheckDigit } from '@govhub/shared';
import { useTestSubgraph } from '@govhub/shared/dist/testing';
import { business } from '../index';

const PEOPLE = 300;

const subgraph = useTestSubgraph(business, { people: PEOPLE });
const { query } = subgraph;

/** Statements the subgraph issues while answering one request. */
const statementsFor = async (text: string, variables?: Record<string, unknown>) => (await subgraph.statementsFor(text, variables)).statements;

const ENTITIES = 'query($representations: [_Any!]!) { _entities(representations: $representations) {';
const BUSINESS_FIELDS = `juristicId nameTh nameEn kind registeredOn status registeredCapitalBaht synthetic
  province { code } registrar { code } directors { nationalId } shareholders { person { nationalId } shares percent }
  vatRegistration { taxId registeredOn status branches issuer { code } }
  factoryLicences { licenceNo activityTh issuedOn workers machineryHorsepower province { code } issuer { code } }
  lifecycle { stage on note }`;

describe('business subgraph', () => {
  const demo = businessAt(0, PEOPLE);

  it('finds business 0, a Bangkok company directed by the first demo identity', async () => {
    const { data, errors } = await query(`query($id: ID!) { business(juristicId: $id) { ${BUSINESS_FIELDS} } }`, { id: demo.juristicId });
    expect(errors).toBeUndefined();
    const found = data?.business;
    expect(found).toMatchObject({
      juristicId: demo.juristicId,
      kind: 'LIMITED_COMPANY',
      registeredOn: '2012-05-14',
      status: 'ACTIVE',
      synthetic: true,
      province: { code: '10' },
      registrar: { code: 'DBD' },
    });
    expect(found.nameTh).toMatch(/^บริษัท .+ จำกัด$/);
    expect(found.directors).toContainEqual({ nationalId: '1101700203450' });
    expect(found.directors).toEqual(demo.directorIndexes.map((i) => ({ nationalId: personAt(i).nationalId })));
    // directors hold shares, and the holdings add up to the registered capital in 100-baht shares
    const holders = found.shareholders.map((s: { person: { nationalId: string } }) => s.person.nationalId);
    for (const director of found.directors) expect(holders).toContain(director.nationalId);
    const shares = found.shareholders.reduce((sum: number, s: { shares: number }) => sum + s.shares, 0);
    expect(shares * 100).toBe(found.registeredCapitalBaht);
    expect(found.lifecycle.map((e: { stage: string }) => e.stage).slice(0, 2)).toEqual(['PLAN', 'START']);
    expect(found.lifecycle).toContainEqual(expect.objectContaining({ stage: 'START', on: '2012-05-14' }));
  });

  it('holds exactly the businesses of the shared synthetic economy', async () => {
    const ids: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const { data } = await query('query($offset: Int) { businesses(first: 100, offset: $offset) { juristicId } }', { offset });
      ids.push(...data?.businesses.map((b: { juristicId: string }) => b.juristicId));
      if (data?.businesses.length < 100) break;
    }
    const expected = Array.from({ length: businessCount(PEOPLE) }, (_, k) => businessAt(k, PEOPLE).juristicId);
    expect(ids.sort()).toEqual(expected.sort());
  });

  it('returns null for a well-formed juristic ID nobody registered', async () => {
    const { data, errors } = await query(`{ business(juristicId: "${withCheckDigit('099999999999')}") { juristicId } }`);
    expect(errors).toBeUndefined();
    expect(data?.business).toBeNull();
  });

  it.each([
    ['not 13 digits', '12345', 'JURISTIC_ID_FORMAT'],
    ['a wrong check digit', `${demo.juristicId.slice(0, 12)}${(Number(demo.juristicId[12]) + 1) % 10}`, 'JURISTIC_ID_CHECK_DIGIT'],
  ])('refuses a juristic ID with %s as BAD_USER_INPUT', async (_, id, reason) => {
    const { status, errors } = await query('query($id: ID!) { business(juristicId: $id) { juristicId } }', { id });
    expect(status).toBe(200);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });

  it('refuses a bad national ID in a Person reference as BAD_USER_INPUT', async () => {
    const { errors } = await query(`${ENTITIES} ... on Person { businesses { juristicId } } } }`, {
      representations: [{ __typename: 'Person', nationalId: '1101700203451' }],
    });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NATIONAL_ID_CHECK_DIGIT' });
  });

  it.each([
    ['a bad province code', '{ businesses(provinceCode: "1") { juristicId } }'],
    ['an oversized page', '{ businesses(first: 1000) { juristicId } }'],
    ['a negative offset', '{ commodityPrices(offset: -1) { month } }'],
    ['a bad month', '{ tradeStatistics(month: "2017-13") { month } }'],
    ['a bad country code', '{ tradeStatistics(partnerCountry: "china") { month } }'],
    ['an oversized page of a province', `${ENTITIES} ... on Province { businesses(first: 101) { juristicId } } } }`],
  ])('refuses %s as BAD_USER_INPUT', async (_, text) => {
    const { status, errors } = await query(text, { representations: [{ __typename: 'Province', code: '10' }] });
    expect(status).toBe(200);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists the businesses a person directs, for 100 people in as many statements as for 2', async () => {
    const text = `${ENTITIES} ... on Person { nationalId businesses { juristicId directors { nationalId } province { code } } } } }`;
    const representations = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ __typename: 'Person', nationalId: personAt(i).nationalId }));
    const { data } = await query(text, { representations: representations(100) });
    const first = data?._entities[0];
    expect(first.nationalId).toBe('1101700203450');
    expect(first.businesses.map((b: { juristicId: string }) => b.juristicId)).toContain(demo.juristicId);
    for (const person of data?._entities ?? []) {
      for (const b of person.businesses) expect(b.directors).toContainEqual({ nationalId: person.nationalId });
    }
    // businesses by director + directors by business
    expect(await statementsFor(text, { representations: representations(100) })).toBe(2);
    expect(await statementsFor(text, { representations: representations(2) })).toBe(2);
  });

  it("counts each province's businesses, for 77 provinces in as many statements as for 2", async () => {
    const text = `${ENTITIES} ... on Province { code businessCount active: businessCount(status: ACTIVE)
      businesses(first: 3) { juristicId province { code } } } } }`;
    const representations = (codes: string[]) => codes.map((code) => ({ __typename: 'Province', code }));
    const all = provinces().map((p) => p.code);
    const { data } = await query(text, { representations: representations(all) });
    const rows = data?._entities as { code: string; businessCount: number; active: number; businesses: { province: { code: string } }[] }[];
    expect(rows).toHaveLength(77);
    expect(rows.reduce((sum, p) => sum + p.businessCount, 0)).toBe(businessCount(PEOPLE));
    const bangkok = rows.find((p) => p.code === '10');
    expect(bangkok?.businessCount).toBeGreaterThanOrEqual(1);
    for (const p of rows) {
      expect(p.active).toBeLessThanOrEqual(p.businessCount);
      expect(p.businesses.length).toBe(Math.min(3, p.businessCount));
      for (const b of p.businesses) expect(b.province.code).toBe(p.code);
    }
    // count + active count + page of businesses
    expect(await statementsFor(text, { representations: representations(all) })).toBe(3);
    expect(await statementsFor(text, { representations: representations(['10', '56']) })).toBe(3);
  });

  it('resolves every business with all its registers in as many statements as two businesses', async () => {
    const text = `${ENTITIES} ... on Business { ${BUSINESS_FIELDS} } } }`;
    const representations = (count: number) =>
      Array.from({ length: count }, (_, k) => ({ __typename: 'Business', juristicId: businessAt(k, PEOPLE).juristicId }));
    const { data } = await query(text, { representations: representations(businessCount(PEOPLE)) });
    expect(data?._entities.every((b: unknown) => b !== null)).toBe(true);
    // business + directors + shareholders + VAT + factory licences + lifecycle
    expect(await statementsFor(text, { representations: representations(businessCount(PEOPLE)) })).toBe(6);
    expect(await statementsFor(text, { representations: representations(2) })).toBe(6);
  });

  it("keeps each business's records consistent: events in order, CLOSE and cancelled VAT only when closed", async () => {
    const { data } = await query(`{ businesses(first: 100) { status lifecycle { stage on } vatRegistration { status registeredOn }
      registeredOn factoryLicences { issuedOn } } }`);
    for (const b of data?.businesses ?? []) {
      const stages = b.lifecycle.map((e: { stage: string }) => e.stage);
      const dates = b.lifecycle.map((e: { on: string }) => e.on);
      expect(dates).toEqual([...dates].sort());
      expect(dates.at(-1) <= '2017-11-30').toBe(true);
      expect(stages.includes('CLOSE')).toBe(b.status !== 'ACTIVE');
      if (b.vatRegistration) {
        expect(b.vatRegistration.status).toBe(b.status === 'ACTIVE' ? 'ACTIVE' : 'CANCELLED');
        // VAT started on 1 Jan 1992: nobody registered for it earlier
        expect(b.vatRegistration.registeredOn >= b.registeredOn && b.vatRegistration.registeredOn >= '1992-01-01').toBe(true);
      }
    }
  });

  it('filters businesses by province, status and kind', async () => {
    const { data } = await query('{ businesses(provinceCode: "10", status: ACTIVE, kind: LIMITED_COMPANY) { status kind province { code } } }');
    expect(data?.businesses.length).toBeGreaterThan(0);
    for (const b of data?.businesses ?? []) expect(b).toEqual({ status: 'ACTIVE', kind: 'LIMITED_COMPANY', province: { code: '10' } });
  });

  it('publishes how many agencies ask for each business document', async () => {
    const { data } = await query('{ businessDocumentDemand { no nameTh requestingAgencies readiness issuer { code } citation } }');
    const byName = Object.fromEntries((data?.businessDocumentDemand as { nameTh: string; requestingAgencies: number }[]).map((d) => [d.nameTh, d]));
    expect(byName.หนังสือรับรองนิติบุคคล).toMatchObject({
      no: 58,
      requestingAgencies: 19,
      readiness: 'NOT_READY',
      issuer: { code: 'DBD' },
      citation: 'List of documents services ask for, 1 Dec 2560, no. 58',
    });
    expect(byName.หนังสือบริคณห์สนธิ).toMatchObject({ requestingAgencies: 15, issuer: { code: 'DBD' } });
    expect(byName.ทะเบียนรายชื่อผู้ถือหุ้น).toMatchObject({ requestingAgencies: 12, issuer: { code: 'DBD' } });
    expect(byName['ทะเบียนภาษีมูลค่าเพิ่ม (ภพ.20)']).toMatchObject({ no: 31, requestingAgencies: 14, issuer: { code: 'RD' } });
    expect(byName['ใบอนุญาตประกอบกิจการโรงงาน (ร.ง.4)']).toMatchObject({ no: 93, requestingAgencies: 8, issuer: { code: 'DIW' } });
    expect(data?.businessDocumentDemand[0].requestingAgencies).toBe(19);
    expect(data?.businessDocumentDemand).toHaveLength(10);
  });

  it('notes juristic registration as single-ID-card process no. 8 of 34', async () => {
    const { data } = await query('{ juristicRegistrationService { no nameTh agency { code } listedProcesses asOf citation } }');
    expect(data?.juristicRegistrationService).toEqual({
      no: 8,
      nameTh: 'การจดทะเบียนนิติบุคคล',
      agency: { code: 'DBD' },
      listedProcesses: 34,
      asOf: '2017-12-01',
      citation: 'List of processes that need only the ID card, 1 Dec 2560, no. 8',
    });
  });

  it("describes the five life stages with the seeds' activities", async () => {
    const { data } = await query('{ businessLifecycleStages { stage nameTh activities exampleDatasets } }');
    const stages = data?.businessLifecycleStages as { stage: string; nameTh: string; activities: string[] }[];
    expect(stages.map((s) => s.stage)).toEqual(['PLAN', 'START', 'OPERATE', 'EXPAND', 'CLOSE']);
    expect(stages[1]).toMatchObject({ nameTh: 'เริ่มต้นธุรกิจ' });
    expect(stages[1].activities).toContain('จดทะเบียนนิติบุคคล');
  });

  it('serves monthly 2017 prices for the five crops and trade by partner', async () => {
    const { data } = await query(`{ commodityPrices { commodity month priceBaht unit source { code } synthetic }
      rice: commodityPrices(commodity: RICE) { month }
      tradeStatistics(direction: EXPORT, partnerCountry: "CN", month: "2017-06") { productGroup valueMillionBaht partnerNameTh source { code } } }`);
    expect(data?.commodityPrices).toHaveLength(55);
    expect(new Set(data?.commodityPrices.map((p: { commodity: string }) => p.commodity))).toEqual(
      new Set(['RICE', 'RUBBER', 'CASSAVA', 'SUGAR_CANE', 'PALM_OIL']),
    );
    expect(data?.rice.map((p: { month: string }) => p.month)).toEqual(Array.from({ length: 11 }, (_, i) => `2017-${String(i + 1).padStart(2, '0')}`));
    for (const price of data?.commodityPrices ?? []) expect(price).toMatchObject({ source: { code: 'DIT' }, synthetic: true });
    expect(data?.tradeStatistics).toHaveLength(4);
    for (const row of data?.tradeStatistics ?? []) expect(row).toMatchObject({ partnerNameTh: 'จีน', source: { code: 'TPSO' } });
  });
});
