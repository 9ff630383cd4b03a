package dev.sluice.query;

import static dev.sluice.query.JsonbRenderTest.assertRendered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.query.JsonbRenderTest.Docs;
import dev.sluice.types.PgTypes;
import org.junit.jupiter.api.Test;

class AggregateRenderTest {
  static final Docs D = Docs.DOCS;

  @Test
  void stringAggBindsTheSeparatorAndOrdersInside() {
    assertRendered(Aggregates.stringAgg(D.title, ", ").orderBy(D.title.desc()),
        "string_agg(docs.title, ? ORDER BY docs.title DESC)", ", ");
  }

  @Test
  void arrayAndJsonAggregatesAreTyped() {
    Field<String[]> titles = Aggregates.arrayAgg(D.title);
    assertThat(titles.dataType()).isEqualTo(PgTypes.arrayOf(PgTypes.TEXT));
    assertRendered(titles, "array_agg(docs.title)");
    assertRendered(Aggregates.arrayAggDistinct(D.id).orderBy(D.id), "array_agg(DISTINCT docs.id ORDER BY docs.id)");
    assertRendered(Aggregates.jsonAgg(D.body), "json_agg(docs.body)");
    assertRendered(Aggregates.jsonbAgg(Jsonb.buildObject("t", D.title)), "jsonb_agg(jsonb_build_object(?::text, docs.title))", "t");
  }

  @Test
  void boolAggregatesTakeConditions() {
    assertRendered(Aggregates.boolAnd(D.id.gt(0L)), "bool_and((docs.id > ?))", 0L);
    assertRendered(Aggregates.boolOr(D.title.isNull()), "bool_or((docs.title IS NULL))");
  }

  @Test
  void filterAddsAWhereClauseToAnyAggregate() {
    assertRendered(Aggregates.count().filter(D.title.like("a%")), "count(*) FILTER (WHERE docs.title LIKE ?)", "a%");
    assertRendered(Aggregates.sum(D.id).filter(D.id.gt(1L)).filter(D.id.lt(9L)),
        "sum(docs.id) FILTER (WHERE (docs.id > ? AND docs.id < ?))", 1L, 9L);
    assertRendered(Aggregates.countDistinct(D.title), "count(DISTINCT docs.title)");
  }

  @Test
  void existingDslAggregatesStillRender() {
    assertRendered(Dsl.select(Dsl.count(), Dsl.sum(D.id), Dsl.avg(D.id), Dsl.min(D.title), Dsl.max(D.title)).from(D),
        "SELECT count(*), sum(docs.id), avg(docs.id), min(docs.title), max(docs.title) FROM docs");
  }
}
