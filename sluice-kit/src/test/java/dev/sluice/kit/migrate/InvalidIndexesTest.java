package dev.sluice.kit.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** Which index a CREATE INDEX statement names, folded as PostgreSQL folds identifiers. */
class InvalidIndexesTest {
  private static InvalidIndexes.Target target(String sql) {
    return InvalidIndexes.target(new SqlStatement(sql, 1, 0));
  }

  @Test
  void aConcurrentIfNotExistsIndexIsFoundWithItsTableAsWritten() {
    InvalidIndexes.Target t = target("-- why\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS Items_V ON app.\"Items\" USING btree (v)");
    assertThat(t.name()).isEqualTo("items_v");
    assertThat(t.tableText()).isEqualTo("app.\"Items\"");
    assertThat(t.concurrently()).isTrue();
    assertThat(t.ifNotExists()).isTrue();
  }

  @Test
  void aQuotedIndexNameKeepsItsCase() {
    assertThat(target("create index \"Odd \"\"Name\" on t (v)").name()).isEqualTo("Odd \"Name");
  }

  @Test
  void anUnnamedIndexHasNoNameToCheckAndOtherStatementsNoTarget() {
    InvalidIndexes.Target t = target("create index concurrently on t (v)");
    assertThat(t.name()).isNull();
    assertThat(t.tableText()).isEqualTo("t");
    assertThat(target("create table t (id int)")).isNull();
    assertThat(target("create index p_v on only p (v)")).as("partitioned parent alone: INVALID on purpose").isNull();
  }

  @Test
  void dropIndexNamesAreFoldedWithoutTheirSchema() {
    assertThat(InvalidIndexes.droppedIndexNames("DROP INDEX CONCURRENTLY IF EXISTS public.A, \"B\" CASCADE"))
        .containsExactly("a", "B");
    assertThat(InvalidIndexes.droppedIndexNames("drop table a")).isEmpty();
  }
}
