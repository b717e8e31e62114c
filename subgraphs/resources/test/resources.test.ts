import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type ObjectTypeDefinitionNode } from 'graphql';
import {
  agencies,
  composeSupergraph,
  createLogger,
  Database,
  fieldClassification,
  hubDatasets,
  lintClassification,
  migrate,
  prepareDomainDatabase,
  provinces,
} from '@govhub/shared';
import { createTestDatabase, useTestSubgraph } from '@govhub/shared/dist/testing';
import { resources } from '../index';

const subgraph = useTestSubgraph(resources);
const { query } = subgraph;
const SDL = readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');

interface Layer {
  id: string;
  status: string;
  theme: string;
  useLevel: string;
  national: boolean;
  owner: { code: string };
  updatedOn: string;
  downloadUrl: string | null;
  serviceEndpoint: string | null;
  provinces: { code: string }[];
}

/** Every layer, page by page (a page holds at most 100); read once, the data does not change. */
let layersRead: Promise<Layer[]> | undefined;
const allLayers = () => (layersRead ??= readAllLayers());

async function readAllLayers(): Promise<Layer[]> {
  const layers: Layer[] = [];
  for (let offset = 0; ; offset += 100) {
    const { data, errors } = await query(
      `query ($offset: Int) { geoLayers(first: 100, offset: $offset) {
      id status theme useLevel national owner { code } updatedOn downloadUrl serviceEndpoint provinces { code } } }`,
      { offset },
    );
    expect(errors).toBeUndefined();
    layers.push(...data?.geoLayers);
    if (data?.geoLayers.length < 100) return layers;
  }
}

/** Statements a request issues against the subgraph's database, with the data it answered. */
async function statementsFor(text: string, variables: Record<string, unknown>): Promise<{ count: number; data: any }> {
  const { response, statements } = await subgraph.statementsFor(text, variables);
  return { count: statements, data: response.data };
}

const PROVINCE_ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Province { code geoLayers { id } specialEconomicZones { id provinces { code } } } } }`;
const provinceRefs = (codes: string[]) => codes.map((code) => ({ __typename: 'Province', code }));

describe('resources subgraph', () => {
  it('reports NGIS progress as stated: 131 of about 179 core layers, 73.18%, 27 agencies', async () => {
    const { data, errors } = await query(`{ ngisSummary { coreLayersDone coreLayersPlanned plannedIsApproximate donePercent
      agencies reportedOn remainingDueOn portalUrl computed { layers done inProgress agencies } } }`);
    expect(errors).toBeUndefined();
    expect(data?.ngisSummary).toEqual({
      coreLayersDone: 131,
      coreLayersPlanned: 179,
      plannedIsApproximate: true,
      donePercent: 73.18,
      agencies: 27,
      reportedOn: '2017-10-03',
      remainingDueOn: '2017-12-31',
      portalUrl: 'https://www.ngis.go.th',
      computed: { layers: 179, done: 131, inProgress: 48, agencies: 27 },
    });
  });

  it('stores 179 layers, 131 done and 48 in progress, owned by 27 agencies the governance register knows', async () => {
    const layers = await allLayers();
    expect(layers).toHaveLength(179);
    expect(new Set(layers.map((layer) => layer.id)).size).toBe(179);
    expect(layers.filter((layer) => layer.status === 'DONE')).toHaveLength(131);
    expect(layers.filter((layer) => layer.status === 'IN_PROGRESS')).toHaveLength(48);
    const owners = new Set(layers.map((layer) => layer.owner.code));
    expect(owners.size).toBe(27);
    const known = new Set(agencies().map((agency) => agency.code));
    for (const owner of owners) expect(known).toContain(owner);
    expect(new Set(layers.map((layer) => layer.theme))).toEqual(new Set(['RESOURCES', 'INFRASTRUCTURE']));
    expect(new Set(layers.map((layer) => layer.useLevel))).toEqual(new Set(['GOVERNMENT', 'PUBLIC', 'LEARNING']));
    for (const layer of layers) expect(layer.updatedOn <= '2017-12-01').toBe(true);
  });

  it('filters layers and agrees with the totals: done + in progress = all, per theme', async () => {
    const count = async (args: string) => {
      let total = 0;
      for (let offset = 0; ; offset += 100) {
        const { data, errors } = await query(`{ geoLayers(${args}, first: 100, offset: ${offset}) { id theme status } }`);
        expect(errors).toBeUndefined();
        total += data?.geoLayers.length;
        if (data?.geoLayers.length < 100) return total;
      }
    };
    expect(await count('status: DONE')).toBe(131);
    expect(await count('status: IN_PROGRESS')).toBe(48);
    const resourcesTheme = await count('theme: RESOURCES');
    const infrastructure = await count('theme: INFRASTRUCTURE');
    expect(resourcesTheme).toBeGreaterThan(0);
    expect(infrastructure).toBeGreaterThan(0);
    expect(resourcesTheme + infrastructure).toBe(179);
    const { data } = await query('{ geoLayers(ownerCode: "GISTDA") { owner { code } } }');
    expect(data?.geoLayers.length).toBeGreaterThan(0);
    for (const layer of data?.geoLayers ?? []) expect(layer.owner.code).toBe('GISTDA');
  });

  it('hands out data by use level: GOVERNMENT layers have no open download, only the INTERNAL agency service', async () => {
    const layers = await allLayers();
    for (const layer of layers) {
      if (layer.status === 'IN_PROGRESS') {
        expect([layer.downloadUrl, layer.serviceEndpoint]).toEqual([null, null]);
        continue;
      }
      expect(layer.serviceEndpoint).toMatch(/^https:\/\/ngis\.go\.th\/geoserver\/[a-z]+\/wms\?layers=ngis-\d{3}$/);
      if (layer.useLevel === 'GOVERNMENT') expect(layer.downloadUrl).toBeNull();
      if (layer.useLevel === 'PUBLIC') expect(layer.downloadUrl).toBe(`https://ngis.go.th/download/${layer.id.toLowerCase()}.zip`);
      if (layer.useLevel === 'LEARNING') expect(layer.downloadUrl).toBe(`https://ngis.go.th/learning/${layer.id.toLowerCase()}.zip`);
    }
    const geoLayer = parse(SDL).definitions.find(
      (definition): definition is ObjectTypeDefinitionNode => definition.kind === 'ObjectTypeDefinition' && definition.name.value === 'GeoLayer',
    );
    const levelOf = (name: string) => fieldClassification(geoLayer!.fields!.find((field) => field.name.value === name)!)?.level;
    expect(levelOf('serviceEndpoint')).toBe('INTERNAL');
    expect(levelOf('downloadUrl')).toBe('PUBLIC');
  });

  it('covers provinces: national layers all 77, coastal ones 23, and the rest only their own', async () => {
    const layers = await allLayers();
    for (const layer of layers.filter((l) => l.national)) expect(layer.provinces).toHaveLength(77);
    const { data } = await query('{ geoLayers(ownerCode: "DMCR") { nameTh provinces { code } } }');
    expect(data?.geoLayers.length).toBeGreaterThan(0);
    for (const layer of data?.geoLayers ?? []) expect(layer.provinces).toHaveLength(23);
    const local = layers.filter((l) => !l.national);
    expect(local.length).toBeGreaterThan(0);
    for (const layer of local) expect(layer.provinces.length).toBeLessThan(77);
    // Province.geoLayers is the inverse of GeoLayer.provinces.
    const expected = layers.filter((layer) => layer.provinces.some((p) => p.code === '83')).map((layer) => layer.id);
    const { data: entities } = await query(PROVINCE_ENTITIES, { representations: provinceRefs(['83']) });
    expect(entities?._entities[0].geoLayers.map((layer: { id: string }) => layer.id)).toEqual(expected);
  });

  it('lists the ten border Special Economic Zones, phase 1 and 2, flagged as facts from outside the seeds', async () => {
    const { data, errors } = await query(`{ specialEconomicZones { id nameTh phase establishedOn outsideSeeds synthetic provinces { code } } }`);
    expect(errors).toBeUndefined();
    const zones = data?.specialEconomicZones as {
      phase: number;
      establishedOn: string;
      outsideSeeds: boolean;
      synthetic: boolean;
      provinces: { code: string }[];
    }[];
    const provincesOf = (phase: number) =>
      zones
        .filter((z) => z.phase === phase)
        .flatMap((z) => z.provinces.map((p) => p.code))
        .sort();
    expect(zones).toHaveLength(10);
    expect(provincesOf(1)).toEqual(['23', '27', '49', '63', '90']); // Trat, Sa Kaeo, Mukdahan, Tak, Songkhla
    expect(provincesOf(2)).toEqual(['43', '48', '57', '71', '96']); // Nong Khai, Nakhon Phanom, Chiang Rai, Kanchanaburi, Narathiwat
    for (const zone of zones) expect(zone).toMatchObject({ outsideSeeds: true, synthetic: false });
    expect(zones.filter((z) => z.phase === 1).every((z) => z.establishedOn === '2015-01-19')).toBe(true);
    const phase2 = await query('{ specialEconomicZones(phase: 2) { id } }');
    expect(phase2.data?.specialEconomicZones).toHaveLength(5);
  });

  it('extends Province: Tak has its zone and the zone layers; an unknown province has nothing', async () => {
    const { data } = await query(PROVINCE_ENTITIES, { representations: provinceRefs(['63', '56', '99']) });
    const [tak, phayao, unknown] = data?._entities;
    expect(tak.specialEconomicZones.map((zone: { id: string }) => zone.id)).toEqual(['SEZ-TAK']);
    const zoneLayers = await query('{ geoLayers(ownerCode: "GISTDA") { id nameTh national } }');
    const boundary = zoneLayers.data?.geoLayers.find((layer: { nameTh: string }) => layer.nameTh === 'ชั้นข้อมูลขอบเขตเขตพัฒนาเศรษฐกิจพิเศษ');
    expect(boundary.national).toBe(false);
    expect(tak.geoLayers.map((layer: { id: string }) => layer.id)).toContain(boundary.id);
    expect(phayao.geoLayers.map((layer: { id: string }) => layer.id)).not.toContain(boundary.id);
    expect(phayao.specialEconomicZones).toEqual([]);
    expect(unknown).toEqual({ code: '99', geoLayers: [], specialEconomicZones: [] });
  });

  it("filters a province's layers by status in the same single statement", async () => {
    const { count, data } = await statementsFor(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Province { all: geoLayers { id } done: geoLayers(status: DONE) { id status } } } }`,
      { representations: provinceRefs(['84']) },
    );
    const [surat] = data._entities;
    expect(surat.done.length).toBeGreaterThan(0);
    expect(surat.done.length).toBeLessThan(surat.all.length);
    for (const layer of surat.done) expect(layer.status).toBe('DONE');
    expect(count).toBe(1);
  });

  it('resolves 77 provinces with their layers and zones in as many statements as 2 (no N+1)', async () => {
    const codes = provinces().map((province) => province.code);
    expect(codes).toHaveLength(77);
    const two = await statementsFor(PROVINCE_ENTITIES, { representations: provinceRefs(['10', '63']) }); // Tak has a zone
    const all = await statementsFor(PROVINCE_ENTITIES, { representations: provinceRefs(codes) });
    expect(all.data._entities).toHaveLength(77);
    expect(all.data._entities.every((p: { geoLayers: unknown[] }) => p.geoLayers.length > 0)).toBe(true);
    // layers by province + zones by province + provinces by zone
    expect(two.count).toBe(3);
    expect(all.count).toBe(two.count);
  });

  it('resolves layer and zone references in one statement per batch', async () => {
    const entities = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on GeoLayer { id status provinces { code } } ... on SpecialEconomicZone { id phase provinces { code } } } }`;
    const layerRefs = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'GeoLayer', id: `NGIS-${String(i + 1).padStart(3, '0')}` }));
    const zoneRefs = [
      { __typename: 'SpecialEconomicZone', id: 'SEZ-TAK' },
      { __typename: 'SpecialEconomicZone', id: 'SEZ-NONG-KHAI' },
    ];
    const few = await statementsFor(entities, { representations: [...layerRefs(2), zoneRefs[0]] });
    const many = await statementsFor(entities, { representations: [...layerRefs(179), ...zoneRefs] });
    expect(many.data._entities).toHaveLength(181);
    expect(many.data._entities[180]).toMatchObject({ id: 'SEZ-NONG-KHAI', phase: 2, provinces: [{ code: '43' }] });
    // layers + zones + their provinces: four statements for 3 references or 181
    expect(few.count).toBe(4);
    expect(many.count).toBe(few.count);
  });

  it('describes the committee: order 191/2558, MNRE secretariat, GISTDA front end and subcommittee chair', async () => {
    const { data, errors } = await query(`{ resourcesCommittee { committee { code } order appointedOn secretariat { code }
      frontEndDeveloper { code } subcommitteeChair { code } subcommitteeAppointedIn memberAgencies { code } obstaclesTh roadmapTh } }`);
    expect(errors).toBeUndefined();
    expect(data?.resourcesCommittee).toMatchObject({
      committee: { code: 'RESOURCES' },
      order: '191/2558',
      appointedOn: '2015-07-20',
      secretariat: { code: 'MNRE' },
      frontEndDeveloper: { code: 'GISTDA' },
      subcommitteeChair: { code: 'GISTDA' },
      subcommitteeAppointedIn: '2017-05',
    });
    expect(data?.resourcesCommittee.memberAgencies).toHaveLength(27);
    expect(data?.resourcesCommittee.obstaclesTh).toHaveLength(4);
  });

  it('refuses bad arguments as BAD_USER_INPUT, never a 500', async () => {
    for (const bad of [
      '{ geoLayers(first: 1000) { id } }',
      '{ geoLayers(first: 0) { id } }',
      '{ geoLayers(offset: -1) { id } }',
      '{ specialEconomicZones(phase: 3) { id } }',
    ]) {
      const { status, data, errors } = await query(bad);
      expect(status).toBe(200);
      expect(data).toBeNull();
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const unknownEnum = await query('{ geoLayers(theme: OCEANS) { id } }');
    expect(unknownEnum.status).toBe(400);
    expect(unknownEnum.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const missing = await query('{ geoLayer(id: "NGIS-999") { id } specialEconomicZone(id: "SEZ-NOWHERE") { id } }');
    expect(missing).toMatchObject({ status: 200, data: { geoLayer: null, specialEconomicZone: null } });
  });

  it('seeds idempotently: a forced second run changes nothing', async () => {
    const snapshot = async () =>
      (
        await subgraph.db.query<{ tables: string }>(
          `SELECT concat_ws('|',
         (SELECT md5(string_agg(concat_ws(',', id, name_th, owner_code, theme, use_level, status, national, updated_on), ';' ORDER BY id)) FROM geo_layer),
         (SELECT md5(string_agg(layer_id || province_code, ';' ORDER BY layer_id, province_code)) FROM geo_layer_province),
         (SELECT count(*) FROM special_economic_zone), (SELECT count(*) FROM special_economic_zone_province),
         (SELECT count(*) FROM ngis_report), (SELECT count(*) FROM committee), (SELECT count(*) FROM province)) AS tables`,
        )
      )[0].tables;
    const before = await snapshot();
    await subgraph.db.query('DELETE FROM seed_state'); // forces every step to run again, not just to be skipped
    await prepareDomainDatabase(resources, subgraph.db, { people: 300, logger: createLogger('test') });
    expect(await snapshot()).toBe(before);
    const { data } = await query('{ ngisSummary { computed { layers done } } specialEconomicZones { id } }');
    expect(data).toEqual({ ngisSummary: { computed: { layers: 179, done: 131 } }, specialEconomicZones: expect.any(Array) });
    expect(data?.specialEconomicZones).toHaveLength(10);
  });

  it('composes with governance, every field classified, every named dataset in the catalogue', () => {
    const governanceSdl = readFileSync(join(__dirname, '..', '..', 'governance', 'schema.graphql'), 'utf8');
    expect(lintClassification('resources', SDL)).toEqual([]);
    const { supergraphSdl } = composeSupergraph([
      { name: 'governance', url: 'http://governance.invalid/graphql', sdl: governanceSdl },
      { name: 'resources', url: 'http://resources.invalid/graphql', sdl: SDL },
    ]);
    expect(supergraphSdl).toMatch(/geoLayers\(/);
    expect(supergraphSdl).toMatch(/type SpecialEconomicZone/);
    const catalogue = new Map(hubDatasets().map((dataset) => [dataset.id, dataset]));
    const named = [...SDL.matchAll(/dataset: "([^"]+)"/g)].map((match) => match[1]);
    expect(named.length).toBeGreaterThan(0);
    const known = new Set(agencies().map((agency) => agency.code));
    for (const id of named) expect(known).toContain(catalogue.get(id)?.owner);
  });
});

describe('resources seed', () => {
  it('seeds a freshly migrated database for 3,000 people well within 2 seconds', async () => {
    const fresh = await createTestDatabase('resources_timing');
    const logger = createLogger('test');
    const db = new Database({ url: fresh.url, schema: 'resources', logger });
    try {
      await migrate(db, join(resources.dir, 'migrations'));
      const started = Date.now();
      await resources.seed(db, { people: 3000, logger });
      expect(Date.now() - started).toBeLessThan(2000);
      const [{ layers }] = await db.query<{ layers: number }>('SELECT count(*)::int AS layers FROM geo_layer');
      expect(layers).toBe(179);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });
});
