CREATE TABLE province (
  code text PRIMARY KEY CHECK (code ~ '^\d{2}$'),
  name_th text NOT NULL,
  name_en text NOT NULL,
  region text NOT NULL
);

CREATE TABLE ministry (
  code text PRIMARY KEY,
  name_th text NOT NULL,
  name_en text NOT NULL,
  abbr_th text,
  survey_agencies integer,
  survey_databases integer,
  survey_datasets integer,
  survey_ready integer,
  survey_not_ready integer
);

CREATE TABLE agency (
  code text PRIMARY KEY,
  name_th text NOT NULL,
  name_en text NOT NULL,
  ministry_code text REFERENCES ministry (code),
  surveyed boolean NOT NULL DEFAULT false,
  synthetic boolean NOT NULL DEFAULT false
);
CREATE INDEX agency_ministry ON agency (ministry_code);

CREATE TABLE agency_alias (
  alias text PRIMARY KEY,
  agency_code text NOT NULL REFERENCES agency (code)
);
CREATE INDEX agency_alias_agency ON agency_alias (agency_code);

CREATE TABLE committee (
  code text PRIMARY KEY,
  name_th text NOT NULL,
  name_en text NOT NULL,
  ordered_by text NOT NULL,
  status text NOT NULL,
  lead_code text NOT NULL REFERENCES agency (code),
  subgraph text,
  position integer NOT NULL
);

-- The survey's stated totals: kept as stated, since the ministry rows do not all add up to them
-- (docs/domains.md, known inconsistencies).
CREATE TABLE survey_total (
  as_of date PRIMARY KEY,
  agencies integer NOT NULL,
  databases integer NOT NULL,
  datasets integer NOT NULL,
  ready integer NOT NULL,
  not_ready integer NOT NULL
);

CREATE TABLE catalog_database (
  id text PRIMARY KEY,
  name_th text NOT NULL,
  owner_code text NOT NULL REFERENCES agency (code)
);
CREATE INDEX catalog_database_owner ON catalog_database (owner_code);

CREATE TABLE dataset (
  id text PRIMARY KEY,
  name_th text NOT NULL,
  name_en text,
  owner_code text NOT NULL REFERENCES agency (code),
  database_id text REFERENCES catalog_database (id),
  classification text NOT NULL CHECK (classification IN ('PUBLIC', 'INTERNAL', 'PERSONAL', 'SENSITIVE', 'SECRET')),
  ready_to_link boolean NOT NULL,
  update_frequency text NOT NULL,
  description text,
  source text NOT NULL CHECK (source IN ('SURVEY_2560', 'HUB')),
  synthetic boolean NOT NULL,
  position integer NOT NULL
);
CREATE INDEX dataset_owner ON dataset (owner_code, position);
CREATE INDEX dataset_database ON dataset (database_id);

CREATE TABLE purpose (
  code text PRIMARY KEY,
  name_th text NOT NULL,
  name_en text NOT NULL
);

CREATE TABLE agreement (
  id text PRIMARY KEY,
  annex_no integer,
  provider_code text NOT NULL REFERENCES agency (code),
  consumer_code text NOT NULL REFERENCES agency (code),
  approved_on date,
  signed_on date,
  valid_until date,
  synthetic boolean NOT NULL
);
CREATE INDEX agreement_consumer ON agreement (consumer_code);
CREATE INDEX agreement_provider ON agreement (provider_code);

CREATE TABLE agreement_dataset (
  agreement_id text NOT NULL REFERENCES agreement (id),
  dataset_id text NOT NULL REFERENCES dataset (id),
  PRIMARY KEY (agreement_id, dataset_id)
);

CREATE TABLE agreement_purpose (
  agreement_id text NOT NULL REFERENCES agreement (id),
  purpose_code text NOT NULL REFERENCES purpose (code),
  PRIMARY KEY (agreement_id, purpose_code)
);

CREATE TABLE agreement_amendment (
  agreement_id text NOT NULL REFERENCES agreement (id),
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('ADDED_USAGE_METHOD', 'ADDED_MISSION')),
  approved_on date,
  signed_on date,
  PRIMARY KEY (agreement_id, position)
);
