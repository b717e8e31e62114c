-- Province codes, national IDs and agency codes point into other domains' schemas, so they are checked for
-- format here, not by foreign key.

CREATE TABLE disaster_event (
  id text PRIMARY KEY,
  name_th text NOT NULL,
  name_en text NOT NULL,
  hazard text NOT NULL CHECK (hazard IN ('FLOOD', 'DROUGHT', 'STORM', 'LANDSLIDE', 'FOREST_FIRE', 'COLD_WAVE', 'EARTHQUAKE', 'TSUNAMI')),
  started_at timestamptz NOT NULL,
  ended_at timestamptz CHECK (ended_at >= started_at),
  synthetic boolean NOT NULL
);
CREATE INDEX disaster_event_started ON disaster_event (started_at DESC);

CREATE TABLE event_province (
  event_id text NOT NULL REFERENCES disaster_event (id),
  province_code text NOT NULL CHECK (province_code ~ '^\d{2}$'),
  PRIMARY KEY (event_id, province_code)
);
CREATE INDEX event_province_province ON event_province (province_code);

CREATE TABLE response_deployment (
  id text PRIMARY KEY,
  event_id text NOT NULL REFERENCES disaster_event (id),
  agency_code text NOT NULL,
  staff integer NOT NULL CHECK (staff > 0),
  station_th text NOT NULL,
  started_on date NOT NULL,
  ended_on date,
  reference_th text,
  synthetic boolean NOT NULL
);
CREATE INDEX response_deployment_event ON response_deployment (event_id);

CREATE TABLE warning (
  id text PRIMARY KEY,
  hazard text NOT NULL CHECK (hazard IN ('FLOOD', 'DROUGHT', 'STORM', 'LANDSLIDE', 'FOREST_FIRE', 'COLD_WAVE', 'EARTHQUAKE', 'TSUNAMI')),
  severity text NOT NULL CHECK (severity IN ('WATCH', 'WARNING', 'EMERGENCY')),
  area_th text NOT NULL,
  province_code text CHECK (province_code ~ '^\d{2}$'),
  status text NOT NULL CHECK (status IN ('ISSUED', 'TRACKING', 'ENDED')),
  issued_at timestamptz NOT NULL,
  tracked_at timestamptz,
  ended_at timestamptz,
  issued_by text NOT NULL,
  event_id text REFERENCES disaster_event (id),
  synthetic boolean NOT NULL,
  CHECK ((status = 'ENDED') = (ended_at IS NOT NULL))
);
CREATE INDEX warning_province ON warning (province_code, status);

CREATE TABLE victim (
  id text PRIMARY KEY,
  event_id text NOT NULL REFERENCES disaster_event (id),
  national_id text NOT NULL CHECK (national_id ~ '^\d{13}$'),
  province_code text NOT NULL CHECK (province_code ~ '^\d{2}$'),
  registered_on date NOT NULL,
  synthetic boolean NOT NULL,
  UNIQUE (event_id, national_id)
);
CREATE INDEX victim_person ON victim (national_id);
CREATE INDEX victim_province ON victim (province_code);

CREATE TABLE assistance (
  id text PRIMARY KEY,
  victim_id text NOT NULL REFERENCES victim (id),
  kind text NOT NULL CHECK (kind IN ('CASH', 'SUPPLIES', 'HOUSING_REPAIR', 'TEMPORARY_SHELTER', 'CROP_LOSS', 'LIVESTOCK_LOSS')),
  amount_baht numeric(12, 2) NOT NULL CHECK (amount_baht >= 0),
  provided_on date NOT NULL,
  agency_code text NOT NULL,
  synthetic boolean NOT NULL
);
CREATE INDEX assistance_victim ON assistance (victim_id);

CREATE TABLE relief_stock (
  id text PRIMARY KEY,
  province_code text NOT NULL CHECK (province_code ~ '^\d{2}$'),
  name_th text NOT NULL,
  quantity integer NOT NULL CHECK (quantity >= 0),
  unit text NOT NULL,
  as_of date NOT NULL,
  position integer NOT NULL,
  synthetic boolean NOT NULL
);
CREATE INDEX relief_stock_province ON relief_stock (province_code, position);

CREATE TABLE province_profile (
  province_code text PRIMARY KEY CHECK (province_code ~ '^\d{2}$'),
  as_of date NOT NULL,
  hazards text[] NOT NULL,
  annual_rainfall_mm integer NOT NULL,
  rainy_days integer NOT NULL,
  storms_last_10_years integer NOT NULL,
  risk_villages integer NOT NULL,
  area_km2 numeric(10, 2) NOT NULL,
  forest_area_km2 numeric(10, 2) NOT NULL,
  retention_area_km2 numeric(10, 2) NOT NULL,
  evacuation_sites integer NOT NULL,
  evacuation_capacity integer NOT NULL,
  road_km integer NOT NULL,
  bridges integer NOT NULL,
  damaged_road_km_2017 integer NOT NULL,
  damage_value_baht_2017 numeric(16, 2) NOT NULL,
  establishments integer NOT NULL,
  industrial_estates integer NOT NULL,
  agricultural_area_rai integer NOT NULL,
  schools integer NOT NULL,
  health_facilities integer NOT NULL,
  religious_sites integer NOT NULL,
  government_offices integer NOT NULL,
  population integer NOT NULL,
  male integer NOT NULL,
  female integer NOT NULL,
  children integer NOT NULL,
  elderly integer NOT NULL,
  vulnerable integer NOT NULL,
  households integer NOT NULL,
  machinery integer NOT NULL,
  vehicles integer NOT NULL,
  boats integer NOT NULL,
  personnel integer NOT NULL,
  volunteers integer NOT NULL,
  synthetic boolean NOT NULL,
  CHECK (male + female = population)
);

CREATE TABLE profile_category (
  code text PRIMARY KEY,
  number integer NOT NULL UNIQUE,
  name_th text NOT NULL,
  name_en text NOT NULL,
  examples_th text NOT NULL,
  classification text NOT NULL CHECK (classification IN ('PUBLIC', 'INTERNAL'))
);

-- DDPM's own progress report; one row per report date.
CREATE TABLE data_summary (
  as_of date PRIMARY KEY,
  agencies_studied integer NOT NULL,
  agencies_linked integer NOT NULL CHECK (agencies_linked <= agencies_studied),
  related_databases integer NOT NULL
);

CREATE TABLE plan_item (
  year integer NOT NULL,
  position integer NOT NULL,
  text_th text NOT NULL,
  PRIMARY KEY (year, position)
);

CREATE TABLE committee_member (
  seat text PRIMARY KEY,
  position integer NOT NULL UNIQUE,
  title_th text NOT NULL,
  role text NOT NULL CHECK (role IN ('CHAIR', 'VICE_CHAIR', 'MEMBER', 'SECRETARY', 'ASSISTANT_SECRETARY')),
  agency_code text NOT NULL
);
