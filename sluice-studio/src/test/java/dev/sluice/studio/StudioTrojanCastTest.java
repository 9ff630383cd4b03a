package dev.sluice.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A table owner's code planted where the grid would run it: a cast of their type to text, a cast from varchar to
 * their type, their own {@code =} and {@code <} operators on it, all logging the role that ran them (or raising
 * inside a read-only transaction). Browsing, filtering, sorting, paging, following relations and editing such a
 * table must run none of it, in read-write and in read-only mode.
 */
@PgTest
class StudioTrojanCastTest {
  static PgTestContext pg;
  static Studio readWrite;
  static Studio readOnly;

  @BeforeAll
  static void start(PgTestContext ctx) {
    pg = ctx;
    pg.execute(
        "create table trojan_log (ran_as text, what text)",
        "grant insert on trojan_log to public",
        "create type mood as enum ('ok', 'sad', 'wild')",
        "create function trojan(what text) returns void language plpgsql as $$ begin"
            + " if current_setting('transaction_read_only') = 'on' then raise exception 'trojan % ran as %', what, current_user; end if;"
            + " insert into trojan_log values (current_user, what); end $$",
        "create function mood_to_text(m mood) returns text language plpgsql as $$ begin perform trojan('cast to text');"
            + " return 'pwned'; end $$",
        "create cast (mood as text) with function mood_to_text(mood)",
        "create function varchar_to_mood(v varchar) returns mood language plpgsql as $$ begin perform trojan('cast from varchar');"
            + " return enum_in(textout(v::text)::cstring, 'mood'::regtype::oid); end $$",
        "create cast (varchar as mood) with function varchar_to_mood(varchar)",
        "create function mood_eq(a mood, b mood) returns boolean language plpgsql as $$ begin perform trojan('operator =');"
            + " return enum_eq(a, b); end $$",
        "create operator public.= (leftarg = mood, rightarg = mood, function = mood_eq)",
        "create function mood_gt(a mood, b mood) returns boolean language plpgsql as $$ begin perform trojan('operator >');"
            + " return enum_gt(a, b); end $$",
        "create operator public.> (leftarg = mood, rightarg = mood, function = mood_gt)",
        "create function mood_text_like(a mood, b text) returns boolean language plpgsql as $$ begin perform trojan('operator ~~*');"
            + " return true; end $$",
        "create operator public.~~* (leftarg = mood, rightarg = text, function = mood_text_like)",
        "create table moods (id int primary key, m mood, note text)",
        "insert into moods select g, (array['ok','sad','wild']::mood[])[1 + g % 3], 'n' || g from generate_series(1, 30) g",
        "create table mood_keys (m mood primary key, note text)",
        "insert into mood_keys values ('ok', 'fine'), ('sad', 'blue'), ('wild', 'loud')",
        "create table mood_refs (id int primary key, m mood references mood_keys(m))",
        "insert into mood_refs values (1, 'sad'), (2, 'sad'), (3, 'wild')");
    readWrite = Studio.start(StudioOptions.local(StudioLogins.readWriteLogin(pg)));
    readOnly = Studio.start(StudioOptions.local(StudioLogins.readOnlyLogin(pg)).withReadOnly(true));
  }

  @AfterAll
  static void stop() {
    if (readWrite != null) readWrite.close();
    if (readOnly != null) readOnly.close();
  }

  @BeforeEach
  void emptyLog() {
    pg.execute("truncate trojan_log");
  }

  static List<String> log() throws Exception {
    try (Connection c = pg.connect(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("select ran_as || ': ' || what from trojan_log")) {
      List<String> out = new java.util.ArrayList<>();
      while (rs.next()) out.add(rs.getString(1));
      return out;
    }
  }

  static JsonNode ok(StudioClient api, String route, Object body) throws Exception {
    JsonNode r = api.post(route, body);
    assertThat(api.lastStatus).as(route + " " + body + " -> " + r).isEqualTo(200);
    return r;
  }

  @Test
  void theTrojanIsLiveWhenSomeoneCastsToText() throws Exception {
    pg.execute("select m::text from moods where id = 1");
    assertThat(log()).containsExactly("postgres: cast to text");
  }

  @Test
  void showingATableWithATrojanCastRunsNothing() throws Exception {
    for (Studio s : new Studio[] {readWrite, readOnly}) {
      StudioClient api = new StudioClient(s);
      JsonNode page = ok(api, "rows", Map.of("table", "moods", "limit", 10));
      assertThat(page.path("rows").get(0).get(1).asText()).isEqualTo("sad"); // id 1: 1 + 1 % 3 = 2
      page = ok(api, "rows", Map.of("table", "moods", "limit", 10, "after", page.path("nextCursor")));
      assertThat(page.path("rows").get(0).get(0).asText()).isEqualTo("11");
      JsonNode keys = ok(api, "rows", Map.of("table", "mood_keys", "limit", 2));
      keys = ok(api, "rows", Map.of("table", "mood_keys", "limit", 2, "after", keys.path("nextCursor")));
      assertThat(keys.path("rows").get(0).get(0).asText()).isEqualTo("wild");
    }
    assertThat(log()).isEmpty();
  }

  @Test
  void filteringAndSortingATrojanTypeRunsNothing() throws Exception {
    for (Studio s : new Studio[] {readWrite, readOnly}) {
      StudioClient api = new StudioClient(s);
      JsonNode eq = ok(api, "rows", Map.of("table", "moods", "filters", List.of(Map.of("column", "m", "op", "eq", "value", "wild"))));
      assertThat(eq.path("total").asInt()).isEqualTo(10);
      JsonNode gt = ok(api, "rows", Map.of("table", "moods", "filters", List.of(Map.of("column", "m", "op", "gt", "value", "ok"))));
      assertThat(gt.path("total").asInt()).isEqualTo(20);
      JsonNode like = ok(api, "rows", Map.of("table", "moods", "filters", List.of(Map.of("column", "m", "op", "contains", "value", "IL"))));
      assertThat(like.path("total").asInt()).isEqualTo(10);
      JsonNode sorted = ok(api, "rows", Map.of("table", "moods", "sort", Map.of("column", "m", "desc", true), "limit", 5));
      assertThat(sorted.path("rows").get(0).get(1).asText()).isEqualTo("wild");
    }
    assertThat(log()).isEmpty();
  }

  @Test
  void followingRelationsOverATrojanTypeRunsNothing() throws Exception {
    for (Studio s : new Studio[] {readWrite, readOnly}) {
      StudioClient api = new StudioClient(s);
      JsonNode out = ok(api, "relations", Map.of("table", "mood_refs", "key", Map.of("id", "1")));
      assertThat(out.path("outgoing").get(0).path("rows").get(0).get(1).asText()).isEqualTo("blue");
      JsonNode in = ok(api, "relations", Map.of("table", "mood_keys", "key", Map.of("m", "sad")));
      assertThat(in.path("incoming").get(0).path("rows").size()).isEqualTo(2);
    }
    assertThat(log()).isEmpty();
  }

  @Test
  void editingARowOfATrojanTypeRunsNothing() throws Exception {
    StudioClient api = new StudioClient(readWrite);
    JsonNode r = ok(api, "edit", Map.of("table", "mood_keys", "ops", List.of(
        Map.of("op", "update", "key", Map.of("m", "ok"), "values", Map.of("note", "still fine")),
        Map.of("op", "insert", "values", Map.of("m", "wild", "note", "dup")))));
    assertThat(r.path("ok").asBoolean()).as(r.toString()).isFalse(); // duplicate key: the batch is rolled back
    assertThat(r.path("sqlState").asText()).isEqualTo("23505");
    r = ok(api, "edit", Map.of("table", "moods", "ops", List.of(
        Map.of("op", "insert", "values", Map.of("id", "99", "m", "ok")),
        Map.of("op", "update", "key", Map.of("id", "99"), "values", Map.of("m", "wild")),
        Map.of("op", "delete", "key", Map.of("id", "99")))));
    assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue();
    assertThat(log()).isEmpty();
  }

  @Test
  void theSchemaAndAForgedMigrationHistoryRunNothing() throws Exception {
    pg.execute("create schema if not exists sluice",
        "create table if not exists sluice.migrations_forged (version int, name text, applied_at mood, success boolean)",
        "insert into sluice.migrations_forged values (1, 'forged', 'sad', true)");
    for (Studio s : new Studio[] {readWrite, readOnly}) {
      StudioClient api = new StudioClient(s);
      JsonNode m = api.get("migrations");
      assertThat(api.lastStatus).as(m.toString()).isEqualTo(200);
      assertThat(m.path("migrations").get(0).path("appliedAt").asText()).isEqualTo("sad");
      JsonNode schema = api.get("schema");
      assertThat(api.lastStatus).as(schema.toString()).isEqualTo(200);
    }
    assertThat(log()).isEmpty();
  }
}
