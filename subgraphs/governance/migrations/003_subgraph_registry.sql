-- The subgraph registry: the gateway's supergraph is composed from the current version of every subgraph here.
CREATE TABLE subgraph (
  name text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9-]{1,39}$'),
  owner_code text NOT NULL REFERENCES agency (code),
  current_version integer NOT NULL
);

CREATE TABLE subgraph_version (
  name text NOT NULL REFERENCES subgraph (name) DEFERRABLE INITIALLY DEFERRED,
  version integer NOT NULL CHECK (version > 0),
  routing_url text NOT NULL,
  sdl text NOT NULL,
  published_by text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, version)
);

-- Every running gateway reloads when the registry changes.
CREATE FUNCTION notify_registry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('govhub_registry_changed', '');
  RETURN NULL;
END $$;
CREATE TRIGGER subgraph_changed AFTER INSERT OR UPDATE OR DELETE ON subgraph FOR EACH STATEMENT EXECUTE FUNCTION notify_registry_changed();
