-- What a visitor typed into a form when their session had ended (web/Drafts): kept for a day, shown once to the same
-- browser after it signs in again, then removed. Not content: nothing here was ever accepted or shown to anyone.
create table form_draft (
    id         uuid primary key,
    page       text not null,
    fields     jsonb not null,
    created_at timestamptz not null default now()
);
create index form_draft_created on form_draft (created_at);
