package dev.sluice.examples;

import dev.sluice.kit.migrate.MigrationFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The example apps' committed migrations ({@code migrations/<app>/} on the classpath) as a
 * {@link MigrationFolder}. From a jar (the CLI) they are copied to a temporary directory first,
 * because the migrator reads a folder on disk.
 */
public final class ExampleMigrations {
  private ExampleMigrations() {}

  /** The folder of {@code app} ("saas", "bookings"), or empty when this build does not have it. */
  public static Optional<MigrationFolder> folder(String app) {
    URL sum = ExampleMigrations.class.getClassLoader().getResource("migrations/" + app + "/sluice.sum");
    if (sum == null) return Optional.empty();
    try {
      URI uri = sum.toURI();
      if ("file".equals(uri.getScheme())) return Optional.of(MigrationFolder.of(Path.of(uri).getParent()));
      return Optional.of(MigrationFolder.of(copyOut(uri, app)));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad resource URL " + sum, e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not extract the " + app + " migrations from " + sum, e);
    }
  }

  private static Path copyOut(URI sumUri, String app) throws IOException {
    FileSystem fs;
    boolean opened = false;
    try {
      fs = FileSystems.newFileSystem(sumUri, Map.of());
      opened = true;
    } catch (FileSystemAlreadyExistsException e) {
      fs = FileSystems.getFileSystem(sumUri);
    }
    try {
      Path source = fs.provider().getPath(sumUri).getParent();
      Path target = Files.createTempDirectory("sluice-" + app + "-migrations");
      List<Path> files;
      try (Stream<Path> walk = Files.walk(source)) {
        files = walk.filter(Files::isRegularFile).toList();
      }
      for (Path f : files) {
        Path dest = target.resolve(source.relativize(f).toString());
        Files.createDirectories(dest.getParent());
        Files.copy(f, dest);
      }
      return target;
    } finally {
      if (opened) fs.close();
    }
  }
}
