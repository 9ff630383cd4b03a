package dev.sluice.sql;

/**
 * The SQL text of each query shape, built once. A shape is the exact sequence of text pieces a
 * {@link RenderContext} collected (values are binds, never pieces), so two renderings share a text
 * only when they wrote the very same pieces in the same order: the text is by construction their
 * concatenation, whatever identifiers, operators, IN-list lengths, casts or raw fragments went into it.
 *
 * <p>A fixed table of {@value #SLOTS} slots indexed by the sequence's hash, each holding one immutable
 * entry (a copy of the pieces and their text). A lookup compares the whole sequence piece by piece
 * ({@code equals}; identical instances, the common case, compare in one step), so a hash collision
 * only costs a rebuild and the slot's replacement. Entries are immutable with final fields, so the
 * unsynchronized slot writes are safe to race: a reader sees a whole entry or another one. Long
 * sequences (bulk VALUES lists) are not kept, which bounds the memory held.
 */
final class SqlTextCache {
  static final int SLOTS = 1024;
  /** Sequences longer than this are concatenated every time and never kept. */
  static final int MAX_PIECES = 256;

  private static final class Entry {
    final int hash;
    final Object[] pieces;
    final String sql;

    Entry(int hash, Object[] pieces, String sql) {
      this.hash = hash;
      this.pieces = pieces;
      this.sql = sql;
    }
  }

  private static final Entry[] TABLE = new Entry[SLOTS];

  private SqlTextCache() {}

  /** The text of {@code pieces[0..count)} whose rolling hash is {@code hash}: cached, or built (and kept). */
  static String text(Object[] pieces, int count, int hash) {
    if (count > MAX_PIECES) return concat(pieces, count);
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    Entry e = TABLE[slot];
    if (e != null && e.hash == hash && same(e.pieces, pieces, count)) return e.sql;
    String sql = concat(pieces, count);
    TABLE[slot] = new Entry(hash, java.util.Arrays.copyOf(pieces, count), sql);
    return sql;
  }

  private static boolean same(Object[] cached, Object[] pieces, int count) {
    if (cached.length != count) return false;
    for (int i = 0; i < count; i++) {
      Object a = cached[i];
      Object b = pieces[i];
      if (a != b && !a.equals(b)) return false;
    }
    return true;
  }

  static String concat(Object[] pieces, int count) {
    int length = 0;
    for (int i = 0; i < count; i++) length += pieces[i] instanceof String s ? s.length() : 1;
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < count; i++) {
      Object p = pieces[i];
      if (p instanceof String s) sb.append(s);
      else sb.append(((Character) p).charValue());
    }
    return sb.toString();
  }
}
