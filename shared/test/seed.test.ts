import { isValidNationalId } from '../src/nationalId';
import { businessAt, businessCount } from '../src/seed/businesses';
import { DEMO_PEOPLE, houseIdOf, people, personAt, provinceOfPerson } from '../src/seed/people';
import { createRandom } from '../src/seed/random';
import { provinces } from '../src/reference';

describe('the synthetic population and economy', () => {
  it('is deterministic', () => {
    expect(personAt(1234)).toEqual(personAt(1234));
    expect(createRandom('x').next()).toBe(createRandom('x').next());
    expect(businessAt(5, 3000)).toEqual(businessAt(5, 3000));
  });

  it('starts with the demo identities the README lists', () => {
    expect([...people(3)].map((p) => [p.nationalId, p.provinceCode])).toEqual([
      ['1101700203450', '10'],
      ['5601200333441', '56'],
      ['8410100555669', '84'],
    ]);
    expect(DEMO_PEOPLE).toHaveLength(3);
  });

  it('gives unique, valid national IDs and real province codes', () => {
    const codes = new Set(provinces().map((p) => p.code));
    const ids = new Set<string>();
    for (const person of people(20_000)) {
      expect(isValidNationalId(person.nationalId)).toBe(true);
      expect(codes.has(person.provinceCode)).toBe(true);
      ids.add(person.nationalId);
    }
    expect(ids.size).toBe(20_000);
  });

  it('keeps households together: same province, same surname, 11-digit house code', () => {
    const [a, b] = [personAt(3), personAt(4)];
    expect(a.household).toBe(b.household);
    expect([a.provinceCode, a.lastNameTh]).toEqual([b.provinceCode, b.lastNameTh]);
    expect(houseIdOf(a.household)).toMatch(/^\d{11}$/);
  });

  it("finds a person's province without building the person, the same as personAt", () => {
    // the demo identities, every member of the first households, and a sample up to a million people
    const indexes = [...Array.from({ length: 3000 }, (_, i) => i), ...Array.from({ length: 2000 }, (_, k) => 3000 + k * 499)];
    expect(indexes.map(provinceOfPerson)).toEqual(indexes.map((index) => personAt(index).provinceCode));
  });

  it('makes business 0 a Bangkok company directed by the first demo citizen', () => {
    const first = businessAt(0, 3000);
    expect(first.provinceCode).toBe('10');
    expect(first.directorIndexes).toContain(0);
    expect(isValidNationalId(first.juristicId)).toBe(true);
    expect(businessCount(3000)).toBe(150);
    expect(businessCount(3)).toBe(10);
  });
});
