package dev.sluice.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sluice.schema.Column;
import dev.sluice.schema.Table;
import dev.sluice.sql.QueryPart;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonbRenderTest {
  static final class Docs extends Table<Docs> {
    static final Docs DOCS = new Docs();
    final Column<Long> id = bigint("id").primaryKey();
    final Column<JsonNode> body = jsonb("body");
    final Column<Map> meta = jsonb("meta", Map.class);
    final Column<String> title = text("title");

    private Docs() {
      super("docs");
    }
  }

  static final Docs D = Docs.DOCS;

  static void assertRendered(QueryPart p, String sql, Object... values) {
    var r = p.render();
    assertThat(r.sql()).isEqualTo(sql);
    assertThat(r.values()).containsExactly(values);
  }

  @Test
  void arrowOperatorsBindKeysAndIndexes() {
    assertRendered(Jsonb.get(D.body, "a"), "(docs.body -> ?)", "a");
    assertRendered(Jsonb.get(D.body, 2), "(docs.body -> ?)", 2);
    assertRendered(Jsonb.getText(D.body, "a"), "(docs.body ->> ?)", "a");
    assertRendered(Jsonb.getText(Jsonb.get(D.body, "a"), 0), "((docs.body -> ?) ->> ?)", "a", 0);
  }

  @Test
  void pathOperatorsBindThePathAsTextArray() {
    var r = Jsonb.path(D.body, "a", "b").render();
    assertThat(r.sql()).isEqualTo("(docs.body #> ?::text[])");
    assertThat((String[]) r.values().get(0)).containsExactly("a", "b");
    assertThat(Jsonb.pathText(D.body, "a", "0").render().sql()).isEqualTo("(docs.body #>> ?::text[])");
  }

  @Test
  void containmentBindsTheDocumentAsJsonb() {
    JsonNode doc = JsonNodeFactory.instance.objectNode().put("k", 1);
    assertRendered(Jsonb.contains(D.body, doc), "docs.body @> ?", doc);
    assertRendered(Jsonb.containedIn(D.body, doc), "docs.body <@ ?", doc);
    assertRendered(Jsonb.contains(D.body, Jsonb.get(D.body, "x")), "docs.body @> (docs.body -> ?)", "x");
  }

  @Test
  void questionMarkOperatorsAreEscapedForPgjdbcButPlainWhenInlined() {
    assertRendered(Jsonb.hasKey(D.body, "k"), "docs.body ?? ?", "k");
    assertThat(Jsonb.hasAnyKey(D.body, "a", "b").render().sql()).isEqualTo("docs.body ??| ?::text[]");
    assertThat(Jsonb.hasAllKeys(D.body, "a", "b").render().sql()).isEqualTo("docs.body ??& ?::text[]");
    assertThat(Jsonb.hasKey(D.body, "it's").renderInline()).isEqualTo("docs.body ? 'it''s'::text");
  }

  @Test
  void jsonPathFunctionsBindThePathAsJsonpath() {
    assertRendered(Jsonb.pathExists(D.body, "$.a ? (@ > 1)"), "jsonb_path_exists(docs.body, ?::jsonpath)", "$.a ? (@ > 1)");
    assertRendered(Jsonb.pathQuery(D.body, "$.a[*]"), "jsonb_path_query(docs.body, ?::jsonpath)", "$.a[*]");
    assertRendered(Jsonb.pathQueryFirst(D.body, "$.a"), "jsonb_path_query_first(docs.body, ?::jsonpath)", "$.a");
  }

  @Test
  void buildObjectBindsKeysAndValues() {
    assertRendered(Jsonb.buildObject("id", D.id).and("title", D.title).and("n", 5),
        "jsonb_build_object(?::text, docs.id, ?::text, docs.title, ?::text, ?)", "id", "title", "n", 5);
    assertRendered(Jsonb.toJsonb(D.title), "to_jsonb(docs.title)");
  }

  @Test
  void ofViewsAClassMappedJsonbColumnAndRejectsOtherTypes() {
    assertRendered(Jsonb.getText(Jsonb.of(D.meta), "k"), "(docs.meta ->> ?)", "k");
    assertThatThrownBy(() -> Jsonb.of(D.title)).hasMessageContaining("title is text");
  }
}
