import { truncatedPercent } from '../src/percent';

describe('truncatedPercent', () => {
  it.each([
    [72, 81, 88.88],
    [23, 116, 19.82],
    [145, 148, 97.97],
    [34, 47, 72.34],
    [131, 179, 73.18],
  ])('gives %i of %i as %d, truncated, never rounded', (part, whole, percent) => {
    expect(truncatedPercent(part, whole)).toBe(percent);
  });

  it('gives 0 of a whole of 0', () => {
    expect(truncatedPercent(0, 0)).toBe(0);
    expect(truncatedPercent(5, 0)).toBe(0);
  });
});
