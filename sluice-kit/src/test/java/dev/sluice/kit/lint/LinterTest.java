package dev.sluice.kit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.schema.model.ColumnModel;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.schema.model.TableModel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LinterTest {
  /** Unknown existing tables (all assumed existing), no previous model, lock_timeout not demanded. */
  private static final LintContext CTX = LintContext.defaults().withLockTimeoutRequired(false);
  private static final String NO_TX = "-- sluice:no-transaction\n";

  private static final SchemaModel PREVIOUS = new SchemaModel(null, null, null, null, null, null, List.of(
      new TableModel("public", "users", List.of(ColumnModel.of("id", "integer"), ColumnModel.of("name",
          "character varying(100)"), ColumnModel.of("email", "text"), ColumnModel.of("price", "numeric(10,2)"),
          ColumnModel.of("big", "bigint"), ColumnModel.of("seen", "timestamp with time zone")), null, null, null, null,
          null, null, null, false, false, null, null)), null, null);
  private static final LintContext PREV = LintContext.forGenerated(PREVIOUS);

  private static List<LintFinding> lint(String sql) {
    return Linter.lint(sql, CTX);
  }

  private static List<String> codes(String sql) {
    return codes(sql, CTX);
  }

  private static List<String> codes(String sql, LintContext ctx) {
    return Linter.lint(sql, ctx).stream().map(LintFinding::code).toList();
  }

  private static LintFinding only(String sql, String code) {
    return only(sql, code, CTX);
  }

  private static LintFinding only(String sql, String code, LintContext ctx) {
    List<LintFinding> found = Linter.lint(sql, ctx).stream().filter(f -> f.code().equals(code)).toList();
    assertThat(found).as("findings %s for %s", code, sql).hasSize(1);
    return found.get(0);
  }

  @Nested
  class Destructive {
    @Test
    void ds101DropTableIsAnErrorThatNamesTheTable() {
      LintFinding f = only("drop table users cascade", "DS101");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.message()).contains("DROP TABLE users", "every row", "CASCADE", "later migration");
    }

    @Test
    void ds101IgnoresATableTheMigrationCreated() {
      assertThat(codes("create table tmp (id int);\ndrop table tmp;")).isEmpty();
    }

    @Test
    void ds102DropColumn() {
      assertThat(only("alter table users drop column email", "DS102").message())
          .contains("DROP COLUMN email", "users", "expand/contract");
    }

    @Test
    void ds102NotForDropConstraint() {
      assertThat(codes("alter table users drop constraint users_email_key")).isEmpty();
    }

    @Test
    void ds103DropSchemaCascade() {
      LintFinding f = only("drop schema if exists legacy cascade", "DS103");
      assertThat(f.message()).contains("legacy", "CASCADE", "every table");
    }

    @Test
    void ds103NotForCreateSchema() {
      assertThat(codes("create schema legacy")).isEmpty();
    }

    @Test
    void ds104Truncate() {
      assertThat(only("truncate table users restart identity", "DS104").message())
          .contains("TRUNCATE users", "ACCESS EXCLUSIVE", "DELETE");
    }

    @Test
    void ds104NotForATableCreatedInTheMigration() {
      assertThat(codes("create table staging (id int); truncate staging;")).isEmpty();
    }

    @Test
    void ds105DropTypeAndDeleteFromPgEnum() {
      assertThat(only("drop type mood", "DS105").severity()).isEqualTo(Severity.WARNING);
      assertThat(only("drop type mood cascade", "DS105").severity()).isEqualTo(Severity.ERROR);
      assertThat(only("delete from pg_catalog.pg_enum where enumlabel = 'sad'", "DS105").message())
          .contains("pg_enum", "recreate the type");
    }

    @Test
    void ds105NotForAddingAnEnumValueOrDeletingRows() {
      assertThat(codes("alter type mood add value 'meh' after 'ok'; delete from enums where x = 1")).isEmpty();
    }
  }

  @Nested
  class DataDependent {
    @Test
    void mf101AddNotNullColumnWithoutDefault() {
      LintFinding f = only("alter table users add column age int not null", "MF101");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.message()).contains("NOT NULL without a default", "CHECK (age IS NOT NULL) NOT VALID", "VALIDATE");
    }

    @Test
    void mf101SetNotNullIsAWarningWithTheCheckConstraintRecipe() {
      LintFinding f = only("alter table users alter column email set not null", "MF101");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.message()).contains("ACCESS EXCLUSIVE", "CHECK (email IS NOT NULL) NOT VALID", "SET NOT NULL");
    }

    @Test
    void mf101NotWhenTheColumnGetsAValue() {
      assertThat(codes("alter table users add column age int not null default 0")).isEmpty();
      assertThat(codes("alter table users add column n int")).isEmpty();
      assertThat(codes("alter table users add column n int default null")).isEmpty();
    }

    @Test
    void mf102UniqueConstraintAndUniqueIndex() {
      assertThat(only("alter table users add constraint users_email_key unique (email)", "MF102").message())
          .contains("duplicates", "ACCESS EXCLUSIVE", "USING INDEX");
      assertThat(codes(NO_TX + "create unique index concurrently users_email_idx on users (email)"))
          .containsExactly("MF102");
    }

    @Test
    void mf102NotForUniqueUsingAnExistingIndex() {
      assertThat(codes("alter table users add constraint users_email_key unique using index users_email_idx"))
          .isEmpty();
    }

    @Test
    void mf103NarrowingKnownFromThePreviousModel() {
      LintFinding f = only("alter table users alter column name type varchar(50)", "MF103", PREV);
      assertThat(f.message()).contains("narrows", "character varying(100)", "longer than 50");
      assertThat(codes("alter table users alter column big type int", PREV)).contains("MF103", "LK106");
      assertThat(codes("alter table users alter column price type numeric(8,2)", PREV)).contains("MF103");
      assertThat(codes("alter table users alter column price type numeric(12,1)", PREV)).contains("MF103");
      assertThat(codes("alter table users alter column email type varchar(20)", PREV)).contains("MF103");
    }

    @Test
    void mf103NotForWidening() {
      assertThat(codes("alter table users alter column name type varchar(200)", PREV)).isEmpty();
      assertThat(codes("alter table users alter column name type text", PREV)).isEmpty();
      assertThat(codes("alter table users alter column price type numeric(12,2)", PREV)).isEmpty();
    }

    @Test
    void mf104TypeChangeWithUsing() {
      assertThat(only("alter table users alter column big set data type int using big::int", "MF104").message())
          .contains("TYPE integer on users", "USING", "may fail", "expand/contract");
      assertThat(only("alter table \"Users\" alter column \"Name\" type varchar(10) collate \"C\" using \"Name\"::"
          + "varchar(10)", "MF104").message()).contains("ALTER COLUMN Name TYPE character varying(10) on \"Users\"");
    }

    @Test
    void mf104NotWithoutUsing() {
      assertThat(codes("alter table users alter column name type text", PREV)).doesNotContain("MF104");
    }
  }

  @Nested
  class Locking {
    @Test
    void lk101IndexWithoutConcurrently() {
      LintFinding f = only("create index users_email_idx on users (email)", "LK101");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.message()).contains("SHARE lock", "blocks INSERT, UPDATE and DELETE", "CONCURRENTLY",
          "sluice:no-transaction");
    }

    @Test
    void lk101NotWithConcurrentlyOrOnANewTable() {
      assertThat(codes(NO_TX + "create index concurrently if not exists i on users using gin (tags)")).isEmpty();
      assertThat(codes("create table t (id int);\ncreate index on t (id);")).isEmpty();
    }

    @Test
    void lk102DropIndexWithoutConcurrently() {
      assertThat(only("drop index if exists users_email_idx", "LK102").message())
          .contains("ACCESS EXCLUSIVE", "DROP INDEX CONCURRENTLY users_email_idx");
    }

    @Test
    void lk102NotWithConcurrentlyOrForAnIndexCreatedInTheMigration() {
      assertThat(codes(NO_TX + "drop index concurrently users_email_idx")).isEmpty();
      assertThat(codes("create table t (id int); create index t_idx on t (id); drop index t_idx;")).isEmpty();
    }

    @Test
    void lk103ForeignKeyWithoutNotValid() {
      LintFinding f = only("alter table orders add constraint orders_user_fk foreign key (user_id)"
          + " references users (id)", "LK103");
      assertThat(f.message()).contains("SHARE ROW EXCLUSIVE", "NOT VALID", "VALIDATE CONSTRAINT orders_user_fk",
          "separate migration");
    }

    @Test
    void lk103NotWithNotValidNorForValidate() {
      assertThat(codes("alter table orders add constraint fk foreign key (user_id) references users (id) not valid;"
          + "\nalter table orders validate constraint fk;")).isEmpty();
    }

    @Test
    void lk104CheckWithoutNotValid() {
      assertThat(only("alter table users add constraint price_positive check (price > 0)", "LK104").message())
          .contains("ACCESS EXCLUSIVE", "NOT VALID", "VALIDATE CONSTRAINT price_positive");
    }

    @Test
    void lk104CheckAddedToAnExistingDomainWithoutNotValid() {
      assertThat(only("alter domain app.code add constraint code_len check (length(VALUE) < 10)", "LK104").message())
          .contains("every stored value of every column of the domain", "NOT VALID",
              "ALTER DOMAIN app.code VALIDATE CONSTRAINT code_len");
      assertThat(codes("alter domain app.code add constraint code_len check (length(VALUE) < 10) not valid;"
          + "\nalter domain app.code validate constraint code_len")).isEmpty();
      assertThat(codes("create domain app.code as text; alter domain app.code add constraint c check (VALUE <> '')"))
          .isEmpty();
      assertThat(codes("alter domain app.code set not null")).doesNotContain("LK104");
    }

    @Test
    void lk104NotWithNotValid() {
      assertThat(codes("alter table users add constraint p check (price > 0) not valid")).isEmpty();
    }

    @Test
    void lk105VolatileDefaultRewrites() {
      LintFinding f = only("alter table users add column token uuid not null default gen_random_uuid()", "LK105");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.message()).contains("rewrites", "gen_random_uuid()", "ACCESS EXCLUSIVE", "backfill");
      assertThat(codes("alter table users add column n bigserial")).containsExactly("LK105");
      assertThat(codes("alter table users add column n int generated always as identity")).containsExactly("LK105");
      assertThat(codes("alter table users add column r float8 default random() * 10")).containsExactly("LK105");
    }

    @Test
    void lk105NotForStableOrConstantDefaultsAndInfoForUnknownFunctions() {
      assertThat(codes("alter table users add column at timestamptz not null default now()")).isEmpty();
      assertThat(codes("alter table users add column at timestamptz default current_timestamp")).isEmpty();
      assertThat(codes("alter table users add column s varchar(10) default 'x'::varchar(10)")).isEmpty();
      assertThat(only("alter table users add column s text default my_fn()", "LK105").severity())
          .isEqualTo(Severity.INFO);
    }

    @Test
    void lk106TypeChangeThatRewrites() {
      LintFinding f = only("alter table users alter column id type bigint", "LK106", PREV);
      assertThat(f.message()).contains("rewrites the table", "ACCESS EXCLUSIVE", "new column");
      assertThat(only("alter table users alter column id type bigint", "LK106").message())
          .contains("previous type is unknown");
    }

    @Test
    void lk106NotForBinaryCompatibleWidening() {
      assertThat(codes("alter table users alter column name type varchar(255)", PREV)).isEmpty();
      assertThat(codes("alter table users alter column name type text", PREV)).isEmpty();
      assertThat(codes("alter table users alter column email type varchar", PREV)).isEmpty();
      assertThat(codes("alter table users alter column price type numeric(14,2)", PREV)).isEmpty();
      assertThat(codes("alter table users alter column price type numeric", PREV)).isEmpty();
    }

    @Test
    void lk107LockWithoutLockTimeoutWhenRequired() {
      LintContext strictTimeout = LintContext.defaults();
      LintFinding f = only("alter table users add column n int;\nalter table users add column m int;", "LK107",
          strictTimeout);
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.line()).isEqualTo(1);
      assertThat(f.message()).contains("ACCESS EXCLUSIVE", "SET lock_timeout", "queues");
      assertThat(codes("set lock_timeout = 0; alter table users add column n int", strictTimeout))
          .containsExactly("LK107");
    }

    @Test
    void lk107NotWhenSetFirstOrNotRequiredOrOnlyNewTables() {
      LintContext strictTimeout = LintContext.defaults();
      assertThat(codes("set lock_timeout = '5s';\nalter table users add column n int;", strictTimeout)).isEmpty();
      assertThat(codes("set local lock_timeout to 2000; alter table users add column n int", strictTimeout))
          .isEmpty();
      assertThat(codes("select set_config('lock_timeout', '3s', false); alter table users add column n int",
          strictTimeout)).isEmpty();
      assertThat(codes("create table t (id int); alter table t add column n int", strictTimeout)).isEmpty();
      assertThat(codes("alter table users add column n int", LintContext.forGenerated(null))).isEmpty();
      assertThat(codes("alter table users validate constraint fk", strictTimeout)).isEmpty();
    }

    @Test
    void lk108ConcurrentlyInATransactionalMigration() {
      LintFinding f = only("create index concurrently i on users (email)", "LK108");
      assertThat(f.message()).contains("transaction block", "-- sluice:no-transaction");
      assertThat(codes("drop index concurrently i")).containsExactly("LK108");
      assertThat(codes("reindex index concurrently i")).containsExactly("LK108");
      assertThat(codes("vacuum analyze users")).containsExactly("LK108");
    }

    @Test
    void lk108NotWhenMarkedNoTransaction() {
      assertThat(codes("-- a comment\n--   sluice:no-transaction\n\ncreate index concurrently i on users (email);"
          + "\nvacuum users;")).isEmpty();
    }

    @Test
    void lk109PrimaryKeyWithoutUsingIndex() {
      assertThat(only("alter table users add constraint users_pkey primary key (id)", "LK109").message())
          .contains("ACCESS EXCLUSIVE", "CREATE UNIQUE INDEX CONCURRENTLY", "USING INDEX");
    }

    @Test
    void lk109NotWithUsingIndex() {
      assertThat(codes("alter table users add constraint users_pkey primary key using index users_id_idx")).isEmpty();
    }

    @Test
    void lk110VacuumFullAndCluster() {
      assertThat(only(NO_TX + "vacuum (full, analyze) users", "LK110").message())
          .contains("ACCESS EXCLUSIVE", "pg_repack");
      assertThat(codes(NO_TX + "vacuum full users")).containsExactly("LK110");
      assertThat(codes("cluster users using users_pkey")).containsExactly("LK110");
    }

    @Test
    void lk110NotForPlainVacuum() {
      assertThat(codes(NO_TX + "vacuum (analyze) users")).isEmpty();
      assertThat(codes(NO_TX + "vacuum (full false) users")).isEmpty();
    }

    @Test
    void lk111RefreshWithoutConcurrently() {
      assertThat(only("refresh materialized view stats", "LK111").message())
          .contains("ACCESS EXCLUSIVE", "REFRESH MATERIALIZED VIEW CONCURRENTLY stats");
    }

    @Test
    void lk111NotWithConcurrentlyOrForANewView() {
      assertThat(codes("refresh materialized view concurrently stats")).isEmpty();
      assertThat(codes("create materialized view s as select 1 with no data; refresh materialized view s;"))
          .isEmpty();
    }
  }

  @Nested
  class BackwardIncompatible {
    @Test
    void bc101RenameTable() {
      assertThat(only("alter table users rename to customers", "BC101").message())
          .contains("users", "customers", "running");
    }

    @Test
    void bc101NotForANewTable() {
      assertThat(codes("create table a (id int); alter table a rename to b; create index on b (id);")).isEmpty();
    }

    @Test
    void bc102RenameColumn() {
      assertThat(only("alter table users rename column name to full_name", "BC102").message())
          .contains("name", "full_name", "expand/contract");
    }

    @Test
    void bc102NotForRenameConstraint() {
      assertThat(codes("alter table users rename constraint a to b")).isEmpty();
    }

    @Test
    void bc103DropOfSomethingThePreviousSchemaHad() {
      assertThat(codes("alter table users drop column email", PREV)).containsExactly("DS102", "BC103");
      assertThat(codes("drop table users", PREV)).containsExactly("DS101", "BC103");
      assertThat(only("alter table users drop column email", "BC103", PREV).message()).contains("previous schema");
    }

    @Test
    void bc103NotWithoutPreviousModelOrForUnknownColumns() {
      assertThat(codes("alter table users drop column email")).containsExactly("DS102");
      assertThat(codes("alter table users drop column nickname", PREV)).containsExactly("DS102");
    }

    @Test
    void bc104RenameEnumValue() {
      assertThat(only("alter type mood rename value 'sad' to 'blue'", "BC104").message())
          .contains("'sad'", "'blue'", "stored row");
    }

    @Test
    void bc104NotForRenamingTheType() {
      assertThat(codes("alter type mood rename to mood_old")).isEmpty();
    }
  }

  @Test
  void suppressionCommentAboveTheStatementSilencesTheNamedCodesOnly() {
    String sql = "-- sluice:lint-ignore LK101 reviewed: table is tiny\ncreate index on users (email);\n"
        + "-- sluice:lint-ignore DS101\ncreate index on users (name);\n"
        + "-- sluice:lint-ignore\ndrop table users;";
    List<LintFinding> found = lint(sql);
    assertThat(found).extracting(LintFinding::code).containsExactly("LK101");
    assertThat(found.get(0).line()).isEqualTo(4);
    assertThat(codes("-- sluice:lint-ignore LK101, MF102\ncreate unique index on users (email)")).isEmpty();
  }

  @Test
  void tablesCreatedEarlierInTheMigrationAreExemptFromLockingAndDataRules() {
    String sql = "create table app.orders (id bigint primary key, user_id bigint);\n"
        + "alter table app.orders add column total numeric not null;\n"
        + "alter table app.orders add constraint fk foreign key (user_id) references users (id);\n"
        + "alter table app.orders add constraint c check (total >= 0);\n"
        + "alter table app.orders alter column total type numeric(10,2) using total::numeric(10,2);\n"
        + "create index on app.orders (user_id);\n"
        + "alter table app.orders add column token uuid default gen_random_uuid();\n";
    assertThat(Linter.lint(sql, LintContext.defaults())).isEmpty();
    // same name in another schema is a different, existing table
    assertThat(codes(sql + "create index on orders (user_id);")).containsExactly("LK101");
  }

  @Test
  void existingTablesFromTheContextLimitWhatIsConsideredLive() {
    LintContext ctx = CTX.withExistingTables(Set.of("public.users", "audit"));
    assertThat(codes("create index on logs (at)", ctx)).isEmpty();
    assertThat(codes("create index on users (email); create index on audit (at)", ctx))
        .containsExactly("LK101", "LK101");
  }

  @Test
  void multiStatementFileReportsTheLineOfEachFinding() {
    String sql = "-- 0003_orders\n"
        + "set lock_timeout = '5s';\n"
        + "\n"
        + "create index orders_user_idx\n"
        + "  on orders (user_id);\n"
        + "alter table orders\n"
        + "  add column note text,\n"
        + "  add constraint total_positive check (total > 0);\n"
        + "drop table old_orders;\n";
    List<LintFinding> found = Linter.lint(sql, LintContext.defaults());
    assertThat(found).extracting(LintFinding::code).containsExactly("LK101", "LK104", "DS101");
    assertThat(found).extracting(LintFinding::line).containsExactly(4, 8, 9);
    assertThat(found.get(2).statement()).isEqualTo("drop table old_orders");
  }

  @Test
  void dollarQuotedBodiesStringsAndQuotedNamesAreNotLintedAsStatements() {
    String sql = "create function purge() returns void language plpgsql as $body$\n"
        + "begin\n  drop table users;\n  truncate orders;\n  create index on users (email);\nend\n$body$;\n"
        + "do $$ begin execute 'drop table users'; end $$;\n"
        + "insert into notes (body) values ('drop table users; truncate x');\n"
        + "create table \"Drop Table\" (\"drop\" int);\n"
        + "comment on table users is 'alter table users drop column email';\n";
    assertThat(lint(sql)).isEmpty();
  }

  @Test
  void quotedIdentifiersKeepTheirCaseWhenMatchingNewTables() {
    assertThat(codes("create table \"Users\" (id int); create index on \"Users\" (id);")).isEmpty();
    assertThat(only("create table \"Users\" (id int); create index on users (id);", "LK101").message())
        .contains("users");
  }

  @Test
  void everyRuleHasACodeTitleAndExplanation() {
    assertThat(LintRule.values()).hasSize(25);
    for (LintRule r : LintRule.values()) {
      assertThat(r.code()).matches("(DS|MF|LK|BC|RL)1\\d\\d");
      assertThat(r.title()).isNotBlank();
      assertThat(r.explanation()).hasSizeGreaterThan(60);
    }
    assertThat(LintRule.markdownTable()).contains("| LK107 | error |");
  }

  @Test
  void truncatedOrOddStatementsNeverThrow() {
    for (String sql : List.of("alter table", "alter table users", "alter table users add", "alter table users alter",
        "alter table users alter column x type", "create index", "create unique index on", "drop", "drop table",
        "drop index concurrently", "alter type", "alter type t rename value", "vacuum (", "cluster", "set lock_timeout",
        "select set_config(", "create table \"\" (id int); create index on \"\" (id)", "alter table t add column",
        "refresh materialized view", "truncate", "'unterminated", "$$ never closed", "alter table users rename",
        "alter table users rename column", "delete from", "reindex")) {
      assertThat(Linter.lint(sql, LintContext.defaults().withPrevious(PREVIOUS))).as(sql).isNotNull();
    }
  }
}
