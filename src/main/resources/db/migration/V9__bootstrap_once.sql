-- candor.bootstrap-admins promotes an account once (account/AccountService.signIn), on the public log; an admin who
-- later takes the role away is not overruled at the next sign-in. Accounts already admin count as promoted.
alter table account add column bootstrap_promoted_at timestamptz;
update account set bootstrap_promoted_at = created_at where role = 'ADMIN';
