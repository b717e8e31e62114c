-- Operations the gateways have served and the fields each uses: a schema change that breaks one is refused.
CREATE TABLE operation_usage (
  signature text PRIMARY KEY,
  operation_name text,
  coordinates text[] NOT NULL,
  first_seen timestamptz NOT NULL DEFAULT now(),
  last_seen timestamptz NOT NULL DEFAULT now(),
  served bigint NOT NULL DEFAULT 0
);
CREATE INDEX operation_usage_last_seen ON operation_usage (last_seen);
