-- Provinces, agencies, ministries, businesses and people belong to other subgraphs: referenced by key, no foreign keys.

CREATE TABLE tourism_statistic (
  province_code text NOT NULL CHECK (province_code ~ '^\d{2}$'),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  foreign_arrivals integer NOT NULL CHECK (foreign_arrivals >= 0),
  thai_arrivals integer NOT NULL CHECK (thai_arrivals >= 0),
  revenue_baht bigint NOT NULL CHECK (revenue_baht >= 0),
  forecast boolean NOT NULL,
  synthetic boolean NOT NULL,
  PRIMARY KEY (province_code, month)
);
CREATE INDEX tourism_statistic_month ON tourism_statistic (month, province_code);

CREATE TABLE tourist_safety_incident (
  id text PRIMARY KEY,
  province_code text NOT NULL CHECK (province_code ~ '^\d{2}$'),
  occurred_at timestamptz NOT NULL,
  category text NOT NULL CHECK (category IN
    ('THEFT', 'FRAUD', 'ROAD_ACCIDENT', 'DROWNING', 'ASSAULT', 'LOST_PROPERTY', 'MEDICAL', 'NATURAL_HAZARD')),
  severity text NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'FATAL')),
  nationality text NOT NULL CHECK (nationality ~ '^[A-Z]{2}$'),
  synthetic boolean NOT NULL
);
CREATE INDEX tourist_safety_incident_province ON tourist_safety_incident (province_code, occurred_at DESC);
CREATE INDEX tourist_safety_incident_time ON tourist_safety_incident (occurred_at DESC, id);

CREATE TABLE tour_business_licence (
  licence_no text PRIMARY KEY,
  holder_juristic_id text NOT NULL CHECK (holder_juristic_id ~ '^\d{13}$'),
  kind text NOT NULL CHECK (kind IN ('INBOUND', 'OUTBOUND', 'DOMESTIC', 'LOCAL')),
  issued_on date NOT NULL,
  expires_on date NOT NULL CHECK (expires_on > issued_on),
  status text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED')),
  synthetic boolean NOT NULL
);
CREATE INDEX tour_business_licence_holder ON tour_business_licence (holder_juristic_id);

CREATE TABLE tour_guide (
  card_no text PRIMARY KEY,
  national_id text NOT NULL UNIQUE CHECK (national_id ~ '^\d{13}$'),
  card_type text NOT NULL CHECK (card_type IN
    ('GENERAL_FOREIGN', 'GENERAL_THAI', 'LOCAL_FOREIGN', 'LOCAL_THAI', 'MARINE', 'TREKKING')),
  issued_on date NOT NULL,
  expires_on date NOT NULL CHECK (expires_on > issued_on),
  synthetic boolean NOT NULL
);

CREATE TABLE hotel_licence (
  licence_no text PRIMARY KEY,
  name_th text NOT NULL,
  province_code text NOT NULL CHECK (province_code ~ '^\d{2}$'),
  rooms integer NOT NULL CHECK (rooms > 0),
  issued_by_code text NOT NULL,
  issued_on date NOT NULL,
  synthetic boolean NOT NULL
);
CREATE INDEX hotel_licence_province ON hotel_licence (province_code, licence_no);

CREATE TABLE intelligence_center (
  code text PRIMARY KEY,
  name_th text NOT NULL,
  name_en text NOT NULL,
  description text NOT NULL,
  lead_code text NOT NULL,
  purposes text[] NOT NULL,
  -- as stated in the seeds, kept beside the list of links, which the seeds do not give
  linked_agency_count integer NOT NULL,
  as_of date NOT NULL
);

CREATE TABLE intelligence_center_link (
  center_code text NOT NULL REFERENCES intelligence_center (code),
  agency_code text NOT NULL,
  position integer NOT NULL,
  data_th text NOT NULL,
  synthetic boolean NOT NULL,
  PRIMARY KEY (center_code, agency_code)
);

CREATE TABLE ministry_survey (
  ministry_code text PRIMARY KEY,
  agencies integer NOT NULL,
  databases integer NOT NULL,
  datasets integer NOT NULL,
  ready integer NOT NULL,
  not_ready integer NOT NULL,
  as_of date NOT NULL,
  CHECK (ready + not_ready = datasets)
);

CREATE TABLE ministry_survey_respondent (
  ministry_code text NOT NULL REFERENCES ministry_survey (ministry_code),
  agency_code text NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (ministry_code, agency_code)
);

CREATE TABLE document_demand (
  row_no integer PRIMARY KEY,
  document text NOT NULL UNIQUE CHECK (document IN ('TOUR_BUSINESS_LICENCE', 'TOUR_GUIDE_CARD', 'HOTEL_LICENCE')),
  name_th text NOT NULL,
  owner_ministry_code text NOT NULL,
  requesting_agencies integer NOT NULL CHECK (requesting_agencies >= 0),
  readiness text NOT NULL CHECK (readiness IN ('READY', 'IN_PROGRESS')),
  source text NOT NULL
);
