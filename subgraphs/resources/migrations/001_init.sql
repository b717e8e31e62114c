-- The province codes governance publishes, kept here so that layer coverage can reference them and a national
-- layer can be expanded to every province without storing 77 rows per layer.
CREATE TABLE province (
  code text PRIMARY KEY CHECK (code ~ '^\d{2}$')
);

-- What MNRE reported for the committee, as stated.
CREATE TABLE ngis_report (
  reported_on date PRIMARY KEY,
  core_layers_done integer NOT NULL,
  core_layers_planned integer NOT NULL,
  planned_is_approximate boolean NOT NULL,
  member_agencies integer NOT NULL,
  remaining_due_on date NOT NULL,
  portal_url text NOT NULL
);

CREATE TABLE committee (
  code text PRIMARY KEY,
  ordered_by text NOT NULL,
  appointed_on date NOT NULL,
  secretariat_code text NOT NULL,
  front_end_code text NOT NULL,
  subcommittee_chair_code text NOT NULL,
  subcommittee_appointed_in text NOT NULL,
  roadmap_th text NOT NULL,
  obstacles_th text[] NOT NULL
);

CREATE TABLE geo_layer (
  id text PRIMARY KEY,
  name_th text NOT NULL,
  name_en text NOT NULL,
  owner_code text NOT NULL,
  theme text NOT NULL CHECK (theme IN ('RESOURCES', 'INFRASTRUCTURE')),
  use_level text NOT NULL CHECK (use_level IN ('GOVERNMENT', 'PUBLIC', 'LEARNING')),
  status text NOT NULL CHECK (status IN ('DONE', 'IN_PROGRESS')),
  -- A national layer covers every province; the others list theirs in geo_layer_province.
  national boolean NOT NULL,
  updated_on date NOT NULL,
  synthetic boolean NOT NULL
);
CREATE INDEX geo_layer_owner ON geo_layer (owner_code);

CREATE TABLE geo_layer_province (
  layer_id text NOT NULL REFERENCES geo_layer (id),
  province_code text NOT NULL REFERENCES province (code),
  PRIMARY KEY (layer_id, province_code)
);
CREATE INDEX geo_layer_province_province ON geo_layer_province (province_code);

-- The ten border Special Economic Development Zones: facts from outside the seed documents.
CREATE TABLE special_economic_zone (
  id text PRIMARY KEY,
  name_th text NOT NULL,
  name_en text NOT NULL,
  phase integer NOT NULL CHECK (phase IN (1, 2)),
  established_on date NOT NULL,
  announcement_th text NOT NULL,
  outside_seeds boolean NOT NULL,
  synthetic boolean NOT NULL
);

CREATE TABLE special_economic_zone_province (
  zone_id text NOT NULL REFERENCES special_economic_zone (id),
  province_code text NOT NULL REFERENCES province (code),
  PRIMARY KEY (zone_id, province_code)
);
CREATE INDEX special_economic_zone_province_province ON special_economic_zone_province (province_code);
