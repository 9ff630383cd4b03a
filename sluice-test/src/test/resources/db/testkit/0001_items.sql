-- Hand-written migration for the test kit's own tests.
create table items (
  id bigint primary key,
  name text not null
);
