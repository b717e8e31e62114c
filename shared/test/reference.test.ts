import { agencies, hubDatasets, ministries, provinces } from '../src/reference';

describe('reference data', () => {
  it('has the 77 provinces with unique two-digit codes', () => {
    const list = provinces();
    expect(list).toHaveLength(77);
    expect(new Set(list.map((p) => p.code)).size).toBe(77);
    for (const p of list) expect(p.code).toMatch(/^\d{2}$/);
  });

  it('matches the survey: 134 surveyed agencies, each ministry row consistent', () => {
    expect(agencies().filter((a) => a.surveyed)).toHaveLength(134);
    for (const m of ministries()) {
      expect(m.survey.ready + m.survey.notReady).toBe(m.survey.datasets);
      expect(agencies().filter((a) => a.surveyed && a.ministry === m.code)).toHaveLength(m.survey.agencies);
    }
    const sum = (key: 'databases' | 'datasets' | 'ready') => ministries().reduce((total, m) => total + m.survey[key], 0);
    expect([sum('databases'), sum('datasets'), sum('ready')]).toEqual([853, 2812, 725]);
  });

  it('names only known agencies as owners of the hub datasets, each id once', () => {
    const codes = new Set(agencies().map((a) => a.code));
    const ids = hubDatasets().map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const dataset of hubDatasets()) expect(codes.has(dataset.owner)).toBe(true);
  });
});
