package dev.sluice.kit.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.PgUrl;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

@PgTest
class UnmodeledObjectsLiveTest {
  static final String[] EVERY_KIND = {
      "create extension if not exists pg_trgm",
      "create schema billing",
      "create table public.film (id int primary key, title text, last_update timestamptz)",
      "create table billing.invoice (id int primary key)",
      "create function public.group_concat_sfunc(text, text) returns text language sql immutable"
          + " as $$ select coalesce($1 || ', ' || $2, $2, $1) $$",
      "create aggregate public.group_concat(text) (sfunc = public.group_concat_sfunc, stype = text)",
      "create aggregate public.my_mode(order by anyelement) (sfunc = pg_catalog.ordered_set_transition, stype = internal,"
          + " finalfunc = pg_catalog.mode_final, finalfunc_extra)",
      "create aggregate public.granted(text) (sfunc = public.group_concat_sfunc, stype = text)",
      "revoke execute on function public.granted(text) from public",
      "do $$ begin create role unmodeled_grantee; exception when duplicate_object then null; end $$",
      "create aggregate public.grant_option(text) (sfunc = public.group_concat_sfunc, stype = text)",
      "grant execute on function public.grant_option(text) to unmodeled_grantee with grant option",
      "create procedure billing.close_month(m int) language sql as $$ select 1 $$",
      "create text search configuration billing.invoice_text (copy = pg_catalog.simple)",
      "create function public.touch() returns trigger language plpgsql as $$ begin new.last_update = now(); return new; end $$",
      "create trigger last_updated before update on public.film for each row execute function public.touch()",
      "create type public.money_amount as (amount numeric, currency text)",
      "create type public.floatrange as range (subtype = float8)",
      "create rule film_no_delete as on delete to public.film do instead nothing",
      "create function public.on_ddl() returns event_trigger language plpgsql as $$ begin end $$",
      "create event trigger log_ddl on ddl_command_end execute function public.on_ddl()",
      "create publication film_pub for table public.film",
      "create statistics public.film_stats (dependencies) on id, title from public.film",
      "create function public.text_eq(text, text) returns boolean language sql immutable as $$ select $1 = $2 $$",
      "create operator public.=== (leftarg = text, rightarg = text, function = public.text_eq)",
      "create function public.film_text(public.film) returns text language sql as $$ select $1.title $$",
      "create cast (public.film as text) with function public.film_text(public.film)",
      "create collation public.nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false)",
      "create text search configuration public.simple_en (copy = pg_catalog.simple)",
      "create text search dictionary public.simple_dict (template = pg_catalog.simple)",
      "create unlogged table public.scratch (id int)",
      "create table public.tuned (id int) with (fillfactor = 70)",
      "alter table public.film replica identity full",
  };

  @Test
  void everyKindTheModelCannotHoldIsListedByKindAndQualifiedName(PgTestContext pg) throws Exception {
    String url = pg.server().createDatabase("unmodeled_all");
    execute(url, EVERY_KIND);
    try (Connection c = PgUrl.parse(url).connect()) {
      List<String> listed = UnmodeledObjects.list(c, IntrospectOptions.all()).stream().map(Object::toString).toList();
      assertThat(listed).as("functions, procedures, triggers, composite types, table options, aggregates (but for a grant"
          + " option), statistics, rules, publications, event triggers, range types and collations are modeled")
          .containsExactly(
          "aggregate public.grant_option(text)",
          "operator public.===(text,text)",
          "cast (public.film AS text)",
          "text search configuration billing.invoice_text",
          "text search configuration public.simple_en",
          "text search dictionary public.simple_dict");
      assertThat(listed).as("extension members (pg_trgm's functions, operators, classes) are the extension's")
          .noneMatch(s -> s.contains("trgm") || s.contains("similarity"));
      assertThat(c.createStatement().executeQuery("show search_path").next()).isTrue();
    }
  }

  @Test
  void theSchemaFilterAndTableExclusionsApply(PgTestContext pg) throws Exception {
    String url = pg.server().createDatabase("unmodeled_filtered");
    execute(url, EVERY_KIND);
    try (Connection c = PgUrl.parse(url).connect()) {
      assertThat(UnmodeledObjects.list(c, IntrospectOptions.schemas("billing"))).extracting(Object::toString)
          .as("database-wide kinds (event triggers, publications, casts) are out of a schema filter's scope")
          .containsExactly("text search configuration billing.invoice_text");
      List<String> withoutFilm = UnmodeledObjects.list(c, new IntrospectOptions(List.of(), List.of("film")))
          .stream().map(Object::toString).toList();
      assertThat(withoutFilm).doesNotContain("rule film_no_delete on public.film")
          .contains("aggregate public.grant_option(text)");
    }
  }

  @Test
  void aPartitionsOwnIndexesForeignKeysAndConstraintsAreNotListed(PgTestContext pg) throws Exception {
    String url = pg.server().createDatabase("unmodeled_partition");
    execute(url, "create table t (id int primary key)",
        "create table pay (id int not null, t_id int, at date not null) partition by range (at)",
        "create table pay_2024 partition of pay for values from ('2024-01-01') to ('2025-01-01')",
        "create index pay_2024_t_id_idx on pay_2024 (t_id)",
        "alter table pay_2024 add constraint pay_2024_t_id_fkey foreign key (t_id) references t (id)",
        "alter table pay_2024 add constraint pay_2024_id_check check (id > 0)",
        "alter table pay_2024 add constraint pay_2024_pkey primary key (id)",
        "alter table pay_2024 add constraint pay_2024_t_id_key unique (t_id)",
        "alter table pay_2024 add constraint pay_2024_t_id_excl exclude using hash (t_id with =)");
    try (Connection c = PgUrl.parse(url).connect()) {
      assertThat(UnmodeledObjects.list(c, IntrospectOptions.all())).isEmpty();
    }
  }

  @Test
  void aPartitionsCommentsAndAChangedExtensionCommentAreListed(PgTestContext pg) throws Exception {
    String url = pg.server().createDatabase("unmodeled_comments");
    execute(url, "create extension if not exists pg_trgm", "create extension if not exists citext",
        "comment on extension pg_trgm is 'trigrams, commented by hand'",
        "create table pay (id int not null, at date not null) partition by range (at)",
        "create table pay_2024 partition of pay for values from ('2024-01-01') to ('2025-01-01')",
        "create table pay_2025 partition of pay for values from ('2025-01-01') to ('2026-01-01')",
        "comment on table pay is 'modeled: the partitioned table'", "comment on column pay.at is 'modeled too'",
        "comment on table pay_2024 is 'one year'", "comment on column pay_2025.id is 'a partition column'");
    try (Connection c = PgUrl.parse(url).connect()) {
      assertThat(UnmodeledObjects.list(c, IntrospectOptions.all())).extracting(Object::toString)
          .as("citext keeps the comment its control file sets")
          .containsExactlyInAnyOrder("partition comment public.pay_2024", "partition comment public.pay_2025.id",
              "extension comment pg_trgm");
    }
  }

  @Test
  void aSequenceOwnedByAColumnThatDoesNotReadAsSerialIsModeledNotListed(PgTestContext pg) throws Exception {
    // real schema: gitlab's web_hook_logs_id_seq is OWNED BY the partitioned web_hook_logs.id, which has no default
    String url = pg.server().createDatabase("unmodeled_owned_by");
    execute(url, "create table logs (id bigint not null, at date not null) partition by range (at)",
        "create sequence logs_id_seq", "alter sequence logs_id_seq owned by logs.id",
        "create table jobs (id integer not null)", "create sequence jobs_id_seq start 100 owned by jobs.id",
        "alter table jobs alter column id set default nextval('jobs_id_seq')",
        "create table plain (id serial primary key, n bigserial)");
    try (Connection c = PgUrl.parse(url).connect()) {
      assertThat(UnmodeledObjects.list(c, IntrospectOptions.all())).isEmpty();
      assertThat(dev.sluice.kit.introspect.Introspector.introspect(c, IntrospectOptions.all()).sequences())
          .as("serial columns keep their own sequence; a bigint sequence on an integer column or non-default options are OWNED BY")
          .extracting(q -> q.name() + " owned by " + q.ownedByTable() + "." + q.ownedByColumn())
          .containsExactly("jobs_id_seq owned by jobs.id", "logs_id_seq owned by logs.id");
    }
  }

  @Test
  void aPartitionInAnotherSchemaThanItsParentIsListed(PgTestContext pg) throws Exception {
    // real schema: gitlab keeps hash partitions in gitlab_partitions_static, their parents in public
    String url = pg.server().createDatabase("unmodeled_partition_schema");
    execute(url, "create schema parts",
        "create table events (id bigint not null) partition by hash (id)",
        "create table parts.events_00 partition of events for values with (modulus 2, remainder 0)",
        "create table events_01 partition of events for values with (modulus 2, remainder 1)");
    try (Connection c = PgUrl.parse(url).connect()) {
      assertThat(UnmodeledObjects.list(c, IntrospectOptions.all())).extracting(Object::toString)
          .containsExactly("partition in another schema parts.events_00 of public.events");
    }
  }

  @Test
  void aChangedCommentOnThePublicSchemaIsModeledNotListed(PgTestContext pg) throws Exception {
    // real schema: the Sakila pg_dump of jOOQ/sakila says COMMENT ON SCHEMA public IS 'Standard public schema'
    String url = pg.server().createDatabase("unmodeled_public_comment");
    try (Connection c = PgUrl.parse(url).connect()) {
      assertThat(dev.sluice.kit.introspect.Introspector.introspect(c, IntrospectOptions.all()).schemaComments())
          .as("PostgreSQL's own comment is not part of the model").isEmpty();
    }
    execute(url, "comment on schema public is 'Standard public schema'");
    try (Connection c = PgUrl.parse(url).connect()) {
      assertThat(UnmodeledObjects.list(c, IntrospectOptions.all())).isEmpty();
      assertThat(dev.sluice.kit.introspect.Introspector.introspect(c, IntrospectOptions.all()).schemaComments())
          .containsExactly(java.util.Map.entry("public", "Standard public schema"));
    }
    execute(url, "comment on schema public is null");
    try (Connection c = PgUrl.parse(url).connect()) {
      assertThat(dev.sluice.kit.introspect.Introspector.introspect(c, IntrospectOptions.all()).schemaComments())
          .as("no comment at all is a deviation too").containsExactly(java.util.Map.entry("public", ""));
    }
  }

  @Test
  void aGrantWithGrantOptionIsListedNotReadAsAPlainGrant(PgTestContext pg) throws Exception {
    String url = pg.server().createDatabase("unmodeled_grant_option");
    execute(url, "do $$ begin if not exists (select 1 from pg_roles where rolname = 'unmodeled_delegate') then"
            + " create role unmodeled_delegate; end if; end $$",
        "create schema g", "create table g.t (id int, secret text)",
        "create function g.f() returns int language sql as $$ select 1 $$",
        "grant select on g.t to unmodeled_delegate with grant option",
        "grant update (secret) on g.t to unmodeled_delegate with grant option",
        "grant usage on schema g to unmodeled_delegate with grant option",
        "grant execute on function g.f() to unmodeled_delegate with grant option",
        "grant insert on g.t to unmodeled_delegate");
    try (Connection c = PgUrl.parse(url).connect()) {
      assertThat(UnmodeledObjects.list(c, IntrospectOptions.all())).extracting(Object::toString)
          .as("the owner's own grant option and a plain grant are not listed")
          .containsExactlyInAnyOrder("grant option SELECT on g.t to unmodeled_delegate",
              "grant option UPDATE (secret) on g.t to unmodeled_delegate",
              "grant option USAGE on schema g to unmodeled_delegate",
              "grant option EXECUTE on g.f() to unmodeled_delegate");
    }
  }

  @Test
  void aDatabaseOfOnlyModeledObjectsListsNothing(PgTestContext pg) throws Exception {
    String url = pg.server().createDatabase("unmodeled_none");
    execute(url, "create type mood as enum ('a', 'b')", "create domain posint as int check (value > 0)",
        "create sequence counter", "create table t (id serial primary key, m mood, p posint)",
        "create view v as select id from t", "create materialized view mv as select id from t",
        "create index t_m_idx on t (m)", "alter table t enable row level security",
        "create policy p on t using (true)", "create extension if not exists pg_trgm",
        "create table pay (id int not null, t_id int, at date not null) partition by range (at)",
        "create index pay_at_idx on pay (at)",
        "create table pay_2024 partition of pay for values from ('2024-01-01') to ('2025-01-01')",
        "create index pay_2024_t_id_idx on pay_2024 (t_id)",
        "alter table pay_2024 add constraint pay_2024_t_id_fkey foreign key (t_id) references t (id)");
    try (Connection c = PgUrl.parse(url).connect()) {
      assertThat(UnmodeledObjects.list(c, IntrospectOptions.all())).isEmpty();
    }
  }

  static void execute(String url, String... sql) throws Exception {
    try (Connection c = PgUrl.parse(url).connect(); Statement st = c.createStatement()) {
      for (String s : sql) st.execute(s);
    }
  }
}
