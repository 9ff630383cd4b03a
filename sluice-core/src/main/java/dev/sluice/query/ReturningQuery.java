package dev.sluice.query;

import dev.sluice.sql.RenderContext;
import dev.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code statement RETURNING fields}: fetched exactly like a select of the same fields (one
 * implementation of every {@code ResultN}); tables are expanded to their columns.
 */
@SuppressWarnings("rawtypes")
final class ReturningQuery extends TypedResults {
  private final DmlImpl statement;
  private final List<Field<?>> fields;
  private final DataType[] types;

  ReturningQuery(QueryExecutor executor, DmlImpl statement, List<? extends SelectItem> items) {
    super(executor);
    this.statement = statement;
    List<Field<?>> fs = new ArrayList<>();
    for (SelectItem i : items) {
      if (i instanceof Field<?> f) fs.add(f);
      else if (i instanceof TableLike t) fs.addAll(t.fields());
      else throw new IllegalArgumentException("cannot return " + i);
    }
    this.fields = List.copyOf(fs);
    this.types = fields.stream().map(Field::dataType).toArray(DataType[]::new);
  }

  @Override
  public List<Field<?>> resultFields() {
    return fields;
  }

  @Override
  protected DataType[] columnTypes() {
    return types;
  }

  @Override
  public void renderTo(RenderContext ctx) {
    statement.renderTo(ctx);
    ctx.sql(" RETURNING ").visitAll(fields, ", ");
  }
}
