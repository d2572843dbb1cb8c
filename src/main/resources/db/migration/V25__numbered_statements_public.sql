-- A statement of reasons shows the public-log entry that commits to it on its post's subject page once it has a
-- number. A staged statement (a post held or labelled as it is posted) is numbered by the sequencer afterwards, in a
-- transaction of its own (publiclog/LogStaging.numberStatements): that too changes what the public pages show, so it
-- NOTIFYs as every other such change does (V6), and no kept page goes on without the link until its age runs out.

create function reasons_numbered() returns trigger language plpgsql as $$
begin
    perform notify_public_subject_of_review(new.review_id);
    return null;
end $$;
create trigger reasons_statement_numbered after update of log_seq on reasons_statement for each row
    when (old.log_seq is distinct from new.log_seq)
    execute function reasons_numbered();
