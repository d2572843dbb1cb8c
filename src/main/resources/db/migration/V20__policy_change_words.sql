-- #18: what a policy change did, as message keys and arguments, so that the house rules page says it in the reader's
-- language. The summary column keeps the board's English text (the log entry's body); older rows have no parts and
-- are shown by that text.
alter table policy_version add column summary_parts jsonb;

-- #18: what a statement is, so that readers see an apology or an incident for what it is (not every statement is an alarm)
alter table statement add column kind text not null default 'INFORMATION'
    check (kind in ('INFORMATION', 'APOLOGY', 'INCIDENT'));

-- #18: the language a person chose while signed in: what they are e-mailed in (null: the board's, English)
alter table account add column language text check (language ~ '^[a-z]{2}$');

-- #18: the language a notice was sent in: its receipt, decision and appeal e-mails are written in it
alter table legal_notice add column language text check (language ~ '^[a-z]{2}$');
