package dev.sluice.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.runtime.Database;
import dev.sluice.test.TestDatabase;
import dev.sluice.types.PgTypes;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Any string without NUL survives every value position verbatim, and the canary table survives it. */
class InjectionPropertiesTest {
  static String url;
  static Database db;

  @BeforeContainer
  static void setUp() {
    url = TestDatabase.get().createDatabase("InjectionProperties");
    try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement()) {
      st.execute("create table canary (id integer primary key); insert into canary values (1);"
          + " create table things (id uuid primary key default gen_random_uuid(), body text, doc jsonb, tags text[])");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    db = Database.connect(url, c -> c.setMaximumPoolSize(2));
  }

  @AfterContainer
  static void tearDown() {
    if (db != null) db.close();
    if (url != null) TestDatabase.get().dropDatabase(url);
  }

  /** Valid Unicode text (no lone surrogates, which UTF-8 cannot carry) without NUL, biased to SQL syntax. */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> syntax = Arbitraries.of("'", "\"", ";", "--", "/*", "*/", "\\", "$$", "{}", "?", "%", "_",
        "drop table canary", " ", "\u202E", "😀").list().ofMaxSize(10).map(l -> String.join("", l));
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40)
        .filter(s -> s.indexOf('\0') < 0 && s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF));
    return Arbitraries.oneOf(syntax, any);
  }

  @Property(tries = 100)
  void anyTextRoundTripsThroughEveryValuePosition(@ForAll("texts") String s) {
    InjectionLiveTest.Things t = InjectionLiveTest.Things.THINGS;
    ObjectNode doc = JsonNodeFactory.instance.objectNode().put(s, s);
    UUID id = db.insertInto(t).set(t.body, s).set(t.doc, doc).set(t.tags, new String[] {s, "x"}).returning(t.id).fetchOne();
    assertThat(db.select(t.body).from(t).where(t.id.eq(id).and(t.body.eq(s))).fetchOne()).isEqualTo(s);
    assertThat(db.select(t.doc).from(t).where(t.id.eq(id)).fetchOne()).isEqualTo(doc);
    assertThat(db.select(t.tags).from(t).where(t.id.eq(id)).fetchOne()).containsExactly(s, "x");
    assertThat(db.select(Dsl.field(PgTypes.TEXT, "{}::text", s)).fetchOne()).isEqualTo(s);
    assertThat(db.update(t).set(t.body, s + "!").where(t.id.eq(id)).execute()).isEqualTo(1);
    assertThat(db.deleteFrom(t).where(t.body.eq(s + "!").and(t.id.eq(id))).execute()).isEqualTo(1);
    assertThat(db.select(Dsl.count()).from(InjectionLiveTest.Canary.CANARY).fetchOne()).isEqualTo(1L);
  }
}
