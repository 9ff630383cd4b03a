package dev.sluice.kit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The safe alternatives the MF101 and LK103 messages recommend run on PostgreSQL as written, and the
 * linter itself has nothing to say about them (apart from the lock_timeout they set).
 */
@PgTest
class LintSafeAlternativesLiveTest {
  @Test
  void notNullViaValidatedCheckThenSetNotNull(PgTestContext pg) throws Exception {
    pg.execute("create table people (id int primary key, email text)",
        "insert into people values (1, 'a@x'), (2, null)");
    String step1 = "set lock_timeout = '5s';\n"
        + "update people set email = 'unknown' where email is null;\n"
        + "alter table people add constraint email_not_null check (email is not null) not valid;\n";
    String step2 = "set lock_timeout = '5s';\n"
        + "alter table people validate constraint email_not_null;\n";
    assertThat(Linter.lint(step1, LintContext.defaults())).isEmpty();
    assertThat(Linter.lint(step2, LintContext.defaults())).isEmpty();
    String step3 = "set lock_timeout = '5s';\nalter table people alter column email set not null;\n"
        + "alter table people drop constraint email_not_null;\n";
    assertThat(Linter.lint(step3, LintContext.defaults())).extracting(LintFinding::code).containsExactly("MF101");
    pg.execute(step1, step2, step3);
    try (Connection c = pg.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select attnotnull from pg_attribute where attrelid = 'people'::regclass"
            + " and attname = 'email'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).isTrue();
    }
  }

  @Test
  void foreignKeyNotValidThenValidateInASeparateMigration(PgTestContext pg) throws Exception {
    pg.execute("create table customers (id int primary key)", "create table invoices (id int, customer_id int)",
        "insert into customers values (1)", "insert into invoices values (10, 1)");
    String add = "set lock_timeout = '5s';\nalter table invoices add constraint invoices_customer_fk"
        + " foreign key (customer_id) references customers (id) not valid;\n";
    String validate = "set lock_timeout = '5s';\nalter table invoices validate constraint invoices_customer_fk;\n";
    assertThat(Linter.lint(add, LintContext.defaults())).isEmpty();
    assertThat(Linter.lint(validate, LintContext.defaults())).isEmpty();
    pg.execute(add, validate);
    try (Connection c = pg.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select convalidated from pg_constraint where conname = 'invoices_customer_fk'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).isTrue();
    }
  }
}
