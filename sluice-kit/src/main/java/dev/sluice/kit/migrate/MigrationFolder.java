package dev.sluice.kit.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A directory of migrations:
 *
 * <pre>
 * migrations/
 *   0001_init.sql               up (required)
 *   0001_init.down.sql          down (optional; used by {@code sluice down})
 *   snapshots/0001_init.json    the schema model after this migration (optional; used by generate)
 *   sluice.sum                  integrity file over all of the above
 * </pre>
 *
 * <p>The integrity file (see {@code SumFile}) makes edits that bypass sluice visible: a file edited,
 * added, removed or renumbered by hand, or a migration merged from another branch, is reported by
 * {@link #verify()} naming the file, and {@link Migrator} refuses to run until the folder is
 * consistent. After a deliberate change, {@link #rehash()} accepts the folder as it is.
 *
 * <p>Files are read as UTF-8. Writes go through a temporary file and an atomic rename, the
 * integrity file last, so an interrupted write never leaves a half-written migration that
 * {@code sluice.sum} vouches for.
 */
public final class MigrationFolder {
  private static final Pattern FILE = Pattern.compile("(\\d+)_([A-Za-z0-9_\\-]+?)(\\.down)?\\.sql");
  private static final Pattern REPEATABLE = Pattern.compile("R__([A-Za-z0-9_\\-]+)\\.sql");
  private static final Pattern CALLBACK =
      Pattern.compile("(beforeMigrate|afterMigrate|beforeEachMigrate|afterEachMigrate)(__[A-Za-z0-9_\\-]+)?\\.sql");
  private static final String SNAPSHOTS = "snapshots";
  /** The prefix of a location read through a class loader (a folder or a jar on the classpath). */
  public static final String CLASSPATH_PREFIX = "classpath:";
  private static final Map<Path, java.nio.file.FileSystem> JARS = new java.util.concurrent.ConcurrentHashMap<>();

  private final Path dir;
  private final String location; // how the user named it, for messages of a read-only folder; null for a plain folder

  private MigrationFolder(Path dir, String location) {
    this.dir = dir;
    this.location = location;
  }

  /** The folder at {@code dir} (need not exist yet; it is created by the first write). */
  public static MigrationFolder of(Path dir) {
    return new MigrationFolder(dir.toAbsolutePath().normalize(), null);
  }

  /**
   * A read-only folder on the classpath of {@code loader}, e.g. {@code classpath:db/migration}: a
   * directory, or a directory inside a jar, read in place (nothing is copied out). Throws
   * {@link MigrationFolderException} when {@code loader} has no such resource.
   */
  public static MigrationFolder classpath(String location, ClassLoader loader) {
    String resource = location.startsWith(CLASSPATH_PREFIX) ? location.substring(CLASSPATH_PREFIX.length()) : location;
    resource = resource.replaceAll("^/+", "").replaceAll("/+$", "");
    java.net.URL url = loader.getResource(resource);
    if (url == null) {
      // a jar written without directory entries has the files but not the folder
      java.net.URL sum = loader.getResource(resource + "/" + SumFile.FILE_NAME);
      if (sum != null) {
        try {
          url = new java.net.URL(sum.toString().substring(0, sum.toString().length() - SumFile.FILE_NAME.length() - 1));
        } catch (java.net.MalformedURLException e) {
          throw new MigrationFolderException("migration location " + location + ": unreadable URL " + sum);
        }
      }
    }
    if (url == null) {
      throw new MigrationFolderException("migration location " + CLASSPATH_PREFIX + resource
          + " does not exist on the classpath (is the jar or folder that holds it on --classpath?)");
    }
    try {
      if (url.getProtocol().equals("file")) {
        return new MigrationFolder(Path.of(url.toURI()), CLASSPATH_PREFIX + resource);
      }
      if (url.getProtocol().equals("jar")) {
        String spec = url.toURI().getRawSchemeSpecificPart(); // file:/x/app.jar!/db/migration
        int bang = spec.indexOf("!/");
        Path jar = Path.of(new java.net.URI(spec.substring(0, bang)));
        java.nio.file.FileSystem fs = JARS.computeIfAbsent(jar.toAbsolutePath().normalize(), j -> {
          try {
            return java.nio.file.FileSystems.newFileSystem(j, (ClassLoader) null);
          } catch (IOException e) {
            throw new UncheckedIOException("could not open " + j, e);
          }
        });
        return new MigrationFolder(fs.getPath("/" + resource), CLASSPATH_PREFIX + resource + " (in " + jar + ")");
      }
    } catch (java.net.URISyntaxException e) {
      throw new MigrationFolderException("migration location " + location + ": unreadable URL " + url);
    }
    throw new MigrationFolderException("migration location " + location + " is a " + url.getProtocol()
        + ": resource; only folders and jars are supported");
  }

  /** True for a classpath location: it is read in place and never written. */
  public boolean readOnly() {
    return location != null;
  }

  private void requireWritable() {
    if (readOnly()) {
      throw new MigrationFolderException("migration location " + location + " is read-only; generate, drop and hash"
          + " work on the source folder the jar is built from");
    }
  }

  /** Whether {@code dir} is a folder Sluice wrote (it holds {@code sluice.sum}): its files run through the Sluice migrator. */
  public static boolean isSluiceFolder(Path dir) {
    return dir != null && Files.isRegularFile(dir.resolve(SumFile.FILE_NAME));
  }

  /** The directory. */
  public Path dir() {
    return dir;
  }

  /**
   * The migrations in version order. Throws {@link MigrationFolderException} when a {@code .sql}
   * file has a name sluice cannot read, two files share a version, or a down file has no up file.
   */
  public List<Migration> migrations() {
    Map<Integer, String> upNames = new TreeMap<>();
    Map<Integer, String> downNames = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (String f : sqlFiles()) {
      if (REPEATABLE.matcher(f).matches() || CALLBACK.matcher(f).matches()) continue;
      Matcher m = FILE.matcher(f);
      if (!m.matches()) {
        problems.add(f + ": not a migration file name (expected NNNN_slug.sql, NNNN_slug.down.sql, R__name.sql"
            + " or a callback such as beforeMigrate.sql)");
        continue;
      }
      int version;
      try {
        version = Integer.parseInt(m.group(1));
      } catch (NumberFormatException e) {
        problems.add(f + ": version number too large");
        continue;
      }
      Map<Integer, String> target = m.group(3) == null ? upNames : downNames;
      String previous = target.putIfAbsent(version, f);
      if (previous != null) {
        problems.add(f + ": version " + version + " is also used by " + previous
            + " (two branches generated the same number? renumber one of them with sluice drop + generate)");
      }
    }
    for (Map.Entry<Integer, String> d : downNames.entrySet()) {
      String up = upNames.get(d.getKey());
      if (up == null || !d.getValue().equals(baseName(up) + ".down.sql")) {
        problems.add(d.getValue() + ": down file without a matching up file " + baseName(d.getValue()).replaceAll("\\.down$", "") + ".sql");
      }
    }
    if (!problems.isEmpty()) {
      throw new MigrationFolderException("migration folder " + dir + " is not usable:\n  " + String.join("\n  ", problems));
    }
    List<Migration> out = new ArrayList<>();
    for (Map.Entry<Integer, String> e : upNames.entrySet()) {
      String name = baseName(e.getValue());
      Path down = dir.resolve(name + ".down.sql");
      out.add(Migration.of(e.getKey(), name, read(dir.resolve(e.getValue())), Files.exists(down) ? read(down) : null));
    }
    return out;
  }

  /**
   * The repeatable migrations ({@code R__name.sql}), by name: they run after the versioned ones
   * whenever their checksum differs from the one recorded at their last run. Not covered by
   * {@code sluice.sum}: they are meant to be edited.
   */
  public List<Migration> repeatables() {
    List<Migration> out = new ArrayList<>();
    for (String f : sqlFiles()) {
      if (REPEATABLE.matcher(f).matches()) out.add(Migration.repeatable(baseName(f), read(dir.resolve(f))));
    }
    return out;
  }

  /**
   * The SQL callbacks of {@code event} ({@code beforeMigrate}, {@code afterMigrate},
   * {@code beforeEachMigrate}, {@code afterEachMigrate}): {@code event.sql} and
   * {@code event__description.sql}, by file name, as file name to text. They are not migrations:
   * never recorded in history, not covered by {@code sluice.sum}.
   */
  public Map<String, String> callbacks(String event) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String f : sqlFiles()) {
      Matcher m = CALLBACK.matcher(f);
      if (m.matches() && m.group(1).equals(event)) out.put(f, read(dir.resolve(f)));
    }
    return out;
  }

  /** The migration with {@code version}, if any. */
  public Optional<Migration> migration(int version) {
    return migrations().stream().filter(m -> m.version() == version).findFirst();
  }

  /** The snapshot JSON written with {@code migration}, if any. */
  public Optional<String> snapshot(Migration migration) {
    Path p = snapshotPath(migration.name());
    return Files.exists(p) ? Optional.of(read(p)) : Optional.empty();
  }

  /** The snapshot of the newest migration that has one (the model generate diffs the code against). */
  public Optional<String> latestSnapshot() {
    List<Migration> all = migrations();
    for (int i = all.size() - 1; i >= 0; i--) {
      Optional<String> s = snapshot(all.get(i));
      if (s.isPresent()) return s;
    }
    return Optional.empty();
  }

  /** The version the next migration gets: one more than the highest, 1 for an empty folder. */
  public int nextVersion() {
    return migrations().stream().mapToInt(Migration::version).max().orElse(0) + 1;
  }

  /**
   * Checks the folder against {@code sluice.sum}. Empty when consistent; otherwise one problem per
   * file that was edited, added, removed or reordered since sluice last wrote the folder.
   */
  public List<IntegrityProblem> verify() {
    List<IntegrityProblem> problems = new ArrayList<>();
    List<SumFile.FileContent> files;
    try {
      files = trackedFiles();
    } catch (MigrationFolderException e) {
      return List.of(new IntegrityProblem(".", e.getMessage()));
    }
    Path sumPath = dir.resolve(SumFile.FILE_NAME);
    if (!Files.exists(sumPath)) {
      if (!files.isEmpty()) {
        problems.add(new IntegrityProblem(SumFile.FILE_NAME, "missing, but the folder holds " + files.size()
            + " migration file(s); files must be written by sluice generate (or accepted with sluice hash)"));
      }
      return problems;
    }
    SumFile recorded;
    try {
      recorded = SumFile.parse(read(sumPath));
    } catch (IllegalArgumentException e) {
      return List.of(new IntegrityProblem(SumFile.FILE_NAME, "malformed: " + e.getMessage()));
    }
    Map<String, byte[]> onDisk = new LinkedHashMap<>();
    for (SumFile.FileContent f : files) onDisk.put(f.name(), f.bytes());
    Set<String> inSum = new HashSet<>();
    for (SumFile.Entry e : recorded.entries) inSum.add(e.file());
    for (String f : onDisk.keySet()) {
      if (!inSum.contains(f)) {
        problems.add(new IntegrityProblem(f, "not in sluice.sum: added or renamed by hand, or merged from another branch;"
            + " check it, then accept the folder with sluice hash"));
      }
    }
    String previousHash = null;
    String previousFile = null;
    List<String> diskOrder = new ArrayList<>(onDisk.keySet());
    int lastIndex = -1;
    for (SumFile.Entry e : recorded.entries) {
      byte[] bytes = onDisk.get(e.file());
      if (bytes == null) {
        problems.add(new IntegrityProblem(e.file(), "listed in sluice.sum but missing from the folder (deleted or renamed by hand?)"));
      } else {
        int index = diskOrder.indexOf(e.file());
        if (index < lastIndex) {
          problems.add(new IntegrityProblem(e.file(), "out of order: sluice.sum lists it after " + previousFile
              + ", but its version now sorts it before (renumbered?)"));
        } else if (!SumFile.chainedHash(previousHash, e.file(), bytes).equals(e.hash())
            && !isUnsealedCustomTemplate(previousHash, e)) {
          problems.add(new IntegrityProblem(e.file(), "changed since sluice.sum was written"
              + (previousHash == null ? "" : " (or sluice.sum was edited)")
              + "; if the change is deliberate and not yet applied anywhere, accept it with sluice hash"));
        }
        lastIndex = Math.max(lastIndex, index);
        previousFile = e.file();
      }
      previousHash = e.hash();
    }
    if (problems.isEmpty() && unsealedCustomEdits(recorded, onDisk).isEmpty()
        && !SumFile.compute(files).total.equals(recorded.total)) {
      problems.add(new IntegrityProblem(SumFile.FILE_NAME, "the total sum on line 1 does not match the files (sluice.sum edited by hand?)"));
    }
    return problems;
  }

  /**
   * Seals hand-written migrations from {@code generate --custom} that were filled in since: a file whose
   * {@code sluice.sum} entry is still the untouched template's hash may be edited until the first
   * {@code migrate}, {@code check} or {@code generate} after the edit, which records its content (from
   * then on an edit is a change like any other). Rewrites {@code sluice.sum} only when the rest of the
   * folder is consistent; returns the files sealed.
   */
  public List<String> sealCustomMigrations() {
    Path sumPath = dir.resolve(SumFile.FILE_NAME);
    if (!Files.exists(sumPath)) return List.of();
    List<String> edited;
    try {
      Map<String, byte[]> onDisk = new LinkedHashMap<>();
      for (SumFile.FileContent f : trackedFiles()) onDisk.put(f.name(), f.bytes());
      edited = unsealedCustomEdits(SumFile.parse(read(sumPath)), onDisk);
    } catch (RuntimeException e) {
      return List.of(); // verify() reports it
    }
    if (edited.isEmpty() || readOnly() || !verify().isEmpty()) return List.of();
    rehash();
    return edited;
  }

  /** The files whose recorded hash is the untouched custom template's but whose content differs. */
  private static List<String> unsealedCustomEdits(SumFile recorded, Map<String, byte[]> onDisk) {
    List<String> out = new ArrayList<>();
    String previousHash = null;
    for (SumFile.Entry e : recorded.entries) {
      byte[] bytes = onDisk.get(e.file());
      if (bytes != null && isUnsealedCustomTemplate(previousHash, e)
          && !SumFile.chainedHash(previousHash, e.file(), bytes).equals(e.hash())) {
        out.add(e.file());
      }
      previousHash = e.hash();
    }
    return out;
  }

  private static boolean isUnsealedCustomTemplate(String previousHash, SumFile.Entry e) {
    String template = e.file().endsWith(".down.sql") ? CUSTOM_DOWN_TEMPLATE : CUSTOM_UP_TEMPLATE;
    return SumFile.chainedHash(previousHash, e.file(), template.getBytes(StandardCharsets.UTF_8)).equals(e.hash());
  }

  /**
   * Throws {@link MigrationFolderException} listing every problem {@link #verify()} finds; first seals
   * filled-in custom migrations ({@link #sealCustomMigrations()}).
   */
  public void requireConsistent() {
    sealCustomMigrations();
    List<IntegrityProblem> problems = verify();
    if (!problems.isEmpty()) {
      StringBuilder sb = new StringBuilder("migration folder ").append(dir).append(" does not match ")
          .append(SumFile.FILE_NAME).append(':');
      for (IntegrityProblem p : problems) sb.append("\n  ").append(p);
      throw new MigrationFolderException(sb.toString());
    }
  }

  /** Rewrites {@code sluice.sum} from the files as they are now (accepts deliberate hand edits). */
  public void rehash() {
    requireWritable();
    writeAtomically(dir.resolve(SumFile.FILE_NAME), SumFile.compute(trackedFiles()).format());
  }

  /**
   * Writes the next migration: the up file (with the {@value Migration#NO_TRANSACTION_MARKER} header
   * added when a statement needs it), the down file and the snapshot when given, then
   * {@code sluice.sum}. Refuses when the folder is already inconsistent, so a write never blesses a
   * hand edit.
   */
  public Migration write(String slug, String up, String down, String snapshotJson) {
    requireWritable();
    requireConsistent();
    int version = nextVersion();
    String name = String.format(Locale.ROOT, "%04d_%s", version, sanitizeSlug(slug));
    String upText = withNoTransactionMarker(up);
    down = down == null ? null : withNoTransactionMarker(down);
    List<Path> written = new ArrayList<>();
    try {
      if (snapshotJson != null) {
        written.add(writeAtomically(snapshotPath(name), snapshotJson));
      }
      if (down != null) written.add(writeAtomically(dir.resolve(name + ".down.sql"), down));
      written.add(writeAtomically(dir.resolve(name + ".sql"), upText));
      rehash();
    } catch (RuntimeException e) {
      for (Path p : written) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort: the sum was not updated, verify() will name the leftover
        }
      }
      throw e;
    }
    return Migration.of(version, name, upText, down);
  }

  /** {@code sql} with the no-transaction header when a statement needs it (so lint sees what the migrator does). */
  private static String withNoTransactionMarker(String sql) {
    if (Migration.needsNoTransaction(dev.sluice.kit.sql.SqlScript.split(sql)) && !Migration.hasMarker(sql)) {
      return Migration.NO_TRANSACTION_MARKER + "\n-- (CONCURRENTLY and similar statements cannot run inside a transaction)\n" + sql;
    }
    return sql;
  }

  /** Writes an empty hand-written migration (for {@code sluice generate --custom}) with an explanatory header. */
  public Migration writeCustom(String slug) {
    return write(slug, CUSTOM_UP_TEMPLATE, CUSTOM_DOWN_TEMPLATE, null);
  }

  /** The up file {@code generate --custom} writes; until it is filled in, sluice.sum holds this text's hash. */
  static final String CUSTOM_UP_TEMPLATE =
      "-- Hand-written migration. Statements end with ';'. It runs in one transaction with lock_timeout set.\n"
          + "-- To run it statement by statement in autocommit instead (needed for CONCURRENTLY), add this line to\n"
          + "-- the comments at the top of the file:\n"
          + "--   " + Migration.NO_TRANSACTION_MARKER + "\n"
          + "-- Write the reverse in the .down.sql file if sluice down should be able to undo it.\n"
          + "-- sluice.sum records this file's content at the first migrate or check after you edit it.\n\n";

  /** The down file {@code generate --custom} writes next to {@link #CUSTOM_UP_TEMPLATE}. */
  static final String CUSTOM_DOWN_TEMPLATE =
      "-- The reverse of the hand-written migration next to this file, for sluice down. Leave it without\n"
          + "-- statements if the migration cannot be undone.\n\n";

  /**
   * Deletes the newest migration's files (up, down, snapshot) and updates {@code sluice.sum}; for
   * {@code sluice drop}. The caller must make sure it was not applied anywhere that matters
   * ({@link Migrator#status()}): the folder cannot know.
   */
  public Migration removeLast() {
    requireWritable();
    requireConsistent();
    List<Migration> all = migrations();
    if (all.isEmpty()) throw new MigrationFolderException("migration folder " + dir + " has no migration to remove");
    Migration last = all.get(all.size() - 1);
    try {
      Files.deleteIfExists(dir.resolve(last.fileName()));
      Files.deleteIfExists(dir.resolve(last.downFileName()));
      Files.deleteIfExists(snapshotPath(last.name()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the files of " + last.fileName(), e);
    }
    rehash();
    return last;
  }

  /** A file-name-safe slug: lower case ASCII letters, digits and single underscores, at most 60 characters. */
  public static String sanitizeSlug(String slug) {
    String s = slug == null ? "" : java.text.Normalizer.normalize(slug, java.text.Normalizer.Form.NFKD)
        .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (s.length() > 60) s = s.substring(0, 60).replaceAll("_+$", "");
    return s.isEmpty() ? "migration" : s;
  }

  // ---- files

  private Path snapshotPath(String name) {
    return dir.resolve(SNAPSHOTS).resolve(name + ".json");
  }

  private List<String> sqlFiles() {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + dir, e);
    }
  }

  /** Every file sluice.sum covers, in order: per version the up file, the down file, the snapshot; then stray snapshots. */
  private List<SumFile.FileContent> trackedFiles() {
    List<String> names = new ArrayList<>();
    Set<String> snapshotNames = new HashSet<>();
    for (Migration m : migrations()) {
      names.add(m.fileName());
      if (m.hasDown()) names.add(m.downFileName());
      String snap = SNAPSHOTS + "/" + m.name() + ".json";
      if (Files.exists(dir.resolve(snap))) names.add(snap);
      snapshotNames.add(m.name() + ".json");
    }
    Path snapDir = dir.resolve(SNAPSHOTS);
    if (Files.isDirectory(snapDir)) {
      try (Stream<Path> s = Files.list(snapDir)) {
        s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !snapshotNames.contains(n))
            .sorted(Comparator.naturalOrder()).forEach(n -> names.add(SNAPSHOTS + "/" + n));
      } catch (IOException e) {
        throw new UncheckedIOException("could not list " + snapDir, e);
      }
    }
    List<SumFile.FileContent> out = new ArrayList<>();
    for (String n : names) {
      try {
        out.add(new SumFile.FileContent(n, Files.readAllBytes(dir.resolve(n))));
      } catch (IOException e) {
        throw new UncheckedIOException("could not read " + dir.resolve(n), e);
      }
    }
    return out;
  }

  private static String baseName(String file) {
    return file.substring(0, file.length() - ".sql".length());
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + p, e);
    }
  }

  private static Path writeAtomically(Path target, String text) {
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target, e);
    }
  }
}
