import type { Context } from '../context';
import type { Resolvers } from '../generated';
import type { ChronicConditionRow, HouseRow, Loaders, PersonRow } from '../loaders';

type PersonResolvers = NonNullable<Resolvers['Person']>;

async function chronicCondition(loaders: Loaders, nationalId: string, condition: ChronicConditionRow['condition']) {
  const conditions = await loaders.chronicConditionsByPerson.load(nationalId);
  return conditions.find((row) => row.condition === condition) ?? null;
}

/** A person's address is their house registration's. */
const house = ({ houseId }: PersonRow, _: unknown, { loaders }: Context): Promise<HouseRow | null> => loaders.house.load(houseId);

const person: PersonResolvers = {
  __resolveReference: ({ nationalId }, { loaders }) => loaders.person.load(nationalId),
  address: house,
  house,
  civilEvents: ({ nationalId }, _, { loaders }) => loaders.civilEventsByPerson.load(nationalId),
  lowIncomeRegistration: ({ nationalId }, _, { loaders }) => loaders.lowIncome.load(nationalId),
  healthCoverage: ({ nationalId }, _, { loaders }) => loaders.healthCoverage.load(nationalId),
  socialSecurity: ({ nationalId }, _, { loaders }) => loaders.socialSecurity.load(nationalId),
  farmer: async ({ nationalId }, _, { loaders }) => {
    const plots = await loaders.farmPlotsByPerson.load(nationalId);
    return plots.length > 0 ? { plots } : null;
  },
  studentRecords: ({ nationalId }, _, { loaders }) => loaders.studentRecordsByPerson.load(nationalId),
  diabetes: ({ nationalId }, _, { loaders }) => chronicCondition(loaders, nationalId, 'DIABETES'),
  hypertension: ({ nationalId }, _, { loaders }) => chronicCondition(loaders, nationalId, 'HYPERTENSION'),
  disability: ({ nationalId }, _, { loaders }) => loaders.disability.load(nationalId),
  elderly: ({ nationalId }, _, { loaders }) => loaders.elderly.load(nationalId),
  probation: ({ nationalId }, _, { loaders }) => loaders.probation.load(nationalId),
  incarceration: ({ nationalId }, _, { loaders }) => loaders.incarceration.load(nationalId),
};

/** The civil registry: persons, their houses and what provider agencies link to them. */
export const registry: Pick<Resolvers, 'Person' | 'Address' | 'HouseRegistration' | 'Farmer' | 'FarmPlot' | 'Province'> = {
  Person: person,
  Address: {
    province: ({ provinceCode }) => ({ code: provinceCode }),
  },
  HouseRegistration: {
    __resolveReference: ({ houseId }, { loaders }) => loaders.house.load(houseId),
    address: (row) => row,
    houseMaster: ({ houseMasterId }, _, { loaders }) => loaders.person.load(houseMasterId),
    members: ({ houseId }, _, { loaders }) => loaders.membersByHouse.load(houseId),
  },
  Farmer: {
    totalAreaRai: ({ plots }) => Math.round(plots.reduce((sum, plot) => sum + plot.areaRai, 0) * 100) / 100,
  },
  FarmPlot: {
    province: ({ provinceCode }) => ({ code: provinceCode }),
  },
  Province: {
    __resolveReference: ({ code }) => ({ code }),
    population: async ({ code }, _, { loaders }) => (await loaders.provincePopulation.load(code))?.population ?? null,
    registeredPeople: async ({ code }, _, { loaders }) => (await loaders.registeredPeople.load(code))?.people ?? 0,
  },
};
