-- A held post's entries (received and held, and its hold's statement of reasons) are staged like a published post's,
-- so posting never waits for the log head (#19). A staged statement carries the public part of the statement (the
-- entry's body, with the salt that opens its commitment) and the statement whose log number the sequencer fills in.
alter table log_staged add column body text;
alter table log_staged add column body_salt bytea check (length(body_salt) = 32);
alter table log_staged add column statement_id bigint references reasons_statement (id);
-- the statements waiting for their number, and the staged entries of statements, found by index every second
create index log_staged_statement on log_staged (statement_id) where statement_id is not null;
create index reasons_statement_unnumbered on reasons_statement (id) where log_seq is null;
