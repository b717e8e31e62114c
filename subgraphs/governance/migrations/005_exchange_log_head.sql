-- The exchange log's head, anchored: the newest entry's seq and hash, advanced in the same transaction as every
-- insert, and where writers extend the chain from. The chain alone shows an entry removed or reordered anywhere but
-- at its end; removing the newest entries leaves a shorter chain that is still whole. Against the head it is not.
CREATE TABLE exchange_log_head (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO exchange_log_head (seq, hash)
SELECT coalesce((SELECT seq FROM exchange_log ORDER BY seq DESC LIMIT 1), 0),
       coalesce((SELECT hash FROM exchange_log ORDER BY seq DESC LIMIT 1), repeat('0', 64));

CREATE FUNCTION advance_exchange_log_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE governance.exchange_log_head AS head SET seq = newest.seq, hash = newest.hash
    FROM (SELECT seq, hash FROM added ORDER BY seq DESC LIMIT 1) AS newest;
  RETURN NULL;
END $$;
CREATE TRIGGER exchange_log_appended AFTER INSERT ON exchange_log REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION advance_exchange_log_head();
