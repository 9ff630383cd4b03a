package dev.sluice.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.test.Javac;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Misuse of the operator families is a compile error, not a runtime SQL error. */
class TypedOperatorsCompileTest {
  private static final String HEADER = """
      package demo;
      import dev.sluice.query.*;
      import dev.sluice.schema.*;
      import dev.sluice.types.*;
      import com.fasterxml.jackson.databind.JsonNode;
      public class Snippet {
        static final class T extends Table<T> {
          final Column<Integer> id = integer("id");
          final Column<String> name = text("name");
          final Column<String[]> tags = column("tags", PgTypes.arrayOf(PgTypes.TEXT));
          final Column<Range<Integer>> span = int4range("span");
          final Column<JsonNode> body = jsonb("body");
          final Column<float[]> emb = column("emb", PgTypes.vector(3));
          T() { super("t"); }
        }
        static void use(T t) {
      """;

  private static Javac.Result compile(String body) {
    return Javac.compile("demo.Snippet", HEADER + body + "\n  }\n}\n");
  }

  @Test
  void correctUseCompiles() {
    Javac.Result r = compile("""
        Field<String> c = Case.when(t.id.lt(1), "a").when(t.id.lt(2), "b").otherwise("c");
        Field<Long> rn = Windows.rowNumber().over(WindowSpec.ordered(t.id));
        Condition x = Ranges.contains(t.span, 3).and(PgArrays.contains(t.tags, new String[] {"a"}))
            .and(Jsonb.hasKey(t.body, "k")).and(FullText.match(t.name, FullText.plainToTsquery("english", "q")));
        Field<Double> d = Vectors.l2Distance(t.emb, new float[] {1f, 2f, 3f});
        Field<String[]> agg = Aggregates.arrayAgg(t.name).filter(t.id.gt(0));
        """);
    assertThat(r.success()).as(r.describe()).isTrue();
  }

  @Test
  void misuseDoesNotCompile() {
    Map<String, String> misuses = Map.of(
        "CASE branches of different types", "Field<String> c = Case.when(t.id.lt(1), \"a\").when(t.id.lt(2), 2).otherwise(\"c\");",
        "window function without OVER", "Field<Long> rn = Windows.rowNumber();",
        "range element of the wrong type", "Condition x = Ranges.contains(t.span, \"three\");",
        "array value of the wrong element type", "Condition x = PgArrays.contains(t.tags, new Integer[] {1});",
        "jsonb operator on a text column", "Condition x = Jsonb.hasKey(t.name, \"k\");",
        "text search match with two documents", "Condition x = FullText.match(t.name, t.name);",
        "vector distance on a non-vector column", "Field<Double> d = Vectors.l2Distance(t.tags, new float[] {1f});",
        "string_agg of a non-text column", "Field<String> s = Aggregates.stringAgg(t.id, \",\");");
    misuses.forEach((what, code) -> assertThat(compile(code).success()).as(what + ": " + code).isFalse());
  }
}
