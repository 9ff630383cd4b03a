package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.schema.Schema;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.Javac;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@PgTest
class PullAndLintCommandTest {
  @Test
  void pullWritesJavaThatCompilesToTheIntrospectedModel(PgTestContext pg, @TempDir Path out) throws Exception {
    pg.execute("create type mood as enum ('happy', 'so-so')",
        "create table authors (id bigint generated always as identity primary key, name text not null unique, mood mood)",
        "create table books (id serial primary key, author_id bigint not null references authors on delete cascade,"
            + " title varchar(200) not null, tags text[] default '{}', price numeric(8,2) check (price >= 0))",
        "create index books_title_idx on books (lower(title))");
    Cli.Run r = Cli.run("pull", "--url", pg.jdbcUrl(), "--package", "com.example.db", "--out", out.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("pulled 2 table(s), 1 enum(s)");

    Map<String, String> sources = new HashMap<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String rel = out.relativize(f).toString();
        sources.put(rel.substring(0, rel.length() - 5).replace('/', '.'), Files.readString(f));
      }
    }
    ClassLoader loader = Javac.compileAndLoad(sources);
    Schema schema = (Schema) loader.loadClass("com.example.db.DatabaseSchema").getMethod("schema").invoke(null);
    try (Connection c = pg.connect()) {
      SchemaModel live = Introspector.introspect(c, IntrospectOptions.all());
      assertThat(schema.toModel()).isEqualTo(live);
    }
  }

  @Test
  void pullWithABadUrlIsAUsageError(@TempDir Path out) {
    Cli.Run r = Cli.run("pull", "--url", "mysql://x/y", "--package", "p", "--out", out.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("not a PostgreSQL URL");
  }

  @Test
  void lintReportsFindingsWithFileAndLineAndFailsOnErrors(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("0002_risky.sql");
    Files.writeString(f, "alter table users add column age int;\n\ncreate index users_age_idx on users (age);\ndrop table old_stuff;\n");
    Cli.Run r = Cli.run("lint", "--no-lock-timeout-check", f.toString());
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.out()).contains("0002_risky.sql:3 LK101").contains("0002_risky.sql:4 DS101");

    Path safe = dir.resolve("0003_safe.sql");
    Files.writeString(safe, "create table t (id int primary key);\ncreate index t_id2 on t (id);\n");
    Cli.Run ok = Cli.run("lint", "--no-lock-timeout-check", "--strict", safe.toString());
    assertThat(ok.exit()).as(ok.toString()).isZero();
    assertThat(ok.out()).contains("no findings");

    Cli.Run json = Cli.run("lint", "--json", "--no-lock-timeout-check", f.toString());
    assertThat(json.out()).contains("\"code\"").contains("LK101");
  }
}
