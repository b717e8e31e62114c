-- The agencies of the warehouse table, numbered as in the table.
CREATE TABLE water_agency (
  code text PRIMARY KEY,
  no integer NOT NULL UNIQUE,
  name_th text NOT NULL,
  note_th text
);

CREATE TABLE water_data_item (
  id text PRIMARY KEY,
  agency_code text NOT NULL REFERENCES water_agency (code),
  -- in the order of the agencies' table, then of each agency's items
  position integer NOT NULL,
  name_th text NOT NULL,
  status text NOT NULL CHECK (status IN ('LINKED', 'PREPARING', 'AWAITING_AGENCY_UPDATE')),
  synthetic boolean NOT NULL
);
CREATE INDEX water_data_item_agency ON water_data_item (agency_code);
CREATE UNIQUE INDEX water_data_item_position ON water_data_item (position);
CREATE INDEX water_data_item_status ON water_data_item (status);

-- The warehouse figures as each report stated them; the current counts are computed over water_data_item.
CREATE TABLE water_data_snapshot (
  as_of date PRIMARY KEY,
  items integer NOT NULL,
  linked integer NOT NULL,
  preparing integer NOT NULL,
  awaiting_update integer NOT NULL,
  agencies integer,
  CHECK (linked + preparing + awaiting_update = items)
);

-- Province codes belong to the governance subgraph (another schema), so they are checked, not foreign keys.
CREATE TABLE telemetry_station (
  id text PRIMARY KEY,
  name_th text NOT NULL,
  operator_code text NOT NULL,
  province_code text NOT NULL CHECK (province_code ~ '^\d{2}$'),
  basin text NOT NULL,
  lat double precision NOT NULL,
  lon double precision NOT NULL,
  synthetic boolean NOT NULL
);
CREATE INDEX telemetry_station_province ON telemetry_station (province_code, id);

CREATE TABLE observation (
  station_id text NOT NULL REFERENCES telemetry_station (id),
  at timestamptz NOT NULL,
  rainfall_mm numeric(6, 1),
  water_level_m numeric(7, 2),
  synthetic boolean NOT NULL,
  PRIMARY KEY (station_id, at)
);

CREATE TABLE rain_forecast (
  province_code text NOT NULL CHECK (province_code ~ '^\d{2}$'),
  issued_at timestamptz NOT NULL,
  synthetic boolean NOT NULL,
  PRIMARY KEY (province_code, issued_at)
);

CREATE TABLE rain_forecast_day (
  province_code text NOT NULL,
  issued_at timestamptz NOT NULL,
  day date NOT NULL,
  rainfall_mm numeric(6, 1) NOT NULL,
  chance_percent integer NOT NULL CHECK (chance_percent BETWEEN 0 AND 100),
  PRIMARY KEY (province_code, issued_at, day),
  FOREIGN KEY (province_code, issued_at) REFERENCES rain_forecast (province_code, issued_at)
);

CREATE TABLE water_situation (
  province_code text NOT NULL CHECK (province_code ~ '^\d{2}$'),
  as_of date NOT NULL,
  drought_status text NOT NULL CHECK (drought_status IN ('NORMAL', 'WATCH', 'WARNING', 'CRISIS')),
  flood_status text NOT NULL CHECK (flood_status IN ('NORMAL', 'WATCH', 'WARNING', 'CRISIS')),
  reservoir_percent numeric(5, 1),
  synthetic boolean NOT NULL,
  PRIMARY KEY (province_code, as_of)
);

CREATE TABLE situation_report (
  id text PRIMARY KEY,
  type text NOT NULL CHECK (type IN ('FULL', 'EXEC_SUMMARY', 'SPECIAL')),
  mode text NOT NULL CHECK (mode IN ('NORMAL', 'CRISIS')),
  issued_on date NOT NULL,
  title text NOT NULL,
  synthetic boolean NOT NULL
);
CREATE INDEX situation_report_issued ON situation_report (issued_on);

CREATE TABLE provincial_water_centre (
  province_code text PRIMARY KEY CHECK (province_code ~ '^\d{2}$'),
  position integer NOT NULL
);

CREATE TABLE decision_support_plan (
  id text PRIMARY KEY,
  name_th text NOT NULL,
  approved_on date NOT NULL,
  projects integer NOT NULL,
  agencies integer NOT NULL,
  budget_million_baht numeric(10, 2) NOT NULL,
  tracking_url text NOT NULL
);

CREATE TABLE support_deployment (
  id text PRIMARY KEY,
  agency_code text NOT NULL,
  host_agency_code text NOT NULL,
  province_code text NOT NULL CHECK (province_code ~ '^\d{2}$'),
  site_th text NOT NULL,
  staff integer NOT NULL,
  request_ref text,
  started_on date NOT NULL,
  ended_on date,
  purpose_th text NOT NULL
);
