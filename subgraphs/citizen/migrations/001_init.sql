-- The committee's stated KPIs, kept as stated: the lists behind some of them are incomplete.
CREATE TABLE service_kpi (
  code text PRIMARY KEY,
  done integer NOT NULL,
  target integer,
  as_of date NOT NULL,
  source text NOT NULL
);

-- The Linkage Center list: 71 rows, no. 60 is missing from the list.
CREATE TABLE linkage_database (
  no integer PRIMARY KEY,
  name_th text NOT NULL,
  provider_code text NOT NULL,
  dataset_id text,
  synthetic boolean NOT NULL
);

-- Documents services ask for; owner as stated, either a ministry or an agency outside ministries.
CREATE TABLE document_type (
  code text PRIMARY KEY,
  no integer NOT NULL UNIQUE,
  name_th text NOT NULL,
  owner_name_th text NOT NULL,
  owner_ministry_code text,
  owner_agency_code text,
  issuer_code text,
  requesting_agency_count integer NOT NULL CHECK (requesting_agency_count >= 0),
  readiness text NOT NULL CHECK (readiness IN ('READY', 'NOT_READY')),
  synthetic boolean NOT NULL,
  CHECK ((owner_ministry_code IS NULL) <> (owner_agency_code IS NULL))
);

CREATE TABLE government_service (
  code text PRIMARY KEY,
  no integer NOT NULL UNIQUE,
  name_th text NOT NULL,
  agency_code text NOT NULL,
  single_id_card boolean NOT NULL,
  synthetic boolean NOT NULL
);
CREATE INDEX government_service_single ON government_service (single_id_card, no);

CREATE TABLE service_document (
  service_code text NOT NULL REFERENCES government_service (code),
  document_code text NOT NULL REFERENCES document_type (code),
  position integer NOT NULL,
  synthetic boolean NOT NULL,
  PRIMARY KEY (service_code, document_code)
);

-- The registered population per province (shared/data/provinces.json).
CREATE TABLE province_population (
  province_code text PRIMARY KEY CHECK (province_code ~ '^\d{2}$'),
  population integer NOT NULL
);

-- House registrations (ทะเบียนบ้าน): one per household of the shared synthetic population.
CREATE TABLE house (
  house_id text PRIMARY KEY CHECK (house_id ~ '^\d{11}$'),
  house_no text NOT NULL,
  moo integer,
  subdistrict_th text NOT NULL,
  district_th text NOT NULL,
  province_code text NOT NULL,
  -- the house master (เจ้าบ้าน) is a person of this house; persons reference houses, so no foreign key back
  house_master_id text NOT NULL,
  synthetic boolean NOT NULL
);

CREATE TABLE person (
  national_id text PRIMARY KEY CHECK (national_id ~ '^\d{13}$'),
  person_index integer NOT NULL UNIQUE,
  title_th text NOT NULL,
  first_name_th text NOT NULL,
  last_name_th text NOT NULL,
  date_of_birth date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
  registration_category text NOT NULL
    CHECK (registration_category IN ('THAI', 'NON_THAI', 'NO_STATUS', 'ALIEN', 'MIGRANT_WORKER', 'DISPLACED_MYANMAR')),
  house_id text NOT NULL REFERENCES house (house_id),
  province_code text NOT NULL,
  synthetic boolean NOT NULL
);
CREATE INDEX person_house ON person (house_id, person_index);
CREATE INDEX person_province ON person (province_code);

CREATE TABLE civil_event (
  national_id text NOT NULL REFERENCES person (national_id),
  position integer NOT NULL,
  type text NOT NULL CHECK (type IN ('BIRTH', 'DEATH', 'MARRIAGE', 'DIVORCE', 'ADOPTION', 'NAME_CHANGE')),
  registered_on date NOT NULL,
  office text NOT NULL,
  synthetic boolean NOT NULL,
  PRIMARY KEY (national_id, position)
);

CREATE TABLE low_income_registration (
  national_id text PRIMARY KEY REFERENCES person (national_id),
  status text NOT NULL CHECK (status IN ('ELIGIBLE', 'INELIGIBLE', 'UNDER_REVIEW')),
  registered_on date NOT NULL,
  annual_income_baht integer NOT NULL,
  welfare_card_balance_baht numeric(10, 2),
  synthetic boolean NOT NULL
);

CREATE TABLE health_coverage (
  national_id text PRIMARY KEY REFERENCES person (national_id),
  scheme text NOT NULL CHECK (scheme IN ('UCS', 'SSS', 'CSMBS', 'LOCAL_GOVERNMENT', 'STATE_ENTERPRISE')),
  main_hospital text NOT NULL,
  since date NOT NULL,
  synthetic boolean NOT NULL
);

CREATE TABLE social_security (
  national_id text PRIMARY KEY REFERENCES person (national_id),
  current_hospital text NOT NULL,
  employer_name text NOT NULL,
  insured_since date NOT NULL,
  synthetic boolean NOT NULL
);

CREATE TABLE farm_plot (
  national_id text NOT NULL REFERENCES person (national_id),
  plot_no integer NOT NULL,
  crop text NOT NULL CHECK (crop IN ('RICE', 'RUBBER', 'CASSAVA', 'SUGARCANE', 'MAIZE', 'OIL_PALM', 'FRUIT')),
  area_rai numeric(8, 2) NOT NULL CHECK (area_rai > 0),
  province_code text NOT NULL,
  synthetic boolean NOT NULL,
  PRIMARY KEY (national_id, plot_no)
);

CREATE TABLE student_record (
  national_id text NOT NULL REFERENCES person (national_id),
  academic_year integer NOT NULL,
  level text NOT NULL CHECK (level IN ('PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY', 'VOCATIONAL', 'HIGHER')),
  grade integer NOT NULL,
  school_name text NOT NULL,
  synthetic boolean NOT NULL,
  PRIMARY KEY (national_id, academic_year)
);

CREATE TABLE chronic_condition (
  national_id text NOT NULL REFERENCES person (national_id),
  condition text NOT NULL CHECK (condition IN ('DIABETES', 'HYPERTENSION')),
  diagnosed_on date NOT NULL,
  last_checked_on date NOT NULL,
  controlled boolean NOT NULL,
  hospital text NOT NULL,
  synthetic boolean NOT NULL,
  PRIMARY KEY (national_id, condition)
);

CREATE TABLE disability (
  national_id text PRIMARY KEY REFERENCES person (national_id),
  type text NOT NULL
    CHECK (type IN ('VISUAL', 'HEARING', 'PHYSICAL', 'MENTAL', 'INTELLECTUAL', 'LEARNING', 'AUTISM')),
  card_issued_on date NOT NULL,
  card_expires_on date NOT NULL,
  monthly_allowance_baht integer NOT NULL,
  synthetic boolean NOT NULL
);

CREATE TABLE elderly_registration (
  national_id text PRIMARY KEY REFERENCES person (national_id),
  registered_on date NOT NULL,
  monthly_allowance_baht integer NOT NULL,
  synthetic boolean NOT NULL
);

CREATE TABLE probation (
  national_id text PRIMARY KEY REFERENCES person (national_id),
  case_no text NOT NULL,
  office text NOT NULL,
  started_on date NOT NULL,
  ends_on date NOT NULL,
  synthetic boolean NOT NULL
);

CREATE TABLE incarceration (
  national_id text PRIMARY KEY REFERENCES person (national_id),
  prison text NOT NULL,
  admitted_on date NOT NULL,
  release_due_on date,
  status text NOT NULL CHECK (status IN ('IN_CUSTODY', 'RELEASED')),
  synthetic boolean NOT NULL
);
