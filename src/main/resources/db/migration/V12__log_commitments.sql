-- The public log starts afresh in the commitments format (issue #13; there was no production log yet): a leaf holds
-- no free text and no customer content, only commitments SHA-256(salt || text) with a random 32-byte salt per text.
-- The texts and their salts are kept beside the log in log_text, served with each entry so anyone can open the
-- commitments, and destroyed by an erasure for a named legal reason (the commitment stays in the leaf; a tombstone
-- entry, kind TEXTS_ERASED, names the entry erased and the reason). See docs/public-log-data.md.

-- The entries of the earlier format are not deleted: their tables are kept under another name, no longer served.
alter table log_entry rename to log_entry_v1;
alter index log_entry_pkey rename to log_entry_v1_pkey;
alter index log_entry_subject rename to log_entry_v1_subject;
alter index log_entry_kind rename to log_entry_v1_kind;
alter index log_entry_time rename to log_entry_v1_time;
alter table log_node rename to log_node_v1;
alter index log_node_pkey rename to log_node_v1_pkey;
alter table log_cosignature rename to log_cosignature_v1;
alter index log_cosignature_pkey rename to log_cosignature_v1_pkey;
alter index log_cosignature_size rename to log_cosignature_v1_size;
update log_head set size = 0 where id = 1;

create table log_entry (
    seq                    bigint primary key check (seq > 0),
    created_at             timestamptz not null,
    kind                   text        not null,
    subject_id             bigint      references subject (id),
    subject_slug           text,
    review_id              bigint,
    comment_id             bigint,
    actor_role             text,
    actor_handle           text,
    reason_code            text,
    reason_text_commitment bytea       check (length(reason_text_commitment) = 32),
    body_commitment        bytea       check (length(body_commitment) = 32),
    erases                 bigint      references log_entry (seq),
    rule                   text,
    policy_version         integer,
    leaf_hash              bytea       not null
);
create index log_entry_subject on log_entry (subject_id, seq desc);
create index log_entry_kind on log_entry (kind, seq desc);
create index log_entry_time on log_entry (created_at, seq);
create trigger log_entry_append_only before update or delete on log_entry
    for each row execute function refuse_log_change();
create trigger log_entry_no_truncate before truncate on log_entry
    for each statement execute function refuse_log_change();

create table log_node (
    level smallint not null,
    idx   bigint   not null,
    hash  bytea    not null,
    primary key (level, idx)
);
create trigger log_node_append_only before update or delete on log_node
    for each row execute function refuse_log_change();

create table log_cosignature (
    witness    text        not null,
    size       bigint      not null,
    root       bytea       not null,
    line       text        not null,
    created_at timestamptz not null default now(),
    primary key (witness, size)
);
create index log_cosignature_size on log_cosignature (size);

create table log_text (
    seq       bigint not null references log_entry (seq),
    field     text   not null check (field in ('body', 'reasonText')),
    salt      bytea  check (length(salt) = 32),
    text      text,
    erased_by bigint references log_entry (seq),
    primary key (seq, field),
    check ((salt is null) = (text is null)),
    check ((text is null) = (erased_by is not null))
);

-- A text is never changed; it is only ever erased: text and salt destroyed together, the tombstone named.
create function log_text_erase_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.text is not null and new.text is null and new.salt is null
            and new.erased_by is not null and new.seq = old.seq and new.field = old.field then
        return new;
    end if;
    raise exception 'a log text is only ever erased (text and salt destroyed, a tombstone named): % refused', tg_op;
end $$;
create trigger log_text_erase_only before update or delete on log_text
    for each row execute function log_text_erase_only();

-- Rows written once stay as written, except when an erasure for a legal reason removes a text from them: the
-- erasure's transaction says so (set_config('candor.erasure', 'on', true)), and only then may a text column change.
create or replace function refuse_update() returns trigger language plpgsql as $$
begin
    if current_setting('candor.erasure', true) = 'on' then
        return new;
    end if;
    raise exception 'Candor never changes % rows once written', tg_table_name;
end $$;
