import { useTestSubgraph } from '@govhub/shared/dist/testing';
import { governance } from '../index';

const subgraph = useTestSubgraph(governance);
const { query } = subgraph;

describe('governance subgraph', () => {
  it('publishes the survey totals as stated, and the computed ones beside them', async () => {
    const { data, errors } = await query(`{ catalogSummary {
      agencies databases datasets readyToLink notReadyToLink readyPercent asOf
      computed { agencies databases datasets readyToLink notReadyToLink } } }`);
    expect(errors).toBeUndefined();
    expect(data?.catalogSummary).toEqual({
      agencies: 134,
      databases: 849,
      datasets: 2812,
      readyToLink: 725,
      notReadyToLink: 2087,
      readyPercent: 25.78,
      asOf: '2017-12-01',
      computed: { agencies: 134, databases: 853, datasets: 2812, readyToLink: 725, notReadyToLink: 2087 },
    });
  });

  it('keeps every ministry row of the survey consistent: ready + not ready = datasets', async () => {
    const { data } = await query('{ catalogSummary { byMinistry { code survey { datasets readyToLink notReadyToLink } } } }');
    const rows = data?.catalogSummary.byMinistry as { code: string; survey: { datasets: number; readyToLink: number; notReadyToLink: number } }[];
    expect(rows).toHaveLength(20);
    for (const { survey } of rows) expect(survey.readyToLink + survey.notReadyToLink).toBe(survey.datasets);
    const most = rows.find((row) => row.code === 'MOST');
    expect(most?.survey).toEqual({ datasets: 647, readyToLink: 153, notReadyToLink: 494 });
  });

  it('lists all 77 provinces with their DOPA codes', async () => {
    const { data } = await query('{ provinces { code nameTh nameEn region } }');
    const provinces = data?.provinces as { code: string; nameEn: string }[];
    expect(provinces).toHaveLength(77);
    expect(provinces.find((p) => p.code === '10')?.nameEn).toBe('Bangkok');
    expect(provinces.find((p) => p.code === '56')?.nameEn).toBe('Phayao');
    expect(provinces.find((p) => p.code === '84')?.nameEn).toBe('Surat Thani');
  });

  it('finds an agency by code or by a Thai alias, with its ministry and datasets', async () => {
    const byAlias = await query('{ agency(code: "ปค.") { code ministry { code } } }');
    expect(byAlias.data?.agency).toEqual({ code: 'DOPA', ministry: { code: 'MOI' } });
    const { data } = await query('{ agency(code: "DOPA") { datasets(first: 100) { id source } } }');
    expect(data?.agency.datasets.map((d: { id: string }) => d.id)).toContain('dopa.civil-registry');
  });

  it('holds the 145 DOPA agreements of the annex, earliest approval 30 Jun 2532, latest signing 23 Nov 2560', async () => {
    const { data } = await query('{ agreements(providerCode: "DOPA") { no approvedOn signedOn synthetic consumer { code } datasets { id } } }');
    const annex = (
      data?.agreements as { no: number | null; approvedOn: string | null; signedOn: string | null; synthetic: boolean; consumer: { code: string } }[]
    ).filter((agreement) => !agreement.synthetic);
    expect(annex).toHaveLength(145);
    const approvals = annex
      .map((a) => a.approvedOn)
      .filter((d): d is string => d !== null)
      .sort();
    const signings = annex
      .map((a) => a.signedOn)
      .filter((d): d is string => d !== null)
      .sort();
    expect(approvals[0]).toBe('1989-06-30');
    expect(annex.find((a) => a.approvedOn === '1989-06-30')?.consumer.code).toBe('RTP');
    expect(signings.at(-1)).toBe('2017-11-23');
  });

  it('filters the catalogue and refuses an out-of-range page size', async () => {
    const { data } = await query('{ datasets(ownerCode: "DOPA", classification: PERSONAL) { id classification owner { code } } }');
    expect(data?.datasets.length).toBeGreaterThan(0);
    for (const dataset of data?.datasets ?? []) expect(dataset).toMatchObject({ classification: 'PERSONAL', owner: { code: 'DOPA' } });
    const bad = await query('{ datasets(first: 1000) { id } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resolves many agencies in one statement per batch (no N+1)', async () => {
    const before = subgraph.db.statementCount;
    const { data } = await query('{ agencies { code ministry { code agencies { code } } aliases databases { id } } }');
    expect(data?.agencies.length).toBeGreaterThan(134);
    // agencies + ministries + agencies by ministry + aliases + databases: five statements however many agencies
    expect(subgraph.db.statementCount - before).toBe(5);
  });

  it('seeds idempotently: a second run changes nothing', async () => {
    const { prepareDomainDatabase, createLogger } = await import('@govhub/shared');
    await prepareDomainDatabase(governance, subgraph.db, { people: 300, logger: createLogger('test') });
    const { data } = await query('{ catalogSummary { computed { datasets } } agreements { id } }');
    expect(data?.catalogSummary.computed.datasets).toBe(2812);
    expect(data?.agreements).toHaveLength(156);
  });
});
