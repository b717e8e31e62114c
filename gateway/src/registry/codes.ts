/**
 * The stable codes of the registry's ownership refusals: the CLI, scripts and tests match on them, so a code is
 * never renamed; each message names the field coordinate and the agency that owns it.
 */
export const OWNERSHIP_CODES = {
  /** A second definition (plain, `@shareable` or `@override`) of a non-key field another agency's subgraph resolves. */
  FIELD_OWNED_BY_OTHER_AGENCY: 'FIELD_OWNED_BY_OTHER_AGENCY',
  /** A shared entity key classified differently from its owner's definition. */
  FIELD_RECLASSIFIED: 'FIELD_RECLASSIFIED',
  /** A new field on a value type (an object type without a key) another agency defines. */
  TYPE_OWNED_BY_OTHER_AGENCY: 'TYPE_OWNED_BY_OTHER_AGENCY',
  /** `@override(from:)` (progressive or not) naming a subgraph that is not the publisher's. */
  OVERRIDE_ACROSS_OWNERS: 'OVERRIDE_ACROSS_OWNERS',
  /** A key, `@requires`, `@provides` or `@fromContext` selection that would send another agency's restricted field. */
  REQUIRES_FIELD_NOT_READABLE: 'REQUIRES_FIELD_NOT_READABLE',
  /** A field classified below the catalogue class of the dataset it names. */
  CLASSIFICATION_BELOW_CATALOGUE: 'CLASSIFICATION_BELOW_CATALOGUE',
  /** A field naming a dataset that is neither the publisher's nor covered by an agreement it is the consumer of. */
  DATASET_NOT_OWNED: 'DATASET_NOT_OWNED',
  /** A composed supergraph field without `@classified`. */
  SUPERGRAPH_UNCLASSIFIED: 'SUPERGRAPH_UNCLASSIFIED',
  /** A field the live supergraph classifies higher than the composed candidate supergraph does. */
  CLASSIFICATION_LOWERED: 'CLASSIFICATION_LOWERED',
} as const;
