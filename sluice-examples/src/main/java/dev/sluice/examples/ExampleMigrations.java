package dev.sluice.examples;

import dev.sluice.kit.migrate.MigrationFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

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
      return Optional.of(MigrationFolder.of(copyOut(sum, app)));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad resource URL " + sum, e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not extract the " + app + " migrations from " + sum, e);
    }
  }

  private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();

  /** Copies {@code migrations/<app>/**} out of the jar once per JVM. */
  private static Path copyOut(URL sum, String app) throws IOException {
    Path done = EXTRACTED.get(app);
    if (done != null) return done;
    JarURLConnection connection = (JarURLConnection) sum.openConnection();
    connection.setUseCaches(false);
    String prefix = "migrations/" + app + "/";
    Path target = Files.createTempDirectory("sluice-" + app + "-migrations");
    try (JarFile jar = connection.getJarFile()) {
      for (JarEntry e : java.util.Collections.list(jar.entries())) {
        if (e.isDirectory() || !e.getName().startsWith(prefix)) continue;
        Path dest = target.resolve(e.getName().substring(prefix.length()));
        Files.createDirectories(dest.getParent());
        try (InputStream in = jar.getInputStream(e)) {
          Files.copy(in, dest);
        }
      }
    }
    EXTRACTED.put(app, target);
    return target;
  }
}
