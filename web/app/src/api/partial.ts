import type { HubError } from './errors';

/** Where a part of a page comes from: the response paths it shows, and the subgraphs (domains) that serve them. */
export interface PartSource {
  paths: ReadonlyArray<ReadonlyArray<string>>;
  domains: readonly string[];
}

/** One path lies within the other: an error at `me.address` concerns `me.address.houseNo`, and the reverse. */
function overlaps(errorPath: ReadonlyArray<string | number>, partPath: ReadonlyArray<string>): boolean {
  const common = Math.min(errorPath.length, partPath.length);
  for (let index = 0; index < common; index++) if (errorPath[index] !== partPath[index]) return false;
  return true;
}

/**
 * The errors that concern one part of a page: those whose path overlaps one of its paths (a denied field, a failed
 * entity fetch, a missing parent object), or that have no path but name one of its domains (a subgraph that did
 * not answer).
 */
export function errorsOf(errors: readonly HubError[], part: PartSource): HubError[] {
  return errors.filter((error) =>
    error.path
      ? part.paths.some((path) => overlaps(error.path!, path))
      : error.extensions?.domain !== undefined && part.domains.includes(error.extensions.domain),
  );
}

/** Errors that no part of the page accounts for (said once, at the top). */
export function unaccounted(errors: readonly HubError[], parts: readonly PartSource[]): HubError[] {
  return errors.filter((error) => !parts.some((part) => errorsOf([error], part).length > 0));
}
