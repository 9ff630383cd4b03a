package dev.sluice.studio;

import dev.sluice.test.PgTestContext;

/** A small shop schema for studio tests: FKs, an enum, jsonb, an array and a named check constraint. */
final class SampleSchema {
  private SampleSchema() {}

  static void create(PgTestContext pg) {
    pg.execute(SQL);
  }

  /** The schema and its rows, one statement each. */
  static final String[] SQL = {
        "create type order_status as enum ('new', 'paid', 'shipped')",
        "create table customers (id serial primary key, name text not null, email text unique, tags text[], note text)",
        "create table products (id serial primary key, name text not null,"
            + " price numeric(10,2) not null constraint products_price_nonnegative check (price >= 0), attrs jsonb, active boolean not null default true)",
        "create table orders (id serial primary key, customer_id int not null references customers(id),"
            + " product_id int references products(id), status order_status not null default 'new',"
            + " qty int not null constraint orders_qty_positive check (qty > 0), placed_on date default current_date)",
        "insert into customers (name, email, tags, note) select 'Customer ' || lpad(g::text, 3, '0'), 'c' || g || '@example.com',"
            + " array['tag' || (g % 3)], case when g % 10 = 0 then null when g % 10 = 1 then '' else 'note ' || g end"
            + " from generate_series(1, 120) g",
        "insert into products (name, price, attrs) values ('Widget', 9.99, '{\"color\": \"red\", \"sizes\": [1, 2]}'),"
            + " ('Gadget', 24.50, '{\"color\": \"blue\"}'), ('Doohickey', 3.25, null)",
        "insert into orders (customer_id, product_id, status, qty) select 1 + (g % 5), 1 + (g % 3),"
            + " (array['new','paid','shipped']::order_status[])[1 + g % 3], 1 + g % 4 from generate_series(1, 12) g"};
}
