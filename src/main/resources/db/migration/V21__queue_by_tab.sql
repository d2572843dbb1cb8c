-- The queue's pages cost the same with 50 or 50,000 open items (#19): each tab is one index walked in the order the
-- tab lists, stopped after a page, and a moderator's scope is checked on the item itself, with no join per item.

-- the subject an item is about, copied from its review when the item is made (a review never changes subject), and the
-- review's stars, for the queue's rating bands (kept when an edit changes them)
alter table queue_item add column subject_id bigint references subject (id);
alter table queue_item add column rating smallint;
update queue_item i set subject_id = r.subject_id, rating = r.rating from review r where r.id = i.review_id;
alter table queue_item alter column subject_id set not null;

create function queue_item_subject() returns trigger language plpgsql as $$
begin
    select subject_id, rating into new.subject_id, new.rating from review where id = new.review_id;
    return new;
end $$;
create trigger queue_item_subject before insert on queue_item for each row execute function queue_item_subject();

create function review_rating_to_queue() returns trigger language plpgsql as $$
begin
    update queue_item set rating = new.rating where review_id = new.id and status = 'OPEN';
    return null;
end $$;
create trigger review_rating_to_queue after update of rating on review for each row
    when (old.rating is distinct from new.rating) execute function review_rating_to_queue();

-- the tab an open item is listed on (QueueTab): reports and flags share one
alter table queue_item add column tab text generated always as (case kind
    when 'REPORT' then 'REPORTED' when 'FLAG' then 'REPORTED' when 'NOTICE' then 'NOTICES' when 'APPEAL' then 'APPEALS'
    else kind end) stored;
create index queue_item_tab on queue_item (tab, due_at, id) where status = 'OPEN';
-- a scoped moderator's tab: their subjects' items, in the tab's order
create index queue_item_subject_tab on queue_item (subject_id, tab, due_at, id) where status = 'OPEN';
