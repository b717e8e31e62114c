-- A document's citation is its row of the list (`no`), so the line number is no longer kept.
ALTER TABLE document_demand DROP COLUMN source_line;
