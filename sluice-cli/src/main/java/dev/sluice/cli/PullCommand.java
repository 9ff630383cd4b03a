package dev.sluice.cli;

import dev.sluice.kit.pull.JavaSchemaGenerator;
import dev.sluice.runtime.PgUrl;
import dev.sluice.schema.model.SchemaModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice pull}: write the Java schema source of an existing database. */
@Command(name = "pull", mixinStandardHelpOptions = true,
    description = "Introspect a database and write Java schema classes that recreate it exactly.")
final class PullCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Option(names = "--package", required = true, description = "Java package of the generated classes")
  String packageName;

  @Option(names = "--out", required = true, description = "source root to write into (e.g. src/main/java)")
  Path out;

  @Option(names = "--holder", defaultValue = JavaSchemaGenerator.DEFAULT_HOLDER,
      description = "name of the class with schema() (default: ${DEFAULT-VALUE})")
  String holder;

  @Override
  public Integer call() throws IOException {
    CliConfig cfg = project.config();
    String url = project.url();
    SchemaModel model = Databases.introspect(url, cfg);
    String source;
    try (var c = Databases.connect(url)) {
      source = c.getCatalog();
    } catch (java.sql.SQLException e) {
      source = PgUrl.redact(url);
    }
    Map<String, String> files = JavaSchemaGenerator.generate(model, packageName, holder, source);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = out.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, f.getValue());
    }
    var w = spec.commandLine().getOut();
    if (project.json) {
      w.println("{\"tables\":" + model.tables().size() + ",\"files\":" + files.size() + ",\"out\":\""
          + out.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    } else {
      w.println("pulled " + model.tables().size() + " table(s), " + model.enums().size() + " enum(s), "
          + model.views().size() + " view(s) into " + files.size() + " file(s) under " + out.resolve(packageName.replace('.', '/')));
      w.println("schema class: " + packageName + "." + holder + " (use it as \"schema\" in sluice.json)");
    }
    w.flush();
    return SluiceCommand.EXIT_OK;
  }
}
