-- An append hashes its leaf with the roots of the tree's perfect subtrees (its compact range). They are kept in the
-- head row, for the size they belong to, because the head is what an append locks: reading them from log_node in the
-- locking statement would miss what the append before it wrote (waiting for a lock does not renew a statement's
-- snapshot; the locked row itself is read again). Concatenated 32-byte hashes, highest level first, one per set bit of
-- frontier_size; when frontier_size is not the size (a board from before, a seed), appends read log_node instead.
alter table log_head add column frontier_size bigint, add column frontier bytea;
