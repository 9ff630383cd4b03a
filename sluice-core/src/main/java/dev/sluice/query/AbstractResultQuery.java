package dev.sluice.query;

import dev.sluice.sql.Rendered;
import dev.sluice.types.DataType;
import java.util.List;
import java.util.Optional;

/** Fetching for every statement that returns rows; subclasses render and name their fields. */
abstract class AbstractResultQuery implements ResultQuery {
  private final QueryExecutor executor;

  AbstractResultQuery(QueryExecutor executor) {
    this.executor = executor;
  }

  /** Detached query (built with {@link Dsl}): can be rendered and embedded, not run. */
  AbstractResultQuery() {
    this(null);
  }

  QueryExecutor executor() {
    if (executor == null) {
      throw new IllegalStateException("this query was built with Dsl and is not attached to a Database; "
          + "build it with db.select(...) / tx.select(...), or embed it in another query");
    }
    return executor;
  }

  final <R> List<R> fetchList(RowReader<R> reader) {
    return executor().query(render(), reader);
  }

  final <R> R fetchSingleOrNull(RowReader<R> reader) {
    List<R> rows = fetchList(reader);
    if (rows.size() > 1) {
      Rendered r = render();
      throw new TooManyRowsException("expected at most one row but the query returned " + rows.size() + ": " + r.sql());
    }
    return rows.isEmpty() ? null : rows.get(0);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  final RowReader<Row> rowReader() {
    List<Field<?>> fields = resultFields();
    DataType[] types = new DataType[fields.size()];
    for (int i = 0; i < types.length; i++) types[i] = fields.get(i).dataType();
    return rs -> {
      Object[] values = new Object[types.length];
      for (int i = 0; i < types.length; i++) values[i] = types[i].read(rs, i + 1);
      return new RowImpl(fields, values);
    };
  }

  @Override
  public List<Row> fetchRows() {
    return fetchList(rowReader());
  }

  @Override
  public <R> List<R> fetchMapped(RowMapper<R> mapper) {
    RowReader<Row> rows = rowReader();
    return fetchList(rs -> mapper.map(rows.read(rs)));
  }

  @Override
  public <R> List<R> fetchInto(Class<R> type) {
    return fetchList(RecordMapping.of(type, resultFields()));
  }

  @Override
  public <R> Optional<R> fetchOptionalInto(Class<R> type) {
    return Optional.ofNullable(fetchSingleOrNull(RecordMapping.of(type, resultFields())));
  }

  @Override
  public Cursor<Row> fetchLazy(int fetchSize) {
    return executor().cursor(render(), rowReader(), fetchSize);
  }

  @Override
  public int execute() {
    return executor().execute(render());
  }

  @Override
  public String toString() {
    return render().toString();
  }
}
