-- Juristic persons (DBD). `seq` is the index in the shared synthetic economy (businessAt), which other domains
-- (tourism licences) rely on too.
CREATE TABLE business (
  juristic_id text PRIMARY KEY CHECK (juristic_id ~ '^\d{13}$'),
  seq integer NOT NULL UNIQUE,
  name_th text NOT NULL,
  name_en text,
  kind text NOT NULL CHECK (kind IN ('LIMITED_COMPANY', 'PUBLIC_COMPANY', 'REGISTERED_PARTNERSHIP', 'LIMITED_PARTNERSHIP')),
  registered_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'DISSOLVED', 'LIQUIDATED', 'ABANDONED', 'BANKRUPT')),
  registered_capital_baht numeric(16, 2) NOT NULL CHECK (registered_capital_baht > 0),
  province_code text NOT NULL CHECK (province_code ~ '^\d{2}$'),
  synthetic boolean NOT NULL
);
CREATE INDEX business_province ON business (province_code, registered_on, juristic_id);
CREATE INDEX business_registered ON business (registered_on, juristic_id);

CREATE TABLE director (
  juristic_id text NOT NULL REFERENCES business (juristic_id),
  national_id text NOT NULL CHECK (national_id ~ '^\d{13}$'),
  position integer NOT NULL,
  synthetic boolean NOT NULL,
  PRIMARY KEY (juristic_id, national_id)
);
CREATE INDEX director_person ON director (national_id);

CREATE TABLE shareholder (
  juristic_id text NOT NULL REFERENCES business (juristic_id),
  national_id text NOT NULL CHECK (national_id ~ '^\d{13}$'),
  shares integer NOT NULL CHECK (shares > 0),
  synthetic boolean NOT NULL,
  PRIMARY KEY (juristic_id, national_id)
);

CREATE TABLE vat_registration (
  juristic_id text PRIMARY KEY REFERENCES business (juristic_id),
  registered_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'CANCELLED')),
  branches integer NOT NULL,
  synthetic boolean NOT NULL
);

CREATE TABLE factory_licence (
  licence_no text PRIMARY KEY,
  juristic_id text NOT NULL REFERENCES business (juristic_id),
  activity_th text NOT NULL,
  province_code text NOT NULL CHECK (province_code ~ '^\d{2}$'),
  issued_on date NOT NULL,
  workers integer NOT NULL,
  machinery_horsepower numeric(10, 2) NOT NULL,
  synthetic boolean NOT NULL
);
CREATE INDEX factory_licence_business ON factory_licence (juristic_id);

CREATE TABLE lifecycle_event (
  juristic_id text NOT NULL REFERENCES business (juristic_id),
  position integer NOT NULL,
  stage text NOT NULL CHECK (stage IN ('PLAN', 'START', 'OPERATE', 'EXPAND', 'CLOSE')),
  occurred_on date NOT NULL,
  note text,
  synthetic boolean NOT NULL,
  PRIMARY KEY (juristic_id, position)
);

-- The stages themselves, as the seeds describe them.
CREATE TABLE lifecycle_stage (
  stage text PRIMARY KEY,
  position integer NOT NULL,
  name_th text NOT NULL,
  activities text[] NOT NULL,
  example_datasets text[] NOT NULL
);

CREATE TABLE commodity_price (
  commodity text NOT NULL CHECK (commodity IN ('RICE', 'RUBBER', 'CASSAVA', 'SUGAR_CANE', 'PALM_OIL')),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  name_th text NOT NULL,
  price_baht numeric(12, 2) NOT NULL,
  unit text NOT NULL CHECK (unit IN ('TONNE', 'KILOGRAM')),
  synthetic boolean NOT NULL,
  PRIMARY KEY (commodity, month)
);

CREATE TABLE trade_statistic (
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  direction text NOT NULL CHECK (direction IN ('EXPORT', 'IMPORT')),
  partner_country text NOT NULL CHECK (partner_country ~ '^[A-Z]{2}$'),
  partner_name_th text NOT NULL,
  product_group text NOT NULL CHECK (product_group IN ('AGRICULTURE', 'AGRO_INDUSTRY', 'INDUSTRY', 'MINERAL_FUEL')),
  value_million_baht numeric(14, 2) NOT NULL,
  synthetic boolean NOT NULL,
  PRIMARY KEY (month, direction, partner_country, product_group)
);

-- Rows of the Dec 2560 list of documents services ask for; real figures.
CREATE TABLE document_demand (
  no integer PRIMARY KEY,
  name_th text NOT NULL,
  name_en text NOT NULL,
  issuer_code text NOT NULL,
  owner_ministry_th text NOT NULL,
  requesting_agencies integer NOT NULL,
  readiness text NOT NULL CHECK (readiness IN ('READY', 'NOT_READY')),
  source_line integer NOT NULL
);
