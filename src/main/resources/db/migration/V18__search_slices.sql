-- #16 Search at 1M reviews: the GIN index also keys each review by its slice of 1,024 consecutive ids and by its
-- subject (btree_gin, a trusted extension the database owner may create), so a search for common words looks only at
-- the newest slices, and a search on one subject only at that subject's reviews, without reading the whole posting
-- list of a word found in a sixth of all reviews (review/ReviewSearch).
create extension if not exists btree_gin;
drop index review_search;
create index review_search on review using gin (search_doc, (id / 1024), subject_id);
