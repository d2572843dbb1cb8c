-- A held post's entries (received and held, and its hold's statement of reasons) are staged like a published post's,
-- so posting never waits for the log head (#19). A staged statement carries the public part of the statement (the
-- entry's body, with the salt that opens its commitment) and the statement whose log number the sequencer fills in.
alter table log_staged add column body text;
alter table log_staged add column body_salt bytea check (length(body_salt) = 32);
alter table log_staged add column statement_id bigint references reasons_statement (id);
