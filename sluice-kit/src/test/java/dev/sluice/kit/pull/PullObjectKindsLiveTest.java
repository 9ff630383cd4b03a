package dev.sluice.kit.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.kit.diff.DdlRenderer;
import dev.sluice.kit.diff.Differ;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.introspect.Introspector;
import dev.sluice.schema.CompositeType;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.Javac;
import dev.sluice.test.PgCluster;
import dev.sluice.types.DataType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A database using composite types (nested, arrays of them, enum and collated attributes, rows
 * stored) and table options (UNLOGGED, storage parameters, every replica identity, CLUSTER ON an index
 * and a primary key), with a domain
 * of two checks: pull writes Java that compiles to the same model, creating that model in an empty
 * database gives the same catalog, rows copied through the generated records' codecs are the same
 * values, and pg_dump of both databases (schema and data) is identical. Runs on a throwaway
 * cluster of the Debian binaries so pg_dump matches the server version.
 */
class PullObjectKindsLiveTest {
  static final String SQL = """
      CREATE SCHEMA geo;
      CREATE TYPE geo.kind AS ENUM ('home', 'work');
      CREATE DOMAIN geo.zip AS text NOT NULL DEFAULT '00000'
        CONSTRAINT zip_digits CHECK (VALUE ~ '^[0-9]+$') CONSTRAINT zip_length CHECK (length(VALUE) = 5);
      CREATE TYPE geo.address AS (street text COLLATE "C", zip geo.zip, kind geo.kind, lines text[]);
      COMMENT ON TYPE geo.address IS 'a postal address';
      CREATE TYPE geo."Person Row" AS (name text, home geo.address, past geo.address[], score numeric(6,2));
      CREATE TABLE geo.people (id integer PRIMARY KEY, who geo."Person Row", places geo.address[]);
      INSERT INTO geo.people VALUES
        (1, row('Ann "A" O''Neil', row('1 Main St, Apt (2)', '12345', 'home', array['a', null])::geo.address,
             array[row('x\\y', '54321', 'work', null)::geo.address, null], 1.5), null),
        (2, row(null, null, '{}', null), array[row('', '00000', null, '{}')::geo.address]),
        (3, null, null);
      CREATE UNLOGGED TABLE geo.sessions (id bigint PRIMARY KEY, data text) WITH (fillfactor = 70, autovacuum_enabled = false);
      CREATE TABLE geo.events (id bigint NOT NULL, payload text) WITH (fillfactor = 70, autovacuum_enabled = false,
        toast.autovacuum_enabled = false);
      ALTER TABLE geo.events REPLICA IDENTITY FULL;
      CREATE TABLE geo.ledger (id bigint NOT NULL, amount numeric);
      CREATE UNIQUE INDEX ledger_id_key ON geo.ledger (id);
      ALTER TABLE geo.ledger REPLICA IDENTITY USING INDEX ledger_id_key;
      ALTER TABLE geo.ledger CLUSTER ON ledger_id_key;
      ALTER TABLE geo.people CLUSTER ON people_pkey;
      CREATE TABLE geo.scratch (id integer);
      ALTER TABLE geo.scratch REPLICA IDENTITY NOTHING;
      INSERT INTO geo.sessions VALUES (1, 's');
      INSERT INTO geo.events VALUES (1, 'e');
      """;

  @Test
  void pulledCompositeTypesAndTableOptionsRecreateTheDatabaseAndItsRowsExactly() throws Exception {
    assumeTrue(PgCluster.unavailableReason() == null, PgCluster.unavailableReason());
    try (PgCluster pg = PgCluster.startPrimary("pullkinds")) {
      pg.execute("CREATE DATABASE src");
      pg.execute("CREATE DATABASE dst");
      String src = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/src?user=postgres";
      String dst = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/dst?user=postgres";
      try (Connection c = DriverManager.getConnection(src); Statement st = c.createStatement()) {
        st.execute(SQL);
      }
      SchemaModel live = introspect(src);
      assertThat(live.compositeTypes()).hasSize(2);

      Map<String, String> sources = JavaSchemaGenerator.generate(live, "geo.db", "GeoSchema", "geo");
      assertThat(sources).containsKeys("geo/db/Address.java", "geo/db/PersonRow.java");
      Map<String, String> byClass = new LinkedHashMap<>();
      sources.forEach((path, text) -> byClass.put(path.replace('/', '.').replaceAll("\\.java$", ""), text));
      ClassLoader loader = Javac.compileAndLoad(byClass);
      Class<?> holder = Class.forName("geo.db.GeoSchema", true, loader);
      SchemaModel code = ((dev.sluice.schema.Schema) holder.getMethod("schema").invoke(null)).toModel();
      assertThat(code).isEqualTo(live);

      try (Connection c = DriverManager.getConnection(dst); Statement st = c.createStatement()) {
        for (String ddl : DdlRenderer.render(Differ.diff(SchemaModel.EMPTY, code))) st.execute(ddl);
      }
      assertThat(introspect(dst)).isEqualTo(live);

      copyThroughGeneratedCodecs(holder, src, dst);
      String dumpSrc = dump(pg, "src");
      String dumpDst = dump(pg, "dst");
      assertThat(dumpSrc).contains("CREATE TYPE geo.address AS").contains("REPLICA IDENTITY FULL").contains("UNLOGGED")
          .contains("ALTER TABLE geo.ledger CLUSTER ON ledger_id_key");
      java.nio.file.Files.writeString(java.nio.file.Path.of("target", "pullkinds-src.sql"), dumpSrc);
      java.nio.file.Files.writeString(java.nio.file.Path.of("target", "pullkinds-dst.sql"), dumpDst);
      assertThat(dumpDst).as("pg_dump of the recreated database (target/pullkinds-*.sql)").isEqualTo(dumpSrc);
    }
  }

  /** Reads every row of the source with the pulled {@code DataType}s and writes them to the copy with the same. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void copyThroughGeneratedCodecs(Class<?> holder, String src, String dst) throws Exception {
    DataType person = ((CompositeType<?>) holder.getField("PERSON_ROW").get(null)).dataType();
    DataType places = ((CompositeType<?>) holder.getField("ADDRESS").get(null)).dataType().array();
    List<Object[]> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(src); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, who, places FROM geo.people ORDER BY id")) {
      while (rs.next()) rows.add(new Object[] {rs.getInt(1), person.read(rs, 2), places.read(rs, 3)});
    }
    assertThat(rows).hasSize(3);
    Object ann = rows.get(0)[1];
    assertThat(ann.getClass().getSimpleName()).isEqualTo("PersonRow");
    assertThat(ann.toString()).contains("Ann \"A\" O'Neil").contains("1 Main St, Apt (2)");
    try (Connection c = DriverManager.getConnection(dst);
        PreparedStatement ps = c.prepareStatement("INSERT INTO geo.people VALUES (?, ?::geo.\"Person Row\", ?::geo.address[])")) {
      for (Object[] r : rows) {
        ps.setInt(1, (Integer) r[0]);
        person.bind(ps, 2, r[1]);
        places.bind(ps, 3, r[2]);
        ps.executeUpdate();
      }
    }
    try (Connection c = DriverManager.getConnection(dst); Statement st = c.createStatement()) {
      st.execute("INSERT INTO geo.sessions VALUES (1, 's')");
      st.execute("INSERT INTO geo.events VALUES (1, 'e')");
    }
  }

  private static String dump(PgCluster pg, String db) throws Exception {
    PgCluster.Result r = PgCluster.run(PgCluster.command("pg_dump", "-h", "127.0.0.1", "-p", String.valueOf(pg.port()),
        "-U", "postgres", "--no-owner", "--no-privileges", db), PgCluster.WAIT);
    assertThat(r.exit()).as(r.output()).isZero();
    // pg_dump 15.14+ guards the script with a random \\restrict key, different on every run
    return r.output().replaceAll("(?m)^\\\\(un)?restrict .*$", "\\\\$1restrict KEY");
  }

  private static SchemaModel introspect(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url)) {
      return Introspector.introspect(c, IntrospectOptions.all());
    }
  }
}
