-- Witnesses' cosignatures on the public log's checkpoints (c2sp.org/tlog-cosignature), served as further signature
-- lines of /log/checkpoint. A witness cosigns a size and root once; nothing here is ever changed.
create table log_cosignature (
    witness    text        not null, -- the witness's verifier key (<name>+<id>+<key>)
    size       bigint      not null,
    root       bytea       not null,
    line       text        not null, -- the signature line as the witness returned it
    created_at timestamptz not null default now(),
    primary key (witness, size)
);
create index log_cosignature_size on log_cosignature (size);
