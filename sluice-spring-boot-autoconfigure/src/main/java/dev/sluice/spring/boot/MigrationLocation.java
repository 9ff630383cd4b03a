package dev.sluice.spring.boot;

import dev.sluice.kit.migrate.MigrationFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Resolves {@code sluice.migrate.location} to a {@link MigrationFolder}: a file system path as is, a
 * {@code classpath:} folder in place when it is a directory, else (inside a jar) copied to a
 * temporary directory, since the migrator reads a folder on disk.
 */
final class MigrationLocation {
  private MigrationLocation() {}

  static MigrationFolder resolve(String location, ResourceLoader loader) {
    String base = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    if (!base.startsWith("classpath:") && !base.startsWith("classpath*:")) {
      Path dir = Path.of(base.startsWith("file:") ? base.substring(5) : base);
      if (!Files.isDirectory(dir)) throw new IllegalStateException("sluice.migrate.location " + location + " is not a directory");
      return MigrationFolder.of(dir);
    }
    try {
      Resource root = loader.getResource(base.replace("classpath*:", "classpath:"));
      if (root.exists() && "file".equals(root.getURL().getProtocol())) return MigrationFolder.of(root.getFile().toPath());
      PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(loader);
      Resource[] files = resolver.getResources(base + "/**");
      String rootUrl = root.exists() ? root.getURL().toString() : null;
      Path target = Files.createTempDirectory("sluice-migrations");
      int copied = 0;
      for (Resource r : files) {
        if (!r.isReadable()) continue;
        String url = r.getURL().toString();
        int at = rootUrl != null && url.startsWith(rootUrl) ? rootUrl.length() : url.indexOf(base.substring(base.indexOf(':') + 1)) ;
        String rel = rootUrl != null && url.startsWith(rootUrl) ? url.substring(at) : url.substring(at + base.substring(base.indexOf(':') + 1).length());
        if (rel.startsWith("/")) rel = rel.substring(1);
        if (rel.isEmpty() || rel.endsWith("/")) continue;
        Path dest = target.resolve(rel).normalize();
        if (!dest.startsWith(target)) continue;
        Files.createDirectories(dest.getParent());
        try (InputStream in = r.getInputStream()) {
          Files.copy(in, dest);
        }
        copied++;
      }
      if (copied == 0) throw new IllegalStateException("sluice.migrate.location " + location + " has no files");
      return MigrationFolder.of(target);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read sluice.migrate.location " + location, e);
    }
  }
}
