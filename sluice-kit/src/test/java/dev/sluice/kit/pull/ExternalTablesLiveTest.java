package dev.sluice.kit.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Supabase's case: {@code public} tables reference {@code auth.users} and call {@code auth.uid()} in
 * policies, and {@code auth} belongs to the platform. Pulled with {@code schemas = public}, the
 * referenced table becomes an external table: the generated code compiles to the same model, its
 * DDL creates everything but {@code auth}, and pg_dump of the recreation equals the source.
 */
class ExternalTablesLiveTest {
  static final String PLATFORM = """
      CREATE SCHEMA auth;
      CREATE TABLE auth.users (id uuid PRIMARY KEY, email text UNIQUE, raw jsonb, created_at timestamptz DEFAULT now());
      CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE
        AS $$ SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$;
      """;

  static final String APP = """
      CREATE TABLE public.profiles (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
        contact text REFERENCES auth.users (email),
        name text
      );
      ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;
      CREATE POLICY own ON public.profiles FOR ALL USING (user_id = auth.uid());
      INSERT INTO auth.users (id, email, created_at) VALUES ('00000000-0000-0000-0000-000000000001', 'a@x', '2024-01-01Z');
      INSERT INTO public.profiles (user_id, contact, name) VALUES ('00000000-0000-0000-0000-000000000001', 'a@x', 'Ann');
      """;

  @Test
  void aPullWithoutTheAuthSchemaKeepsAuthUsersExternalAndRecreatesTheRestExactly() throws Exception {
    assumeTrue(PgCluster.unavailableReason() == null, PgCluster.unavailableReason());
    try (PgCluster pg = PgCluster.startPrimary("objcext")) {
      pg.execute("CREATE DATABASE src");
      pg.execute("CREATE DATABASE dst");
      String src = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/src?user=postgres";
      String dst = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/dst?user=postgres";
      run(src, PLATFORM + APP);
      run(dst, PLATFORM + "INSERT INTO auth.users (id, email, created_at) VALUES ('00000000-0000-0000-0000-000000000001', 'a@x', '2024-01-01Z');");

      SchemaModel live = introspect(src, IntrospectOptions.schemas("public"));
      assertThat(live.tables()).extracting(t -> t.schema() + "." + t.name()).containsExactly("public.profiles");
      assertThat(live.externalTables()).singleElement().satisfies(t -> {
        assertThat(t.schema() + "." + t.name()).isEqualTo("auth.users");
        assertThat(t.primaryKey().columns()).containsExactly("id");
        assertThat(t.uniques()).singleElement().satisfies(u -> assertThat(u.columns()).containsExactly("email"));
      });

      Map<String, String> sources = JavaSchemaGenerator.generate(live, "app.db");
      SchemaModel code = GeneratedSchema.roundTrip(live, "app.db");
      assertThat(code).isEqualTo(live);
      assertThat(sources.get("app/db/Users.java")).contains("external();");

      List<String> ddl = DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, code));
      assertThat(ddl).noneMatch(s -> s.contains("CREATE SCHEMA auth") || s.startsWith("CREATE TABLE auth.users"));
      run(dst, String.join(";\n", ddl) + ";\n"
          + "INSERT INTO public.profiles (user_id, contact, name) VALUES ('00000000-0000-0000-0000-000000000001', 'a@x', 'Ann')");
      assertThat(introspect(dst, IntrospectOptions.schemas("public"))).isEqualTo(live);
      assertThat(dump(pg, "dst")).as("pg_dump of the recreation").isEqualTo(dump(pg, "src"));

    }
  }

  private static void run(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static SchemaModel introspect(String url, IntrospectOptions options) throws Exception {
    try (Connection c = DriverManager.getConnection(url)) {
      return Introspector.introspect(c, options);
    }
  }

  private static String dump(PgCluster pg, String db) throws Exception {
    PgCluster.Result r = PgCluster.run(PgCluster.command("pg_dump", "-h", "127.0.0.1", "-p", String.valueOf(pg.port()),
        "-U", "postgres", "--no-owner", "--no-privileges", db), PgCluster.WAIT);
    assertThat(r.exit()).as(r.output()).isZero();
    return r.output().replaceAll("(?m)^\\\\(un)?restrict .*$", "\\\\$1restrict KEY");
  }
}
