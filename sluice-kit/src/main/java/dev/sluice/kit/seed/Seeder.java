package dev.sluice.kit.seed;

import dev.sluice.query.InsertRow;
import dev.sluice.runtime.Database;
import dev.sluice.schema.Table;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Deterministic seeding (what drizzle-seed does, in Java): rows are generated in memory from a
 * {@link Gen} derived from the run's seed and the table name, then bulk-loaded with
 * {@code db.insertMany} (COPY from 500 rows) in chunks so a progress bar can move. The same seed
 * gives identical rows on every run; ids are generated here (never by the database) so that holds
 * for keys and references too.
 *
 * <pre>{@code
 * Seeder s = Seeder.of(db, 42).scale(2);
 * List<User> users = s.seed(USERS, s.count(2000), (g, i) -> new User(g.uuid(), g.fullName()),
 *     (row, u) -> row.set(USERS.id, u.id()).set(USERS.name, u.name()));
 * }</pre>
 */
public final class Seeder {
  /** Rows per {@code insertMany} call: large enough for COPY, small enough for a live progress bar. */
  public static final int CHUNK = 5_000;

  private final Database db;
  private final long seed;
  private double scale = 1;
  private Progress progress = Progress.silent();
  private final Map<String, Long> counts = new LinkedHashMap<>();

  private Seeder(Database db, long seed) {
    this.db = db;
    this.seed = seed;
  }

  public static Seeder of(Database db, long seed) {
    return new Seeder(db, seed);
  }

  /** Multiplies every {@link #count(int)} (0.1 for a quick run, 10 for a load test). */
  public Seeder scale(double factor) {
    if (!(factor > 0)) throw new IllegalArgumentException("scale must be positive, got " + factor);
    this.scale = factor;
    return this;
  }

  public Seeder progress(Progress p) {
    this.progress = p;
    return this;
  }

  public long seed() {
    return seed;
  }

  /** {@code base} rows times the scale, at least 1. */
  public int count(int base) {
    return Math.max(1, (int) Math.round(base * scale));
  }

  /**
   * The generator for {@code tableName}: a SplittableRandom seeded with the run's seed mixed with a
   * stable 64-bit hash (FNV-1a) of the name, so each table's data depends only on the seed and itself.
   */
  public Gen gen(String tableName) {
    long h = 0xcbf29ce484222325L;
    for (byte b : tableName.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return new Gen(new SplittableRandom(seed ^ h));
  }

  /**
   * Generates {@code count} items with {@code make(gen, index)} (gen from {@link #gen(String)} for the
   * table) and loads them into {@code table} through {@code mapper}; returns the items, e.g. to pick
   * parents from for child tables.
   */
  public <E> List<E> seed(Table<?> table, int count, BiFunction<Gen, Integer, E> make,
      BiConsumer<? super InsertRow, ? super E> mapper) {
    Gen g = gen(table.name());
    List<E> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) items.add(make.apply(g, i));
    load(table, items, mapper);
    return items;
  }

  /** Loads already generated items into {@code table} in chunks of {@link #CHUNK}, with progress. */
  public <E> void load(Table<?> table, List<E> items, BiConsumer<? super InsertRow, ? super E> mapper) {
    progress.start(table.name(), items.size());
    for (int from = 0; from < items.size(); from += CHUNK) {
      List<E> chunk = items.subList(from, Math.min(items.size(), from + CHUNK));
      db.insertMany(table, chunk, mapper);
      progress.advance(chunk.size());
    }
    progress.finish();
    counts.merge(table.name(), (long) items.size(), Long::sum);
  }

  /** Rows loaded so far per table, in load order. */
  public Map<String, Long> counts() {
    return Map.copyOf(counts);
  }

  /** Rows loaded so far, all tables. */
  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
