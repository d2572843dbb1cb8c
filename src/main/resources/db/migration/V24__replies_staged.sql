-- An official reply's entries (the reply, and the offer it grants) are staged like a post's, so a moderator's reply
-- never waits for the log head (#19): a staged entry now carries the actor's public handle, and the author's e-mail
-- names the staged entry whose receipt it links, sent once the sequencer has given the entry its number.
alter table log_staged add column actor_handle text;
alter table mail_outbox add column log_staged_id bigint references log_staged (id);
