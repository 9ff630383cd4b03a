package dev.sluice.query;

import dev.sluice.sql.QueryPart;
import dev.sluice.sql.RenderContext;
import dev.sluice.types.DataType;
import dev.sluice.types.PgTypes;
import java.util.List;

/**
 * Full text search. Configuration names ({@code 'english'}) are bound as {@code ?::regconfig}, query
 * strings as text, so user search input never reaches the SQL text. Queries are a distinct type,
 * {@link TsQuery}, so {@code match(document, query)} cannot be called with the arguments swapped or
 * with two documents.
 */
public final class FullText {
  private FullText() {}

  /** A {@code tsquery}-valued expression (from {@code to_tsquery} and friends). */
  public static final class TsQuery implements Field<String> {
    private final QueryPart body;

    private TsQuery(QueryPart body) {
      this.body = body;
    }

    @Override
    public DataType<String> dataType() {
      return PgTypes.TSQUERY;
    }

    @Override
    public String name() {
      return "tsquery";
    }

    /** {@code this && other}: both queries must match. */
    public TsQuery and(TsQuery other) {
      return new TsQuery(ctx -> ctx.sql('(').visit(this).sql(" && ").visit(other).sql(')'));
    }

    /** {@code this || other}: either query matches. */
    public TsQuery or(TsQuery other) {
      return new TsQuery(ctx -> ctx.sql('(').visit(this).sql(" || ").visit(other).sql(')'));
    }

    @Override
    public void renderTo(RenderContext ctx) {
      body.renderTo(ctx);
    }
  }

  /** {@code to_tsvector(config, text)}. */
  public static Field<String> toTsvector(String config, Field<String> text) {
    return Expressions.function("to_tsvector", PgTypes.TSVECTOR, List.of(config(config), text));
  }

  /** {@code to_tsvector(text)} with the server's default_text_search_config. */
  public static Field<String> toTsvector(Field<String> text) {
    return Expressions.function("to_tsvector", PgTypes.TSVECTOR, List.of(text));
  }

  /** {@code setweight(vector, weight)}: label a vector A, B, C or D for ranking. */
  public static Field<String> setWeight(Field<String> vector, char weight) {
    if ("ABCD".indexOf(weight) < 0) throw new IllegalArgumentException("tsvector weight must be A, B, C or D, got " + weight);
    return Expressions.function("setweight", PgTypes.TSVECTOR, List.of(vector, Dsl.val(String.valueOf(weight), PgTypes.TEXT)));
  }

  /** {@code to_tsquery(config, query)}: query syntax with {@code & | ! <->} operators. */
  public static TsQuery toTsquery(String config, String query) {
    return query("to_tsquery", config, query);
  }

  /** {@code plainto_tsquery(config, text)}: words ANDed, punctuation ignored. */
  public static TsQuery plainToTsquery(String config, String text) {
    return query("plainto_tsquery", config, text);
  }

  /** {@code phraseto_tsquery(config, text)}: words must follow each other. */
  public static TsQuery phraseToTsquery(String config, String text) {
    return query("phraseto_tsquery", config, text);
  }

  /** {@code websearch_to_tsquery(config, text)}: search-engine syntax ("quoted", -not, or); never fails on input. */
  public static TsQuery websearchToTsquery(String config, String text) {
    return query("websearch_to_tsquery", config, text);
  }

  /** {@code vector @@ query}. */
  public static Condition match(Field<String> vector, TsQuery query) {
    return Conditions.binary(vector, "@@", query);
  }

  /** {@code ts_rank(vector, query)}. */
  public static Field<Float> rank(Field<String> vector, TsQuery query) {
    return Expressions.function("ts_rank", PgTypes.REAL, List.of(vector, query));
  }

  /** {@code ts_rank_cd(vector, query)}: cover density ranking. */
  public static Field<Float> rankCd(Field<String> vector, TsQuery query) {
    return Expressions.function("ts_rank_cd", PgTypes.REAL, List.of(vector, query));
  }

  /** {@code ts_headline(config, document, query)}: the document with matches marked {@code <b>..</b>}. */
  public static Field<String> headline(String config, Field<String> document, TsQuery query) {
    return Expressions.function("ts_headline", PgTypes.TEXT, List.of(config(config), document, query));
  }

  /** {@code ts_headline(config, document, query, options)}; options (e.g. {@code MaxWords=10}) are bound. */
  public static Field<String> headline(String config, Field<String> document, TsQuery query, String options) {
    return Expressions.function("ts_headline", PgTypes.TEXT,
        List.of(config(config), document, query, Dsl.val(options, PgTypes.TEXT)));
  }

  private static TsQuery query(String function, String config, String text) {
    Field<String> c = config(config);
    Field<String> q = Dsl.val(text, PgTypes.TEXT);
    return new TsQuery(ctx -> ctx.sql(function).sql('(').visit(c).sql(", ").visit(q).sql(')'));
  }

  private static Field<String> config(String config) {
    if (config == null || config.isBlank()) throw new IllegalArgumentException("text search configuration name is required");
    return Dsl.val(config, TextTypes.REGCONFIG);
  }
}
