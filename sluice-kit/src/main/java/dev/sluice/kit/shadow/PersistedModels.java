package dev.sluice.kit.shadow;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.kit.snapshot.SnapshotJson;
import dev.sluice.schema.model.SchemaModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Normalised models kept on disk between runs, one JSON file per key ({@code <digest>.json}) in one
 * directory. A file holds the cache format, the key it was written for, the server it came from, the
 * model as a snapshot ({@link SnapshotJson}) and that text's SHA-256. It is written to a temporary
 * file and moved into place, so a reader sees a whole file or none; it is trusted only when all of it
 * checks out (format, key, checksum, a snapshot this Sluice reads): anything else is a miss, and the
 * normalisation that follows writes the file again. A model whose snapshot would not read back equal
 * is not written. The directory keeps the {@value #MAX_ENTRIES} most recently used files.
 *
 * <p>Failing to read or write the directory never fails a normalisation: it only costs the shadow run.
 */
final class PersistedModels {
  private static final Logger LOG = LoggerFactory.getLogger(PersistedModels.class);
  static final int MAX_ENTRIES = 32;
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private final Path directory;

  PersistedModels(Path directory) {
    this.directory = directory;
  }

  Path directory() {
    return directory;
  }

  /** The store {@link ShadowDatabase} uses now ({@link ShadowDatabase#cacheDirectory()}), or empty when it is off. */
  static Optional<PersistedModels> configured() {
    return ShadowDatabase.cacheDirectory().map(PersistedModels::new);
  }

  Path file(String digest) {
    return directory.resolve(digest + ".json");
  }

  /** The model stored under {@code digest}, if a file for it exists and checks out. */
  Optional<SchemaModel> read(String digest) {
    Path file = file(digest);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("cannot read the cached model {}: {}", file, e.toString());
      return Optional.empty();
    }
    try {
      JsonNode root = MAPPER.readTree(text);
      if (root == null || !root.isObject()) throw new IllegalArgumentException("not a JSON object");
      if (root.path("format").asInt(-1) != NormalizedKey.FORMAT) throw new IllegalArgumentException("format " + root.get("format"));
      if (!digest.equals(root.path("key").asText())) throw new IllegalArgumentException("written for another key");
      JsonNode model = root.get("model");
      if (model == null || !model.isTextual()) throw new IllegalArgumentException("no model");
      if (!sha256(model.textValue()).equals(root.path("modelSha256").asText())) throw new IllegalArgumentException("checksum");
      SchemaModel read = SnapshotJson.read(model.textValue());
      touch(file);
      return Optional.of(read);
    } catch (IOException | RuntimeException e) { // whatever is wrong with the file, it is not trusted
      LOG.info("ignoring the cached normalised model {} ({}); it will be written again", file, e.getMessage());
      return Optional.empty();
    }
  }

  /** Stores {@code model} under {@code digest}, atomically; then keeps only the most recent files. */
  void write(String digest, String server, SchemaModel model) {
    String snapshot = SnapshotJson.write(model);
    if (!SnapshotJson.read(snapshot).equals(model)) {
      LOG.warn("the normalised model does not survive its snapshot; not caching it on disk");
      return;
    }
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", NormalizedKey.FORMAT);
    root.put("key", digest);
    root.put("server", server);
    root.put("modelSha256", sha256(snapshot));
    root.put("model", snapshot);
    Path tmp = null;
    try {
      Files.createDirectories(directory);
      tmp = Files.createTempFile(directory, digest.substring(0, 12) + ".", ".tmp");
      Files.writeString(tmp, MAPPER.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file(digest), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file(digest), StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      evict();
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("cannot cache the normalised model in {}: {}", directory, e.toString());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a leftover .tmp file is never read
        }
      }
    }
  }

  /** Deletes every cached model (and leftover temporary files) of the directory. */
  void clear() {
    for (Path p : entries("*.{json,tmp}")) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        LOG.warn("cannot delete {}: {}", p, e.toString());
      }
    }
  }

  private void evict() throws IOException {
    List<Path> files = entries("*.json");
    if (files.size() <= MAX_ENTRIES) return;
    List<Path> byAge = new ArrayList<>(files);
    byAge.sort(Comparator.comparing(PersistedModels::modified));
    for (Path p : byAge.subList(0, byAge.size() - MAX_ENTRIES)) Files.deleteIfExists(p);
  }

  private List<Path> entries(String glob) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(directory)) return out;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, glob)) {
      ds.forEach(out::add);
    } catch (IOException e) {
      LOG.debug("cannot list {}: {}", directory, e.toString());
    }
    return out;
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /** A hit counts as a use: the least recently used files are the ones evicted. */
  private static void touch(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException ignored) {
      // eviction order only
    }
  }

  static String sha256(String text) {
    return HexFormat.of().formatHex(NormalizedKey.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
