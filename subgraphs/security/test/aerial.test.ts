import { truncatedPercent } from '@govhub/shared';
import { plannedArea, wholeAreaRange } from '../aerial';

// the stated areas and percentages, as of 1 Nov 2560 (docs/domains.md, security)
const FLOWN = { km2: 19626.82, percent: 68.2 };
const ORTHO = { km2: 4261.5, percent: 14.81 };

describe('the planned area behind the aerial photography percentages', () => {
  it('is the narrow range where both stated percentages are truncated shares of one area', () => {
    expect(wholeAreaRange([FLOWN, ORTHO])).toEqual({ min: 28774.11, max: 28774.47 });
    const planned = plannedArea([FLOWN, ORTHO]);
    expect(planned).toBe(28774.29);
    expect(truncatedPercent(FLOWN.km2, planned)).toBe(68.2);
    expect(truncatedPercent(ORTHO.km2, planned)).toBe(14.81);
  });

  it('cannot come from the flown figure alone: that area (~28,778 km²) puts ortho at 14.80, not 14.81', () => {
    const fromFlownOnly = Math.floor((FLOWN.km2 / FLOWN.percent) * 10000) / 100;
    expect(fromFlownOnly).toBeCloseTo(28778.32, 2);
    expect(truncatedPercent(ORTHO.km2, fromFlownOnly)).toBe(14.8);
  });

  it('truncates, never rounds', () => {
    expect(truncatedPercent(72, 81)).toBe(88.88);
    expect(truncatedPercent(23, 116)).toBe(19.82);
  });

  it('refuses figures that fit no single area', () => {
    expect(() => wholeAreaRange([FLOWN, { km2: 4261.5, percent: 20 }])).toThrow(/fit no single whole area/);
    expect(() => wholeAreaRange([])).toThrow();
  });
});
