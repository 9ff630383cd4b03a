package dev.sluice.runtime;

/**
 * How {@link BulkWriter} picks its path by row count. Below {@link #batchMinRows()} the rows go as
 * one multi-row {@code INSERT ... VALUES (...), (...)} (one statement, one round trip); from there to
 * below {@link #copyMinRows()} as a JDBC batch of single-row INSERTs, which pgjdbc rewrites into
 * multi-row statements of a few fixed shapes when {@code reWriteBatchedInserts} is on (it is for
 * {@link Database#connect}); from {@link #copyMinRows()} on through {@code COPY ... FROM STDIN}.
 *
 * <p>Defaults and why: a single multi-row statement is one statement and one round trip, the
 * cheapest for a handful of rows, but every distinct row count is a new statement text (no plan reuse,
 * parse cost grows with the row count), so it stops at 32 rows. A rewritten batch reuses power-of-two
 * shapes of up to 128 rows per statement and pipelines them in one round trip. COPY waits for the
 * server's CopyInResponse before sending data (one more round trip than a batch on a real network) and
 * then wins on every row. Measured on loopback (PostgreSQL 15, 5 columns, best of 40, including the
 * transaction): 100 rows batch 1.00 ms / COPY 0.87 ms, 300 rows 1.86 / 1.44 ms, 500 rows 5.2 / 2.3 ms,
 * 1,000 rows 4.4 / 2.8 ms. COPY saves roughly 1.5 µs per row, so with a network round trip of about
 * 0.5 ms it pays off from a few hundred rows: 500 is the default. It is also the look-ahead buffer
 * for streamed input, so a small value keeps memory low.
 *
 * @param batchMinRows first row count sent as a JDBC batch instead of one multi-row statement
 * @param copyMinRows first row count sent through COPY; also the size of the look-ahead buffer used
 *     to pick a path for streamed input (never more rows than this are held in memory)
 */
public record BulkOptions(int batchMinRows, int copyMinRows) {
  /** 33 rows and up as a batch, 500 rows and up through COPY. */
  public static final BulkOptions DEFAULT = new BulkOptions(33, 500);

  public BulkOptions {
    if (batchMinRows < 1) throw new IllegalArgumentException("batchMinRows must be >= 1, was " + batchMinRows);
    if (copyMinRows < 1) throw new IllegalArgumentException("copyMinRows must be >= 1, was " + copyMinRows);
  }

  /** These options with another COPY threshold ({@code 1} = always COPY). */
  public BulkOptions withCopyMinRows(int rows) {
    return new BulkOptions(batchMinRows, rows);
  }

  /** These options with another batch threshold ({@code 1} = never one multi-row statement). */
  public BulkOptions withBatchMinRows(int rows) {
    return new BulkOptions(rows, copyMinRows);
  }
}
