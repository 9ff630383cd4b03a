package dev.sluice.query;

import java.util.List;

/**
 * One page of an offset-paginated query with the total number of rows (see {@link Pagination#offset}).
 *
 * @param items the rows of this page
 * @param total rows of the whole query
 * @param page the 1-based page number
 * @param size the page size asked for
 */
public record Page<T>(List<T> items, long total, int page, int size) {
  public Page {
    items = List.copyOf(items);
  }

  /** Number of pages (0 when there are no rows). */
  public long totalPages() {
    return (total + size - 1) / size;
  }

  /** True when a later page has rows. */
  public boolean hasNext() {
    return (long) page * size < total;
  }
}
