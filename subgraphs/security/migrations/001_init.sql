-- Agency and province codes point into the governance subgraph's data, so they are checked by shape, not by foreign key.

-- The catalogue of security databases: owner, secrecy grade, sharing mode, legal conditions.
CREATE TABLE security_database (
  id text PRIMARY KEY,
  name_th text NOT NULL,
  name_en text,
  owner_code text NOT NULL,
  secrecy_level text NOT NULL CHECK (secrecy_level IN ('CONFIDENTIAL', 'SECRET', 'TOP_SECRET')),
  sharing_mode text NOT NULL CHECK (sharing_mode IN ('NEED_TO_KNOW', 'NEED_TO_SHARE')),
  legal_access_condition text,
  source text,
  synthetic boolean NOT NULL,
  position integer NOT NULL
);

CREATE TABLE security_incident (
  id text PRIMARY KEY,
  province_code text NOT NULL CHECK (province_code ~ '^\d{2}$'),
  district_th text NOT NULL,
  occurred_at timestamptz NOT NULL,
  category text NOT NULL CHECK (category IN ('INSURGENCY', 'BOMBING', 'SHOOTING', 'ARSON', 'DRUGS', 'OTHER')),
  casualties integer NOT NULL CHECK (casualties >= 0),
  reported_by_code text NOT NULL,
  synthetic boolean NOT NULL
);
CREATE INDEX security_incident_province ON security_incident (province_code, occurred_at DESC, id);
CREATE INDEX security_incident_time ON security_incident (occurred_at DESC, id);

CREATE TABLE citizen_tip (
  id text PRIMARY KEY,
  received_at timestamptz NOT NULL,
  province_code text NOT NULL CHECK (province_code ~ '^\d{2}$'),
  channel text NOT NULL CHECK (channel IN ('WEBSITE', 'HOTLINE', 'WALK_IN')),
  summary text NOT NULL,
  status text NOT NULL CHECK (status IN ('RECEIVED', 'VERIFYING', 'VERIFIED', 'DISMISSED')),
  owner_code text NOT NULL,
  synthetic boolean NOT NULL
);
CREATE INDEX citizen_tip_time ON citizen_tip (received_at DESC, id);

-- Figures as reported, one row per report date.
CREATE TABLE aerial_imagery_progress (
  as_of date PRIMARY KEY,
  operator_code text NOT NULL,
  flown_km2 numeric(10, 2) NOT NULL,
  flown_percent numeric(5, 2) NOT NULL,
  ortho_km2 numeric(10, 2) NOT NULL,
  ortho_percent numeric(5, 2) NOT NULL
);

CREATE TABLE security_agreement (
  id text PRIMARY KEY,
  name_th text NOT NULL,
  convener_code text NOT NULL,
  status text NOT NULL CHECK (status IN ('DRAFT', 'SIGNED')),
  -- as stated; the party rows are checked against it by the tests
  party_count integer NOT NULL,
  as_of date NOT NULL
);

CREATE TABLE security_agreement_party (
  agreement_id text NOT NULL REFERENCES security_agreement (id),
  agency_code text NOT NULL,
  comment_received boolean NOT NULL,
  synthetic boolean NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (agreement_id, agency_code)
);

CREATE TABLE resource_cut (
  id text PRIMARY KEY,
  agency_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('STAFF_POSTS', 'PERSONNEL', 'AIRCRAFT')),
  reduction integer NOT NULL CHECK (reduction > 0),
  reduction_percent numeric(5, 2),
  approximate boolean NOT NULL,
  before_count integer,
  after_count integer,
  effective_from date NOT NULL,
  position integer NOT NULL,
  CHECK (before_count IS NULL OR after_count IS NULL OR before_count - after_count = reduction)
);

CREATE TABLE identity_record (
  national_id text PRIMARY KEY CHECK (national_id ~ '^\d{13}$'),
  biometric_refs text[] NOT NULL,
  enrolled_on date NOT NULL,
  owner_code text NOT NULL,
  synthetic boolean NOT NULL
);
