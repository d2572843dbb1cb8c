-- Every review, comment and report received goes on the public log (issue #15), so arrivals, holds, publications,
-- hides and replies can be counted by anyone and nothing received can vanish without a trace.

-- A leaf may carry the stars of a review received and a commitment to what the customer wrote (its salt is kept by
-- Candor and given to the author only: the text of a held post is never public).
alter table log_entry add column rating smallint check (rating between 1 and 5);
alter table log_entry add column content_commitment bytea check (length(content_commitment) = 32);
create table log_content_salt (
    seq  bigint primary key references log_entry (seq),
    salt bytea  not null check (length(salt) = 32)
);

-- Posting does not wait for the log head: what a post puts on the log is staged in the posting transaction, and the
-- sequencer (publiclog/Sequencer, every second, on whichever instance gets the head first) gives it its sequence number
-- and tree nodes; any other append integrates what is staged first, so the log's order follows commits.
create table log_staged (
    id                 bigint generated always as identity primary key,
    kind               text        not null,
    subject_id         bigint      references subject (id),
    subject_slug       text,
    review_id          bigint,
    comment_id         bigint,
    actor_role         text,
    rule               text,
    rating             smallint,
    content_commitment bytea,
    content_salt       bytea,
    created_at         timestamptz not null default now(),
    seq                bigint      references log_entry (seq)
);
create index log_staged_waiting on log_staged (id) where seq is null;
create trigger log_staged_no_delete before delete on log_staged for each row execute function refuse_delete();

-- The transparency numbers read reviews and replies by their time.
create index log_entry_review on log_entry (review_id, seq) where review_id is not null;
alter table log_staged add column reason_code text;
