-- Every change to an account row NOTIFYs 'candor_account' with its id when the transaction commits, whoever made it.
-- Each instance remembers who signed-in visitors are (account/KnownAccounts) and forgets an account when it changes:
-- a role taken away counts from the next request, on every instance.

create function account_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('candor_account', new.id::text);
    return null;
end $$;
create trigger account_known after update on account for each row
    when (old is distinct from new)
    execute function account_changed();
