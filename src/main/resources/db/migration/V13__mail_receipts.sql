-- The public-log entry whose receipt (c2sp.org/tlog-proof) is attached to an author's e-mail when it is sent: made at
-- sending time, after the action committed, so the receipt's checkpoint includes the entry.
alter table mail_outbox add column log_seq bigint;
