import type { CitizenDashboardQuery } from '../../generated';

/** The pieces of the dashboard's result each part renders. */
export type Me = NonNullable<CitizenDashboardQuery['me']>;
export type Address = NonNullable<Me['address']>;
export type Province = Address['province'];
export type Warning = Province['activeWarnings'][number];
export type Service = CitizenDashboardQuery['governmentServices'][number];
