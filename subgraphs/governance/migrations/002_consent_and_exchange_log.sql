-- Sensitive fields an agreement names ('Type.field' or 'Type.*'); NULL names none (personal fields only).
ALTER TABLE agreement_dataset ADD COLUMN fields text[];

-- A citizen's consent acts as an agreement for that citizen's data only.
CREATE TABLE consent (
  id bigserial PRIMARY KEY,
  subject text NOT NULL CHECK (subject ~ '^\d{13}$'),
  consumer_code text NOT NULL REFERENCES agency (code),
  purpose_code text NOT NULL REFERENCES purpose (code),
  dataset_id text NOT NULL REFERENCES dataset (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE UNIQUE INDEX consent_active ON consent (subject, consumer_code, purpose_code, dataset_id) WHERE revoked_at IS NULL;
CREATE INDEX consent_consumer ON consent (consumer_code, purpose_code, dataset_id) WHERE revoked_at IS NULL;

-- The central exchange log (สารบรรณกลาง): one entry per release of personal data, hash-chained.
CREATE TABLE exchange_log (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  request_id text NOT NULL,
  consumer_code text,
  officer text,
  purpose_code text,
  basis text NOT NULL CHECK (basis IN ('agreement', 'consent', 'self', 'clearance', 'dry-run')),
  agreement_id text,
  subject text,
  subject_ref text,
  dataset_id text NOT NULL,
  classification text NOT NULL,
  fields text[] NOT NULL,
  withheld_from_subject boolean NOT NULL DEFAULT false,
  -- Unique: every entry has exactly one successor, so concurrent writers can never fork the chain.
  prev_hash text NOT NULL UNIQUE,
  hash text NOT NULL UNIQUE
);
CREATE INDEX exchange_log_subject ON exchange_log (subject, at DESC);

-- Gateways cache agreements and consents; tell them when either changes.
CREATE FUNCTION notify_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('govhub_access_changed', TG_TABLE_NAME);
  RETURN NULL;
END $$;
CREATE TRIGGER agreement_changed AFTER INSERT OR UPDATE OR DELETE ON agreement FOR EACH STATEMENT EXECUTE FUNCTION notify_access_changed();
CREATE TRIGGER agreement_dataset_changed AFTER INSERT OR UPDATE OR DELETE ON agreement_dataset FOR EACH STATEMENT EXECUTE FUNCTION notify_access_changed();
CREATE TRIGGER agreement_purpose_changed AFTER INSERT OR UPDATE OR DELETE ON agreement_purpose FOR EACH STATEMENT EXECUTE FUNCTION notify_access_changed();
CREATE TRIGGER consent_changed AFTER INSERT OR UPDATE OR DELETE ON consent FOR EACH STATEMENT EXECUTE FUNCTION notify_access_changed();
