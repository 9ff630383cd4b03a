package dev.sluice.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sql.QueryPart;
import dev.sluice.sql.RenderContext;
import dev.sluice.types.DataType;
import dev.sluice.types.PgTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL jsonb operators and functions on {@code Field<JsonNode>}. Keys, paths and documents are
 * always bound. The key-existence operators {@code ? ?| ?&} are written {@code ?? ??| ??&} when binding,
 * pgjdbc's escape for a literal question mark, so they stay operators (GIN-indexable) rather than the
 * {@code jsonb_exists} functions, which no index can serve. A jsonb column mapped to a Java class
 * ({@code jsonb("x", Order.class)}) is reached through {@link #of(Field)}.
 */
public final class Jsonb {
  private Jsonb() {}

  /** Views a json/jsonb field of any Java mapping as {@code Field<JsonNode>}, so the operators here apply. */
  public static Field<JsonNode> of(Field<?> jsonField) {
    String t = jsonField.dataType().sqlName();
    if (!t.equals("jsonb") && !t.equals("json")) {
      throw new IllegalArgumentException("Jsonb.of needs a json or jsonb field, " + jsonField.name() + " is " + t);
    }
    return Expressions.of(jsonField.name(), t.equals("json") ? PgTypes.JSON : PgTypes.JSONB, jsonField);
  }

  /** {@code f -> key}: the member as jsonb (null when absent). */
  public static Field<JsonNode> get(Field<JsonNode> f, String key) {
    return op(f, "->", Dsl.val(key, PgTypes.TEXT), PgTypes.JSONB);
  }

  /** {@code f -> index}: the array element (negative counts from the end). */
  public static Field<JsonNode> get(Field<JsonNode> f, int index) {
    return op(f, "->", Dsl.val(index, PgTypes.INTEGER), PgTypes.JSONB);
  }

  /** {@code f ->> key}: the member as text. */
  public static Field<String> getText(Field<JsonNode> f, String key) {
    return op(f, "->>", Dsl.val(key, PgTypes.TEXT), PgTypes.TEXT);
  }

  /** {@code f ->> index}: the array element as text. */
  public static Field<String> getText(Field<JsonNode> f, int index) {
    return op(f, "->>", Dsl.val(index, PgTypes.INTEGER), PgTypes.TEXT);
  }

  /** {@code f #> path}: the value at a path of keys/array indexes (bound as {@code text[]}). */
  public static Field<JsonNode> path(Field<JsonNode> f, String... path) {
    return op(f, "#>", Dsl.val(path, TextTypes.TEXT_ARRAY), PgTypes.JSONB);
  }

  /** {@code f #>> path}: the value at a path as text. */
  public static Field<String> pathText(Field<JsonNode> f, String... path) {
    return op(f, "#>>", Dsl.val(path, TextTypes.TEXT_ARRAY), PgTypes.TEXT);
  }

  /** {@code f @> document}: f contains the document (bound as jsonb). */
  public static Condition contains(Field<JsonNode> f, JsonNode document) {
    return Conditions.binary(f, "@>", Dsl.val(document, PgTypes.JSONB));
  }

  /** {@code f @> other}. */
  public static Condition contains(Field<JsonNode> f, Field<JsonNode> other) {
    return Conditions.binary(f, "@>", other);
  }

  /** {@code f <@ document}: f is contained in the document. */
  public static Condition containedIn(Field<JsonNode> f, JsonNode document) {
    return Conditions.binary(f, "<@", Dsl.val(document, PgTypes.JSONB));
  }

  /** {@code f <@ other}. */
  public static Condition containedIn(Field<JsonNode> f, Field<JsonNode> other) {
    return Conditions.binary(f, "<@", other);
  }

  /** {@code f ? key}: the key (or array string element) exists at the top level. */
  public static Condition hasKey(Field<JsonNode> f, String key) {
    return questionOp(f, "", Dsl.val(key, PgTypes.TEXT));
  }

  /** {@code f ?| keys}: any of the keys exists. */
  public static Condition hasAnyKey(Field<JsonNode> f, String... keys) {
    return questionOp(f, "|", Dsl.val(keys, TextTypes.TEXT_ARRAY));
  }

  /** {@code f ?& keys}: all of the keys exist. */
  public static Condition hasAllKeys(Field<JsonNode> f, String... keys) {
    return questionOp(f, "&", Dsl.val(keys, TextTypes.TEXT_ARRAY));
  }

  /** {@code jsonb_path_exists(f, path)}: the SQL/JSON path (bound as {@code jsonpath}) yields an item. */
  public static Condition pathExists(Field<JsonNode> f, String jsonPath) {
    Field<String> p = Dsl.val(jsonPath, TextTypes.JSONPATH);
    return ctx -> ctx.sql("jsonb_path_exists(").visit(f).sql(", ").visit(p).sql(')');
  }

  /** {@code jsonb_path_query(f, path)}: set-returning, one row per item the path yields. */
  public static Field<JsonNode> pathQuery(Field<JsonNode> f, String jsonPath) {
    return Expressions.function("jsonb_path_query", PgTypes.JSONB, List.of(f, Dsl.val(jsonPath, TextTypes.JSONPATH)));
  }

  /** {@code jsonb_path_query_first(f, path)}: the first item, or null. */
  public static Field<JsonNode> pathQueryFirst(Field<JsonNode> f, String jsonPath) {
    return Expressions.function("jsonb_path_query_first", PgTypes.JSONB,
        List.of(f, Dsl.val(jsonPath, TextTypes.JSONPATH)));
  }

  /** {@code jsonb_path_query_array(f, path)}: all items as a jsonb array. */
  public static Field<JsonNode> pathQueryArray(Field<JsonNode> f, String jsonPath) {
    return Expressions.function("jsonb_path_query_array", PgTypes.JSONB,
        List.of(f, Dsl.val(jsonPath, TextTypes.JSONPATH)));
  }

  /** {@code to_jsonb(f)}: any value (or row) as jsonb. */
  public static Field<JsonNode> toJsonb(Field<?> f) {
    return Expressions.function("to_jsonb", PgTypes.JSONB, List.of(f));
  }

  /** {@code jsonb_typeof(f)}: object, array, string, number, boolean or null. */
  public static Field<String> typeOf(Field<JsonNode> f) {
    return Expressions.function("jsonb_typeof", PgTypes.TEXT, List.of(f));
  }

  /** {@code jsonb_array_length(f)}. */
  public static Field<Integer> arrayLength(Field<JsonNode> f) {
    return Expressions.function("jsonb_array_length", PgTypes.INTEGER, List.of(f));
  }

  /** {@code f || other}: concatenation/merge of two jsonb values. */
  public static Field<JsonNode> concat(Field<JsonNode> f, Field<JsonNode> other) {
    return Expressions.binary(f, "||", other, PgTypes.JSONB);
  }

  /** {@code jsonb_build_object(key, value)}; add members with {@link ObjectBuilder#and}. Keys are bound. */
  public static ObjectBuilder buildObject(String key, Field<?> value) {
    return new ObjectBuilder(List.of()).and(key, value);
  }

  /** {@code jsonb_build_object(...)} under construction: each {@link #and} returns a new, longer object. */
  public static final class ObjectBuilder implements Field<JsonNode> {
    private final List<QueryPart> args;

    private ObjectBuilder(List<QueryPart> args) {
      this.args = args;
    }

    /** Adds the member {@code key: value}. */
    public ObjectBuilder and(String key, Field<?> value) {
      if (key == null) throw new IllegalArgumentException("jsonb_build_object key cannot be null");
      List<QueryPart> a = new ArrayList<>(args);
      a.add(Dsl.val(key, PgTypes.TEXT));
      a.add(value);
      return new ObjectBuilder(List.copyOf(a));
    }

    /** Adds the member {@code key: value} with the value bound (its type from its Java class). */
    public ObjectBuilder and(String key, Object value) {
      if (value instanceof Field<?> f) return and(key, f);
      return and(key, Dsl.val(value));
    }

    @Override
    public DataType<JsonNode> dataType() {
      return PgTypes.JSONB;
    }

    @Override
    public String name() {
      return "jsonb_build_object";
    }

    @Override
    public void renderTo(RenderContext ctx) {
      ctx.sql("jsonb_build_object(");
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) ctx.sql(", ");
        ctx.visit(args.get(i));
        if (i % 2 == 0) ctx.sql("::text"); // keys: give the untyped-looking parameter a type for the variadic "any"
      }
      ctx.sql(')');
    }
  }

  private static <R> Field<R> op(Field<JsonNode> f, String op, Field<?> arg, DataType<R> type) {
    return Expressions.of(f.name(), type, ctx -> ctx.sql('(').visit(f).sql(' ').sql(op).sql(' ').visit(arg).sql(')'));
  }

  private static Condition questionOp(Field<JsonNode> f, String suffix, Field<?> arg) {
    return ctx -> {
      ctx.visit(f).sql(' ').sql(ctx.mode() == RenderContext.Mode.BIND ? "??" : "?").sql(suffix).sql(' ');
      ctx.visit(arg);
    };
  }
}
