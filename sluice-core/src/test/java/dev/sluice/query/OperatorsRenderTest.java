package dev.sluice.query;

import static dev.sluice.query.JsonbRenderTest.assertRendered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.types.PgTypes;
import dev.sluice.types.Range;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden SQL for array, range, full text and pgvector operators. */
class OperatorsRenderTest {
  static final class Items extends Table<Items> {
    static final Items ITEMS = new Items();
    final Column<Integer> id = integer("id").primaryKey();
    final Column<String> name = text("name");
    final Column<String[]> tags = column("tags", PgTypes.arrayOf(PgTypes.TEXT));
    final Column<Range<Integer>> span = int4range("span");
    final Column<Range<LocalDate>> during = daterange("during");
    final Column<String> doc = tsvector("doc");
    final Column<float[]> embedding = column("embedding", PgTypes.vector(3));

    private Items() {
      super("items");
    }
  }

  static final Items I = Items.ITEMS;

  @Test
  void arrayOperatorsBindTheArrayTypedLikeTheColumn() {
    String[] v = {"a", "b"};
    assertRendered(PgArrays.contains(I.tags, v), "items.tags @> ?::text[]", (Object) v);
    assertRendered(PgArrays.containedIn(I.tags, v), "items.tags <@ ?::text[]", (Object) v);
    assertRendered(PgArrays.overlaps(I.tags, v), "items.tags && ?::text[]", (Object) v);
    assertRendered(PgArrays.overlaps(I.tags, I.tags), "items.tags && items.tags");
  }

  @Test
  void anyAndEqAnyCompareWithArrayElements() {
    assertRendered(I.name.eq(PgArrays.any(I.tags)), "items.name = ANY(items.tags)");
    var r = PgArrays.eqAny(I.id, List.of(1, 2, 3)).render();
    assertThat(r.sql()).isEqualTo("items.id = ANY(?::integer[])");
    assertThat((Integer[]) r.values().get(0)).containsExactly(1, 2, 3);
    assertThat(PgArrays.any(I.tags).dataType()).isEqualTo(PgTypes.TEXT);
  }

  @Test
  void arrayFunctions() {
    assertRendered(PgArrays.arrayLength(I.tags, 1), "array_length(items.tags, ?)", 1);
    assertRendered(PgArrays.cardinality(I.tags), "cardinality(items.tags)");
    assertRendered(PgArrays.unnest(I.tags), "unnest(items.tags)");
    assertThat(PgArrays.unnest(I.tags).dataType()).isEqualTo(PgTypes.TEXT);
  }

  @Test
  void rangeOperatorsBindRangesAndElementsWithTheirTypes() {
    Range<Integer> r = Range.closedOpen(1, 5);
    assertRendered(Ranges.overlaps(I.span, r), "items.span && ?::int4range", r);
    assertRendered(Ranges.contains(I.span, 3), "items.span @> ?", 3);
    assertRendered(Ranges.containsRange(I.span, r), "items.span @> ?::int4range", r);
    assertRendered(Ranges.containedIn(I.span, r), "items.span <@ ?::int4range", r);
    assertRendered(Ranges.elementIn(I.id, I.span), "items.id <@ items.span");
    assertRendered(Ranges.adjacent(I.span, r), "items.span -|- ?::int4range", r);
    assertRendered(Ranges.strictlyLeftOf(I.span, r), "items.span << ?::int4range", r);
    assertRendered(Ranges.strictlyRightOf(I.span, r), "items.span >> ?::int4range", r);
    assertRendered(Ranges.contains(I.during, LocalDate.of(2024, 1, 1)), "items.during @> ?", LocalDate.of(2024, 1, 1));
    assertRendered(Ranges.lower(I.span), "lower(items.span)");
    assertRendered(Ranges.upper(I.during), "upper(items.during)");
    assertRendered(Ranges.isEmpty(I.span), "isempty(items.span)");
    assertThat(Ranges.lower(I.during).dataType()).isEqualTo(PgTypes.DATE);
  }

  @Test
  void fullTextBindsConfigsAsRegconfigAndQueriesAsText() {
    assertRendered(FullText.toTsvector("english", I.name), "to_tsvector(?::regconfig, items.name)", "english");
    assertRendered(FullText.match(I.doc, FullText.websearchToTsquery("english", "cats -dogs")),
        "items.doc @@ websearch_to_tsquery(?::regconfig, ?)", "english", "cats -dogs");
    assertRendered(FullText.match(I.doc, FullText.toTsquery("simple", "a & b").or(FullText.plainToTsquery("simple", "c d"))),
        "items.doc @@ (to_tsquery(?::regconfig, ?) || plainto_tsquery(?::regconfig, ?))", "simple", "a & b", "simple", "c d");
    assertRendered(FullText.rank(I.doc, FullText.phraseToTsquery("english", "big cat")),
        "ts_rank(items.doc, phraseto_tsquery(?::regconfig, ?))", "english", "big cat");
    assertRendered(FullText.headline("english", I.name, FullText.plainToTsquery("english", "cat")),
        "ts_headline(?::regconfig, items.name, plainto_tsquery(?::regconfig, ?))", "english", "english", "cat");
  }

  @Test
  void vectorDistancesBindTheQueryVectorAsVector() {
    float[] q = {1f, 2f, 3f};
    assertRendered(Vectors.l2Distance(I.embedding, q), "(items.embedding <-> ?::public.vector)", (Object) q);
    assertRendered(Vectors.cosineDistance(I.embedding, q), "(items.embedding <=> ?::public.vector)", (Object) q);
    assertRendered(Vectors.negativeInnerProduct(I.embedding, I.embedding), "(items.embedding <#> items.embedding)");
    assertRendered(Dsl.select(I.id).from(I).orderBy(Vectors.l2Distance(I.embedding, q)).limit(5),
        "SELECT items.id FROM items ORDER BY (items.embedding <-> ?::public.vector) LIMIT ?", q, 5L);
  }

  @Test
  void misuseIsRejectedAtRuntimeWhereTypesCannotTell() {
    assertThatThrownBy(() -> FullText.toTsvector(" ", I.name)).hasMessageContaining("configuration name is required");
  }
}
