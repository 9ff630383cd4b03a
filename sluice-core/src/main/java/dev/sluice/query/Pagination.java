package dev.sluice.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sluice.sql.RenderContext;
import dev.sluice.sql.Rendered;
import dev.sluice.types.Codec;
import dev.sluice.types.DataType;
import dev.sluice.types.PgTypes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Pagination of any select, without touching the select itself (it is wrapped as a derived table
 * {@code p}, so a select can be paged again and again).
 *
 * <p><b>Keyset</b> ({@link #keyset}): pages continue after the last row's ordering values, so pages
 * stay fast at any depth and rows inserted meanwhile are neither skipped nor repeated. The ordering
 * must be unique (end it with the primary key) and its fields NOT NULL and selected:
 * <pre>{@code
 * KeysetPage<UserRow> p1 = Pagination.keyset(db.select(U.id, U.name).from(U), U.name.asc(), U.id.asc())
 *     .limit(20).fetchInto(UserRow.class);
 * KeysetPage<UserRow> p2 = Pagination.keyset(...same...).after(p1.nextCursor()).limit(20).fetchInto(UserRow.class);
 * }</pre>
 * When every field sorts the same way the filter is a row comparison {@code (p.a, p.b) > (?, ?)}
 * that an index on {@code (a, b)} serves; mixed directions expand to {@code a > ? OR (a = ? AND b < ?)}.
 * The cursor is the ordering values in PostgreSQL text form (the codecs' {@code toText}), as a json
 * array, base64url-encoded: opaque to API clients, decoded with the same codecs.
 *
 * <p><b>Offset</b> ({@link #offset}): page {@code n} of size {@code s} with the total row count, in
 * ONE statement: {@code SELECT p.*, c.total FROM (SELECT count(*) FROM (q)) c LEFT JOIN LATERAL
 * (SELECT q.*, row_number() OVER () FROM (q) LIMIT s OFFSET (n-1)*s) p ON TRUE ORDER BY p.rn}.
 * The query runs twice inside that statement (once counted, once paged), so the total and the page
 * come from the same snapshot; a page past the end is empty but still carries the total.
 */
public final class Pagination {
  private Pagination() {}

  /** Keyset pagination of {@code select} ordered by {@code order} (unique, NOT NULL, selected fields). */
  public static Keyset keyset(SelectStep<?> select, SortField... order) {
    if (order.length == 0) throw new IllegalArgumentException("keyset pagination needs at least one ordering field");
    return new Keyset(query(select), List.of(order));
  }

  /** Page {@code page} (1-based) of {@code size} rows of {@code select}, with the total count. */
  public static OffsetPager offset(SelectStep<?> select, int page, int size) {
    if (page < 1) throw new IllegalArgumentException("page numbers start at 1, got " + page);
    if (size < 1) throw new IllegalArgumentException("page size must be >= 1, got " + size);
    return new OffsetPager(query(select), page, size);
  }

  private static AbstractResultQuery query(SelectStep<?> select) {
    SelectStep<?> s = UntypedSelect.unwrap(Objects.requireNonNull(select, "select"));
    if (!(s instanceof AbstractResultQuery q)) throw new IllegalArgumentException("cannot paginate " + s.getClass());
    return q;
  }

  private static void derived(RenderContext ctx, AbstractResultQuery q, String alias) {
    ctx.sql('(');
    ctx.subquery(1);
    q.renderTo(ctx);
    ctx.subquery(-1);
    ctx.sql(") AS ").id(alias);
  }

  /** A keyset page request; build with {@link Pagination#keyset}. */
  public static final class Keyset {
    private final AbstractResultQuery query;
    private final List<SortField> order;
    private final int[] keyColumns;
    private final DataType<?>[] keyTypes;
    private Object[] after;
    private int limit = 20;

    Keyset(AbstractResultQuery query, List<SortField> order) {
      this.query = query;
      this.order = order;
      List<Field<?>> fields = query.resultFields();
      keyColumns = new int[order.size()];
      keyTypes = new DataType<?>[order.size()];
      for (int i = 0; i < order.size(); i++) {
        Field<?> key = order.get(i).field();
        if (order.get(i).nullsPlacement() != null) {
          throw new IllegalArgumentException("keyset ordering field " + key.name() + ": NULLS FIRST/LAST is not "
              + "supported; keyset fields must be NOT NULL");
        }
        int found = fields.indexOf(key);
        if (found < 0) {
          for (int c = 0; c < fields.size() && found < 0; c++) if (fields.get(c).name().equals(key.name())) found = c;
        }
        if (found < 0) {
          throw new IllegalArgumentException("keyset ordering field " + key.name() + " must be selected (selected: "
              + fields.stream().map(Field::name).toList() + ")");
        }
        keyColumns[i] = found;
        keyTypes[i] = fields.get(found).dataType();
      }
    }

    /** Continues after the row whose ordering values {@code cursor} encodes (null: first page). */
    public Keyset after(String cursor) {
      after = cursor == null ? null : decode(cursor);
      return this;
    }

    /** Continues after the row with these ordering values (one per ordering field). */
    public Keyset afterValues(Object... values) {
      if (values.length != order.size()) {
        throw new IllegalArgumentException("keyset needs " + order.size() + " values, got " + values.length);
      }
      after = values.clone();
      return this;
    }

    /** Rows per page (default 20). */
    public Keyset limit(int n) {
      if (n < 1) throw new IllegalArgumentException("limit must be >= 1, got " + n);
      limit = n;
      return this;
    }

    /** The statement this page runs. */
    public Rendered render() {
      RenderContext ctx = new RenderContext(RenderContext.Mode.BIND);
      ctx.sql("SELECT * FROM ");
      derived(ctx, query, "p");
      if (after != null) {
        ctx.sql(" WHERE ");
        seek(ctx);
      }
      ctx.sql(" ORDER BY ");
      for (int i = 0; i < order.size(); i++) {
        if (i > 0) ctx.sql(", ");
        ref(ctx, i);
        if (order.get(i).descending()) ctx.sql(" DESC");
      }
      ctx.sql(" LIMIT ").value(PgTypes.BIGINT, (long) limit + 1);
      return ctx.result();
    }

    private void ref(RenderContext ctx, int i) {
      ctx.id("p").sql('.').id(query.resultFields().get(keyColumns[i]).name());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void value(RenderContext ctx, int i) {
      ctx.value((DataType) keyTypes[i], after[i]);
    }

    private void seek(RenderContext ctx) {
      boolean uniform = order.stream().allMatch(o -> o.descending() == order.get(0).descending());
      if (uniform) {
        String op = order.get(0).descending() ? " < " : " > ";
        ctx.sql('(');
        for (int i = 0; i < order.size(); i++) {
          if (i > 0) ctx.sql(", ");
          ref(ctx, i);
        }
        ctx.sql(')').sql(op).sql('(');
        for (int i = 0; i < order.size(); i++) {
          if (i > 0) ctx.sql(", ");
          value(ctx, i);
        }
        ctx.sql(')');
        return;
      }
      ctx.sql('(');
      for (int i = 0; i < order.size(); i++) {
        if (i > 0) ctx.sql(" OR ");
        ctx.sql('(');
        for (int j = 0; j < i; j++) {
          ref(ctx, j);
          ctx.sql(" = ");
          value(ctx, j);
          ctx.sql(" AND ");
        }
        ref(ctx, i);
        ctx.sql(order.get(i).descending() ? " < " : " > ");
        value(ctx, i);
        ctx.sql(')');
      }
      ctx.sql(')');
    }

    /** The page mapped into {@code type} (by component name, as {@code fetchInto}). */
    public <R> KeysetPage<R> fetchInto(Class<R> type) {
      RowReader<R> reader = RecordMapping.of(type, query.resultFields());
      return read(reader);
    }

    /** The page mapped row by row with {@code mapper}. */
    public <R> KeysetPage<R> fetch(RowMapper<R> mapper) {
      RowReader<Row> rows = query.rowReader();
      return read(rs -> mapper.map(rows.read(rs)));
    }

    private record Entry<R>(R item, Object[] key) {}

    private <R> KeysetPage<R> read(RowReader<R> reader) {
      List<Entry<R>> entries = query.executor().query(render(), rs -> {
        R item = reader.read(rs);
        Object[] key = new Object[keyColumns.length];
        for (int i = 0; i < key.length; i++) key[i] = keyTypes[i].read(rs, keyColumns[i] + 1);
        return new Entry<>(item, key);
      });
      boolean more = entries.size() > limit;
      List<Entry<R>> page = more ? entries.subList(0, limit) : entries;
      List<R> items = new ArrayList<>(page.size());
      for (Entry<R> e : page) items.add(e.item());
      return new KeysetPage<>(items, more ? encode(page.get(page.size() - 1).key()) : null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String encode(Object[] key) {
      ArrayNode a = PgTypes.DEFAULT_JSON.createArrayNode();
      for (int i = 0; i < key.length; i++) {
        if (key[i] == null) {
          throw new IllegalStateException("keyset ordering field " + query.resultFields().get(keyColumns[i]).name()
              + " is NULL in a row; keyset pagination needs NOT NULL ordering fields");
        }
        a.add(((Codec) keyTypes[i].codec()).toText(key[i]));
      }
      return Base64.getUrlEncoder().withoutPadding().encodeToString(a.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Object[] decode(String cursor) {
      try {
        JsonNode a = PgTypes.DEFAULT_JSON.readTree(Base64.getUrlDecoder().decode(cursor));
        if (!a.isArray() || a.size() != keyTypes.length) throw new IllegalArgumentException("wrong number of values");
        Object[] values = new Object[keyTypes.length];
        for (int i = 0; i < values.length; i++) values[i] = keyTypes[i].codec().fromText(a.get(i).asText());
        return values;
      } catch (java.io.IOException | RuntimeException e) {
        throw new IllegalArgumentException("invalid keyset cursor for ordering " + order.stream()
            .map(o -> o.field().name()).toList() + ": " + e.getMessage(), e);
      }
    }
  }

  /** An offset page request; build with {@link Pagination#offset}. */
  public static final class OffsetPager {
    private final AbstractResultQuery query;
    private final int page;
    private final int size;

    OffsetPager(AbstractResultQuery query, int page, int size) {
      this.query = query;
      this.page = page;
      this.size = size;
    }

    /** The statement this page runs. */
    public Rendered render() {
      RenderContext ctx = new RenderContext(RenderContext.Mode.BIND);
      ctx.sql("SELECT ").id("p").sql(".*, ").id("c").sql('.').id("total").sql(" FROM (SELECT count(*) AS ")
          .id("total").sql(" FROM ");
      derived(ctx, query, "q");
      ctx.sql(") AS ").id("c").sql(" LEFT JOIN LATERAL (SELECT ").id("q").sql(".*, row_number() OVER () AS ")
          .id("sluice_rn").sql(" FROM ");
      derived(ctx, query, "q");
      ctx.sql(" LIMIT ").value(PgTypes.BIGINT, (long) size).sql(" OFFSET ").value(PgTypes.BIGINT, (long) (page - 1) * size)
          .sql(") AS ").id("p").sql(" ON TRUE ORDER BY ").id("p").sql('.').id("sluice_rn");
      return ctx.result();
    }

    /** The page mapped into {@code type} (by component name, as {@code fetchInto}). */
    public <R> Page<R> fetchInto(Class<R> type) {
      return read(RecordMapping.of(type, query.resultFields()));
    }

    /** The page mapped row by row with {@code mapper}. */
    public <R> Page<R> fetch(RowMapper<R> mapper) {
      RowReader<Row> rows = query.rowReader();
      return read(rs -> mapper.map(rows.read(rs)));
    }

    private record Entry<R>(R item, long total) {}

    private <R> Page<R> read(RowReader<R> reader) {
      int n = query.resultFields().size();
      List<Entry<R>> entries = query.executor().query(render(), rs -> {
        long total = rs.getLong(n + 2);
        rs.getLong(n + 1);
        return rs.wasNull() ? new Entry<R>(null, total) : new Entry<>(reader.read(rs), total);
      });
      long total = entries.isEmpty() ? 0 : entries.get(0).total();
      List<R> items = new ArrayList<>(entries.size());
      for (Entry<R> e : entries) if (e.item() != null) items.add(e.item());
      return new Page<>(items, total, page, size);
    }
  }
}
