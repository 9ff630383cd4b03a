package dev.sluice.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.runtime.Database;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.test.PgTest;
import dev.sluice.test.PgTestContext;
import dev.sluice.types.PgTypes;
import dev.sluice.types.Range;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each operator family run against real rows. */
@PgTest
class OperatorsLiveTest {
  static final class Items extends Table<Items> {
    static final Items ITEMS = new Items();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> name = text("name").notNull();
    final Column<String[]> tags = column("tags", PgTypes.arrayOf(PgTypes.TEXT));
    final Column<Range<Integer>> span = int4range("span");
    final Column<Range<LocalDate>> during = daterange("during");
    final Column<JsonNode> body = jsonb("body");
    final Column<String> doc = tsvector("doc");

    private Items() {
      super("items");
    }
  }

  static final Items I = Items.ITEMS;
  static final ObjectMapper JSON = new ObjectMapper();
  static Database db;

  @BeforeAll
  static void setUp(PgTestContext pg) {
    pg.execute("create table items (id integer primary key, name text not null, tags text[], span int4range,"
        + " during daterange, body jsonb, doc tsvector generated always as (to_tsvector('english', name)) stored)",
        "insert into items(id, name, tags, span, during, body) values"
            + " (1, 'quick brown foxes jump', '{a,b}', '[1,5)', '[2024-01-01,2024-02-01)', '{\"k\":1,\"tags\":[\"x\",\"y\"],\"nested\":{\"n\":10}}'),"
            + " (2, 'lazy dogs sleep', '{b,c}', '[5,10)', '[2024-02-01,2024-03-01)', '{\"k\":2,\"other\":true}'),"
            + " (3, 'a fox and a dog', '{}', 'empty', null, '{\"arr\":[1,2,3]}')");
    db = Database.connect(pg.jdbcUrl());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  private static List<Integer> ids(Condition c) {
    return db.select(I.id).from(I).where(c).orderBy(I.id).fetch();
  }

  private static Integer one(Field<Integer> f) {
    return db.select(f).fetchOne();
  }

  @Test
  void jsonbOperatorsRunWithBoundKeysPathsAndDocuments() throws Exception {
    assertThat(ids(Jsonb.getText(I.body, "k").eq("1"))).containsExactly(1);
    assertThat(ids(Jsonb.contains(I.body, JSON.readTree("{\"k\":2}")))).containsExactly(2);
    assertThat(ids(Jsonb.containedIn(I.body, JSON.readTree("{\"k\":2,\"other\":true,\"more\":1}")))).containsExactly(2);
    assertThat(ids(Jsonb.hasKey(I.body, "other"))).containsExactly(2);
    assertThat(ids(Jsonb.hasAnyKey(I.body, "other", "arr"))).containsExactly(2, 3);
    assertThat(ids(Jsonb.hasAllKeys(I.body, "k", "tags"))).containsExactly(1);
    assertThat(ids(Jsonb.pathExists(I.body, "$.arr[*] ? (@ > 2)"))).containsExactly(3);
    assertThat(db.select(Jsonb.path(I.body, "nested", "n")).from(I).where(I.id.eq(1)).fetchOne().asInt()).isEqualTo(10);
    assertThat(db.select(Jsonb.pathText(I.body, "tags", "1")).from(I).where(I.id.eq(1)).fetchOne()).isEqualTo("y");
    assertThat(db.select(Jsonb.get(Jsonb.get(I.body, "tags"), 0)).from(I).where(I.id.eq(1)).fetchOne().asText()).isEqualTo("x");
    assertThat(db.select(Jsonb.pathQuery(I.body, "$.arr[*]")).from(I).where(I.id.eq(3)).fetch())
        .extracting(JsonNode::asInt).containsExactly(1, 2, 3);
    JsonNode built = db.select(Jsonb.buildObject("id", I.id).and("name", I.name).and("flag", true)).from(I)
        .where(I.id.eq(2)).fetchOne();
    assertThat(built).isEqualTo(JSON.readTree("{\"id\":2,\"name\":\"lazy dogs sleep\",\"flag\":true}"));
    assertThat(db.select(Jsonb.toJsonb(I.tags)).from(I).where(I.id.eq(1)).fetchOne()).isEqualTo(JSON.readTree("[\"a\",\"b\"]"));
  }

  @Test
  void arrayOperatorsAndFunctions() {
    assertThat(ids(PgArrays.contains(I.tags, new String[] {"b"}))).containsExactly(1, 2);
    assertThat(ids(PgArrays.overlaps(I.tags, new String[] {"c", "z"}))).containsExactly(2);
    assertThat(ids(PgArrays.containedIn(I.tags, new String[] {"a", "b", "c"}))).containsExactly(1, 2, 3);
    assertThat(ids(Dsl.val("a").eq(PgArrays.any(I.tags)))).containsExactly(1);
    assertThat(ids(PgArrays.eqAny(I.id, List.of(1, 3)))).containsExactly(1, 3);
    assertThat(db.select(PgArrays.cardinality(I.tags)).from(I).orderBy(I.id).fetch()).containsExactly(2, 2, 0);
    assertThat(db.select(PgArrays.arrayLength(I.tags, 1)).from(I).where(I.id.eq(3)).fetchOne()).isNull();
    assertThat(db.select(PgArrays.unnest(I.tags)).from(I).where(I.id.eq(2)).fetch()).containsExactly("b", "c");
    assertThat(db.select(Aggregates.arrayAgg(I.name).orderBy(I.id.desc())).from(I).where(I.id.lt(3)).fetchOne())
        .containsExactly("lazy dogs sleep", "quick brown foxes jump");
  }

  @Test
  void rangeOperatorsAndFunctions() {
    assertThat(ids(Ranges.contains(I.span, 3))).containsExactly(1);
    assertThat(ids(Ranges.overlaps(I.span, Range.closedOpen(4, 6)))).containsExactly(1, 2);
    assertThat(ids(Ranges.adjacent(I.span, Range.closedOpen(10, 12)))).containsExactly(2);
    assertThat(ids(Ranges.strictlyLeftOf(I.span, Range.closedOpen(6, 9)))).containsExactly(1);
    assertThat(ids(Ranges.strictlyRightOf(I.span, Range.closedOpen(0, 2)))).containsExactly(2);
    assertThat(ids(Ranges.containedIn(I.span, Range.closedOpen(0, 100)))).containsExactly(1, 2, 3);
    assertThat(ids(Ranges.containsRange(I.span, Range.closed(6, 7)))).containsExactly(2);
    assertThat(ids(Ranges.elementIn(I.id, I.span))).containsExactly(1); // 1 in [1,5); 2 not in [5,10); 3 not in empty
    assertThat(ids(Ranges.contains(I.during, LocalDate.of(2024, 2, 15)))).containsExactly(2);
    assertThat(db.select(Ranges.lower(I.span)).from(I).where(I.id.eq(1)).fetchOne()).isEqualTo(1);
    assertThat(db.select(Ranges.upper(I.during)).from(I).where(I.id.eq(1)).fetchOne()).isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(db.select(Ranges.isEmpty(I.span)).from(I).orderBy(I.id).fetch()).containsExactly(false, false, true);
  }

  @Test
  void fullTextSearchMatchesRanksAndHighlights() {
    assertThat(ids(FullText.match(I.doc, FullText.plainToTsquery("english", "fox")))).containsExactly(1, 3);
    assertThat(ids(FullText.match(I.doc, FullText.websearchToTsquery("english", "dog -fox")))).containsExactly(2);
    assertThat(ids(FullText.match(I.doc, FullText.phraseToTsquery("english", "brown fox")))).containsExactly(1);
    assertThat(ids(FullText.match(FullText.toTsvector("english", I.name), FullText.toTsquery("english", "jump & fox"))))
        .containsExactly(1);
    FullText.TsQuery q = FullText.plainToTsquery("english", "dog");
    assertThat(db.select(I.id).from(I).where(FullText.match(I.doc, q)).orderBy(FullText.rank(I.doc, q).desc(), I.id).fetch())
        .containsExactlyInAnyOrder(2, 3);
    assertThat(db.select(FullText.headline("english", I.name, q)).from(I).where(I.id.eq(2)).fetchOne())
        .isEqualTo("lazy <b>dogs</b> sleep");
  }

  @Test
  void aggregatesWithFilterOrderAndBooleans() {
    var row = db.select(Aggregates.stringAgg(I.name, "|").orderBy(I.id.desc()),
            Aggregates.count().filter(Jsonb.hasKey(I.body, "k")),
            Aggregates.boolAnd(I.id.gt(0)), Aggregates.boolOr(I.id.gt(2)), Aggregates.jsonbAgg(I.id).orderBy(I.id))
        .from(I).fetchOne((s, c, all, any, json) -> List.of(s, c, all, any, json.toString()));
    assertThat(row).containsExactly("a fox and a dog|lazy dogs sleep|quick brown foxes jump", 2L, true, true, "[1,2,3]");
  }

  @Test
  void caseAndScalarFunctions() {
    assertThat(db.select(Case.when(I.id.lt(2), "low").when(I.id.lt(3), "mid").otherwise("high")).from(I).orderBy(I.id).fetch())
        .containsExactly("low", "mid", "high");
    assertThat(db.select(Functions.concat(Functions.upper(Functions.substring(I.name, 1, 4)), Dsl.val("#"), I.id))
        .from(I).where(I.id.eq(2)).fetchOne()).isEqualTo("LAZY#2");
    assertThat(db.select(Functions.replace(Functions.trim(Dsl.val("  a-b ")), "-", "+")).fetchOne()).isEqualTo("a+b");
    assertThat(db.select(Functions.length(I.name)).from(I).where(I.id.eq(2)).fetchOne()).isEqualTo(15);
    assertThat(one(Functions.greatest(Dsl.val(3), Dsl.val(9), Dsl.val(4)))).isEqualTo(9);
    assertThat(one(Functions.least(Dsl.val(3), Dsl.val(9)))).isEqualTo(3);
    assertThat(one(Functions.nullif(Dsl.val(5), 5))).isNull();
    OffsetDateTime t = OffsetDateTime.of(2024, 5, 17, 13, 45, 0, 0, ZoneOffset.UTC);
    assertThat(db.select(Functions.extract("year", Dsl.val(t))).fetchOne()).isEqualByComparingTo(BigDecimal.valueOf(2024));
    assertThat(db.select(Functions.dateTrunc("month", Dsl.val(t))).fetchOne().toInstant())
        .isEqualTo(OffsetDateTime.of(2024, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant());
    assertThat(db.select(Functions.genRandomUuid()).fetchOne()).isNotNull();
  }

  @Test
  void vectorDistancesOrderNearestNeighbours(PgTestContext pg) {
    Assumptions.assumeTrue(pg.server().hasExtension("vector"), "pgvector is not installed on this server");
    pg.execute("create extension if not exists vector",
        "create table vecs (id integer primary key, embedding vector(3))",
        "insert into vecs values (1, '[1,0,0]'), (2, '[0,1,0]'), (3, '[0.9,0.1,0]')");
    final class Vecs extends Table<Vecs> {
      final Column<Integer> id = integer("id").primaryKey();
      final Column<float[]> embedding = column("embedding", PgTypes.vector(3));

      Vecs() {
        super("vecs");
      }
    }
    Vecs v = new Vecs();
    float[] q = {1f, 0f, 0f};
    assertThat(db.select(v.id).from(v).orderBy(Vectors.l2Distance(v.embedding, q)).limit(2).fetch()).containsExactly(1, 3);
    assertThat(db.select(v.id).from(v).orderBy(Vectors.cosineDistance(v.embedding, q)).fetch()).containsExactly(1, 3, 2);
    assertThat(db.select(v.id).from(v).orderBy(Vectors.negativeInnerProduct(v.embedding, q)).fetch()).containsExactly(1, 3, 2);
    assertThat(db.select(Vectors.l2Distance(v.embedding, q)).from(v).where(v.id.eq(2)).fetchOne())
        .isCloseTo(Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-6));
  }
}
