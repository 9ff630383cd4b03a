package dev.sluice.query;

import dev.sluice.schema.Table;
import java.util.List;

/** Creates selects (and, for a WITH clause, the data-modification statements carrying it): typed ones are {@link SelectImpl}; an untyped one (tables or many fields) is wrapped. */
final class Selects {
  private Selects() {}

  static Object create(QueryExecutor executor, List<Cte> ctes, boolean recursive, List<? extends SelectItem> items) {
    SelectImpl s = new SelectImpl(executor, ctes, recursive, items);
    return !items.isEmpty() && items.size() <= 22 && allFields(items) ? s : new UntypedSelect(s);
  }

  /** Whether every item is a field (a loop: this runs on every select). */
  static boolean allFields(List<? extends SelectItem> items) {
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Field<?>)) return false;
    }
    return true;
  }

  static QueryFactory with(QueryExecutor executor, List<Cte> ctes, boolean recursive) {
    return new QueryFactory() {
      @Override
      public QueryExecutor executor() {
        return executor;
      }

      @Override
      @SuppressWarnings("unchecked")
      public <S> S selectImpl(List<? extends SelectItem> items) {
        return (S) create(executor, ctes, recursive, items);
      }

      @Override
      public Insert insertInto(Table<?> table) {
        return new InsertImpl(executor, ctes, recursive, table);
      }

      @Override
      public Update update(Table<?> table) {
        return new UpdateImpl(executor, ctes, recursive, table);
      }

      @Override
      public Delete deleteFrom(Table<?> table) {
        return new DeleteImpl(executor, ctes, recursive, table);
      }

      @Override
      public MergeUsing mergeInto(Table<?> table) {
        return new MergeImpl(executor, ctes, recursive, table);
      }
    };
  }
}
