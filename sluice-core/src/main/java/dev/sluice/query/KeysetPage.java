package dev.sluice.query;

import java.util.List;

/**
 * One page of a keyset-paginated query (see {@link Pagination#keyset}).
 *
 * @param items the rows of this page
 * @param nextCursor the opaque cursor to pass to {@code after(...)} for the next page; null when
 *     this is the last page
 */
public record KeysetPage<T>(List<T> items, String nextCursor) {
  public KeysetPage {
    items = List.copyOf(items);
  }

  /** True when there are rows after this page. */
  public boolean hasMore() {
    return nextCursor != null;
  }
}
