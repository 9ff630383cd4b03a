package dev.sluice.kit.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The integrity file {@code sluice.sum}, Atlas style:
 *
 * <pre>
 * h1:&lt;base64 SHA-256 over every file's name and bytes, in order&gt;
 * 0001_init.sql h1:&lt;base64 SHA-256(previous line's hash || name || 0 || bytes)&gt;
 * ...
 * </pre>
 *
 * Each file's hash is chained with the previous one, so each line can be checked on its own
 * against the line before it: an edited file is named exactly, and an inserted, removed or
 * reordered file breaks the chain where it happened.
 */
final class SumFile {
  static final String FILE_NAME = "sluice.sum";
  private static final String PREFIX = "h1:";

  record Entry(String file, String hash) {}

  record FileContent(String name, byte[] bytes) {}

  final String total;
  final List<Entry> entries;

  private SumFile(String total, List<Entry> entries) {
    this.total = total;
    this.entries = List.copyOf(entries);
  }

  static SumFile compute(List<FileContent> files) {
    MessageDigest running = Migration.newDigest();
    byte[] previous = new byte[0];
    List<Entry> entries = new ArrayList<>();
    for (FileContent f : files) {
      byte[] name = f.name().getBytes(StandardCharsets.UTF_8);
      running.update(name);
      running.update(f.bytes());
      previous = chain(previous, f.name(), f.bytes());
      entries.add(new Entry(f.name(), encode(previous)));
    }
    return new SumFile(encode(running.digest()), entries);
  }

  /** The chained hash of a file given the previous entry's hash ({@code null} for the first file). */
  static String chainedHash(String previousHash, String name, byte[] bytes) {
    byte[] prev = previousHash == null ? new byte[0] : Base64.getDecoder().decode(previousHash.substring(PREFIX.length()));
    return encode(chain(prev, name, bytes));
  }

  private static byte[] chain(byte[] previous, String name, byte[] bytes) {
    MessageDigest d = Migration.newDigest();
    d.update(previous);
    d.update(name.getBytes(StandardCharsets.UTF_8));
    d.update((byte) 0);
    d.update(bytes);
    return d.digest();
  }

  private static String encode(byte[] digest) {
    return PREFIX + Base64.getEncoder().encodeToString(digest);
  }

  /** Parses the file; throws {@link IllegalArgumentException} naming the bad line. */
  static SumFile parse(String text) {
    String[] lines = text.split("\r?\n");
    if (lines.length == 0 || !lines[0].strip().startsWith(PREFIX)) {
      throw new IllegalArgumentException("line 1 must be the total sum \"h1:...\"");
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) continue;
      int sp = line.lastIndexOf(' ');
      if (sp <= 0 || !line.startsWith(PREFIX, sp + 1)) {
        throw new IllegalArgumentException("line " + (i + 1) + " must be \"<file> h1:<hash>\": " + line);
      }
      entries.add(new Entry(line.substring(0, sp), line.substring(sp + 1)));
    }
    return new SumFile(lines[0].strip(), entries);
  }

  String format() {
    StringBuilder sb = new StringBuilder(total).append('\n');
    for (Entry e : entries) sb.append(e.file()).append(' ').append(e.hash()).append('\n');
    return sb.toString();
  }
}
