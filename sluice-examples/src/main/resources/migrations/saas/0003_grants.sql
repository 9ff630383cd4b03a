-- Hand-written migration. Statements end with ';'. It runs in one transaction with lock_timeout set.
-- To run it statement by statement in autocommit instead (needed for CONCURRENTLY), add this line to
-- the comments at the top of the file:
--   -- sluice:no-transaction
-- Write the reverse in the .down.sql file if sluice down should be able to undo it.

-- What the application role may do; row-level security then decides which rows.
grant usage on schema public to "app_user";
grant select, insert, update, delete on all tables in schema public to "app_user";
