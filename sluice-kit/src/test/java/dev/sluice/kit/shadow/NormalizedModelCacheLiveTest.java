package dev.sluice.kit.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.kit.diff.DiffOptions;
import dev.sluice.kit.introspect.IntrospectOptions;
import dev.sluice.kit.push.Pusher;
import dev.sluice.schema.Column;
import dev.sluice.schema.Schema;
import dev.sluice.schema.Table;
import dev.sluice.schema.model.SchemaModel;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The normalised model of hand-written code survives the process (a second CLI or Maven run): a
 * second no-op push creates no shadow database, and nothing that could change the result hits a
 * stale entry. "No shadow database" is observed by taking CREATEDB away from the pushing role after
 * the first run: a normalisation that tried to create one would fail.
 */
@PgTest
class NormalizedModelCacheLiveTest {
  static final class Items extends Table<Items> {
    final Column<Integer> id = integer("id").primaryKey();
    final Column<BigDecimal> price;

    Items(String check) {
      super("items");
      price = numeric("price", 10, 2).notNull().check(check);
      index().where("price > 100").on(price);
    }
  }

  /** Hand-written: PostgreSQL prints the check as {@code (price > (0)::numeric)}, so the plan needs the shadow. */
  static SchemaModel code(String check) {
    return Schema.of(new Items(check)).toModel();
  }

  @TempDir Path cache;
  private String previous;
  private String role;
  private String adminUrl;
  private String url;

  @BeforeEach
  void pushingRoleAndItsDatabase(PgTestContext pg) throws Exception {
    previous = System.setProperty(ShadowDatabase.CACHE_PROPERTY, cache.toString());
    ShadowDatabase.forgetNormalizedInThisJvm();
    role = "shadowcache_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
    adminUrl = pg.server().createDatabase("shadowcache_push");
    try (Connection c = pg.server().adminConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE ROLE " + role + " LOGIN CREATEDB");
      st.execute("ALTER DATABASE " + database(adminUrl) + " OWNER TO " + role);
    }
    url = adminUrl.replaceFirst("user=[^&]*", "user=" + role).replaceFirst("&password=[^&]*", "");
  }

  @AfterEach
  void dropThem(PgTestContext pg) throws Exception {
    if (previous == null) System.clearProperty(ShadowDatabase.CACHE_PROPERTY);
    else System.setProperty(ShadowDatabase.CACHE_PROPERTY, previous);
    ShadowDatabase.forgetNormalizedInThisJvm();
    pg.server().dropDatabase(adminUrl);
    try (Connection c = pg.server().adminConnection(); Statement st = c.createStatement()) {
      st.execute("DROP ROLE IF EXISTS " + role);
    }
  }

  @Test
  void aSecondNoOpPushOfHandWrittenCodeCreatesNoShadowDatabase(PgTestContext pg) throws Exception {
    SchemaModel code = code("price > 0");
    Pusher.apply(url, Pusher.plan(url, code, IntrospectOptions.all(), DiffOptions.NONE));
    Pusher.Plan first = Pusher.plan(url, code, IntrospectOptions.all(), DiffOptions.NONE);
    assertThat(first.inSync()).isTrue();
    assertThat(cacheFiles()).as("one normalisation, reused by the second plan of this JVM").hasSize(1);

    ShadowDatabase.forgetNormalizedInThisJvm(); // a new process
    revokeCreatedb(pg);
    Pusher.Plan second = Pusher.plan(url, code, IntrospectOptions.all(), DiffOptions.NONE);
    assertThat(second.inSync()).as("read back from the cache, not from a shadow database").isTrue();
    assertThat(second.risks()).isEmpty();
  }

  @Test
  void aChangedSchemaMissesTheCache(PgTestContext pg) throws Exception {
    Pusher.apply(url, Pusher.plan(url, code("price > 0"), IntrospectOptions.all(), DiffOptions.NONE));
    ShadowDatabase.forgetNormalizedInThisJvm();

    Pusher.Plan changed = Pusher.plan(url, code("price > 1"), IntrospectOptions.all(), DiffOptions.NONE);
    assertThat(changed.inSync()).as("a stale hit would say nothing changed").isFalse();
    assertThat(String.join("\n", changed.statements())).contains("(1)::numeric");

    revokeCreatedb(pg);
    ShadowDatabase.forgetNormalizedInThisJvm();
    assertThatThrownBy(() -> ShadowDatabase.normalize(url, code("price > 2"), IntrospectOptions.all()))
        .as("another DDL text").hasMessageContaining("cannot create the shadow database");
    assertThatThrownBy(() -> ShadowDatabase.normalize(url, code("price > 0"), IntrospectOptions.schemas("public")))
        .as("other introspect options").hasMessageContaining("cannot create the shadow database");
    assertThat(ShadowDatabase.normalize(url, code("price > 0"), IntrospectOptions.all())).isNotNull();
  }

  @Test
  void aChangedServerSettingMissesTheCache(PgTestContext pg) throws Exception {
    SchemaModel code = code("price > 0");
    ShadowDatabase.normalize(url, code, IntrospectOptions.all());
    ShadowDatabase.forgetNormalizedInThisJvm();
    revokeCreatedb(pg);
    assertThat(ShadowDatabase.normalize(url, code, IntrospectOptions.all())).as("unchanged: a hit").isNotNull();
    try (Connection c = pg.server().adminConnection(); Statement st = c.createStatement()) {
      st.execute("ALTER ROLE " + role + " SET search_path = app, public"); // how names in expressions are printed
    }
    ShadowDatabase.forgetNormalizedInThisJvm();
    assertThatThrownBy(() -> ShadowDatabase.normalize(url, code, IntrospectOptions.all()))
        .hasMessageContaining("cannot create the shadow database");
  }

  @Test
  void aCorruptedOrForeignCacheFileIsIgnoredAndWrittenAgain() throws Exception {
    SchemaModel code = code("price > 0");
    SchemaModel normalized = ShadowDatabase.normalize(url, code, IntrospectOptions.all());
    Path file = cacheFiles().get(0);
    String good = Files.readString(file);
    assertThat(good).contains("\"format\" : 1", "\"modelSha256\"", "\"server\" : \"PostgreSQL ", "(price > (0)::numeric)");
    for (String bad : List.of(
        good.substring(0, good.length() / 2), // cut short
        good.replace("(price > (0)::numeric)", "(price > (9)::numeric)"), // edited: the checksum no longer matches
        good.replace("\"format\" : 1", "\"format\" : 99"), // another Sluice's layout
        "")) {
      Files.writeString(file, bad, StandardCharsets.UTF_8);
      ShadowDatabase.forgetNormalizedInThisJvm();
      assertThat(ShadowDatabase.normalize(url, code, IntrospectOptions.all())).isEqualTo(normalized);
      assertThat(Files.readString(file)).as("written again").isEqualTo(good);
    }
  }

  @Test
  void offKeepsModelsInMemoryOnly(PgTestContext pg) throws Exception {
    System.setProperty(ShadowDatabase.CACHE_PROPERTY, "off");
    assertThat(ShadowDatabase.cacheDirectory()).isEmpty();
    SchemaModel code = code("price > 0");
    ShadowDatabase.normalize(url, code, IntrospectOptions.all());
    revokeCreatedb(pg);
    assertThat(ShadowDatabase.normalize(url, code, IntrospectOptions.all())).as("this JVM's copy").isNotNull();
    ShadowDatabase.forgetNormalizedInThisJvm();
    assertThatThrownBy(() -> ShadowDatabase.normalize(url, code, IntrospectOptions.all()))
        .hasMessageContaining("cannot create the shadow database");
    assertThat(cacheFiles()).isEmpty();
  }

  private void revokeCreatedb(PgTestContext pg) throws Exception {
    try (Connection c = pg.server().adminConnection(); Statement st = c.createStatement()) {
      st.execute("ALTER ROLE " + role + " NOCREATEDB");
    }
  }

  private List<Path> cacheFiles() throws Exception {
    if (!Files.isDirectory(cache)) return List.of();
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static String database(String jdbcUrl) {
    String path = jdbcUrl.substring(jdbcUrl.indexOf('/', "jdbc:postgresql://".length()) + 1);
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }
}
