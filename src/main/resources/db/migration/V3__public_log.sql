-- The public log: append-only, gap-free, a leaf of an RFC 9162 Merkle tree per entry (see org.candor.publiclog).

create table log_entry (
    seq            bigint primary key check (seq > 0),
    created_at     timestamptz not null,
    kind           text        not null,
    subject_id     bigint      references subject (id),
    subject_slug   text,
    review_id      bigint,
    comment_id     bigint,
    actor_role     text,
    actor_handle   text,
    reason_code    text,
    reason_text    text,
    body           text,
    content_sha256 text,
    leaf_hash      bytea       not null
);
create index log_entry_subject on log_entry (subject_id, seq desc);
create index log_entry_kind on log_entry (kind, seq desc);
create index log_entry_time on log_entry (created_at, seq);

-- Hashes of the tree's perfect subtrees: level l, index i covers leaves [i*2^l, (i+1)*2^l).
create table log_node (
    level smallint not null,
    idx   bigint   not null,
    hash  bytea    not null,
    primary key (level, idx)
);

-- The tree size. Appends lock this row, so entries get gap-free sequence numbers in commit order.
create table log_head (
    id   integer primary key check (id = 1),
    size bigint  not null
);
insert into log_head (id, size) values (1, 0);

-- The checkpoint signing key when none is given in the environment (dev, test).
create table log_signing_key (
    id          integer primary key check (id = 1),
    private_key text        not null,
    public_key  text        not null,
    created_at  timestamptz not null default now()
);

create function refuse_log_change() returns trigger language plpgsql as $$
begin
    raise exception 'the public log is append-only: % on % refused', tg_op, tg_table_name;
end $$;
create trigger log_entry_append_only before update or delete on log_entry
    for each row execute function refuse_log_change();
create trigger log_node_append_only before update or delete on log_node
    for each row execute function refuse_log_change();
create trigger log_entry_no_truncate before truncate on log_entry
    for each statement execute function refuse_log_change();
