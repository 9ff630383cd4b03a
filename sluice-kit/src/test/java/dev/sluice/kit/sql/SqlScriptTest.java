package dev.sluice.kit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void splitsOnSemicolonsAndReportsStartLines() {
    List<SqlStatement> s = SqlScript.split("create table a (id int);\n\n-- comment\ncreate index on a (id);\n");
    assertThat(s).extracting(SqlStatement::text).containsExactly("create table a (id int)", "create index on a (id)");
    assertThat(s).extracting(SqlStatement::line).containsExactly(1, 4);
  }

  @Test
  void semicolonsInsideParenthesesDoNotSplitAsInPsql() {
    List<SqlStatement> s = SqlScript.split("create rule r as on delete to t do instead (\n  update t set x = 1; insert into l values (';')\n);\n"
        + "select 1;");
    assertThat(s).extracting(SqlStatement::text).containsExactly(
        "create rule r as on delete to t do instead (\n  update t set x = 1; insert into l values (';')\n)", "select 1");
    assertThat(s).extracting(SqlStatement::line).containsExactly(1, 4);
  }

  @Test
  void semicolonsInsideLiteralsIdentifiersDollarQuotesAndCommentsDoNotSplit() {
    String script = "insert into t values ('a;b', E'c\\';d');\n"
        + "create table \"x;y\" (id int);\n"
        + "create function f() returns int language plpgsql as $body$ begin return 1; end $body$;\n"
        + "do $$ begin perform 1; end $$;\n"
        + "select 1 /* a; /* nested; */ still; */ ;\n"
        + "select $1::int";
    List<SqlStatement> s = SqlScript.split(script);
    assertThat(s).hasSize(6);
    assertThat(s.get(0).text()).isEqualTo("insert into t values ('a;b', E'c\\';d')");
    assertThat(s.get(2).text()).endsWith("end $body$");
    assertThat(s.get(5).text()).isEqualTo("select $1::int");
  }

  @Test
  void headGivesTheLeadingKeywordsWithoutComments() {
    SqlStatement st = SqlScript.split("/* x */ create  unique\nindex concurrently i on t(a);").get(0);
    assertThat(st.head(4)).isEqualTo("CREATE UNIQUE INDEX CONCURRENTLY");
  }

  @Test
  void onlyCommentsGiveNoStatements() {
    assertThat(SqlScript.split("-- nothing\n/* here */\n;;")).isEmpty();
  }
}
