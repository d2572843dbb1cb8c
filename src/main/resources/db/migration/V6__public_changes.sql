-- Every change to what the public pages show NOTIFYs 'candor_public' when its transaction commits, whoever made it (any
-- instance of Candor, a migration, an operator with psql). Each instance LISTENs and drops the rendered pages the change
-- touches: 's:<subject id>' for one subject's pages, 'log' for the public log's pages, '*' for every page.
-- PostgreSQL folds identical notifications of one transaction into one.

create function notify_public(scope text) returns void language plpgsql as $$
begin
    perform pg_notify('candor_public', scope);
end $$;

create function notify_public_subject_of_review(rid bigint) returns void language plpgsql as $$
begin
    perform notify_public('s:' || (select subject_id from review where id = rid));
end $$;

-- A review itself (posted, edited, redacted, hidden, restored, marked helpful).
create function review_changed() returns trigger language plpgsql as $$
begin
    perform notify_public('s:' || new.subject_id);
    return null;
end $$;
create trigger review_public after insert or update on review for each row execute function review_changed();

-- Rows that hang off a review: comments, official replies, annotations, visibility changes.
create function review_part_changed() returns trigger language plpgsql as $$
begin
    perform notify_public_subject_of_review(new.review_id);
    return null;
end $$;
create trigger comment_public after insert or update on comment for each row execute function review_part_changed();
create trigger official_reply_public after insert on official_reply for each row execute function review_part_changed();
create trigger annotation_public after insert on annotation for each row execute function review_part_changed();
create trigger visibility_change_public after insert on visibility_change
    for each row execute function review_part_changed();

-- A subject's rating summary changes with its reviews; its name or address shows on other pages (the log, the home page).
create function subject_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.slug = new.slug and old.name = new.name then
        perform notify_public('s:' || new.id);
    else
        perform notify_public('*');
    end if;
    return null;
end $$;
create trigger subject_public after insert or update on subject for each row execute function subject_changed();

-- Statements are pinned on their subject's page, board-wide ones on every page that lists them.
create function statement_changed() returns trigger language plpgsql as $$
begin
    perform notify_public(case when new.subject_id is null then '*' else 's:' || new.subject_id end);
    return null;
end $$;
create trigger statement_public after insert or update on statement for each row execute function statement_changed();

-- Names shown beside posts and replies, and whether staff are shown by handle: every page.
create function account_name_changed() returns trigger language plpgsql as $$
begin
    perform notify_public('*');
    return null;
end $$;
create trigger account_public after update on account for each row
    when (old.display_name is distinct from new.display_name or old.staff_handle is distinct from new.staff_handle
          or old.role is distinct from new.role)
    execute function account_name_changed();
create trigger moderation_policy_public after update on moderation_policy for each row
    execute function account_name_changed();

-- The public log grew.
create function log_grew() returns trigger language plpgsql as $$
begin
    perform notify_public('log');
    return null;
end $$;
create trigger log_head_public after insert or update on log_head for each row execute function log_grew();
