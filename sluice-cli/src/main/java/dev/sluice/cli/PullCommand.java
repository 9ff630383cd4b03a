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
    description = {"Introspect a database and write Java schema classes that recreate it exactly.",
        "Objects the model cannot hold yet (functions, triggers, composite types, ...) are listed by kind and name,",
        "and in the generated schema class's javadoc; --strict refuses to pull when there are any."},
    footer = {"Exit code 3 with --strict when some objects are not modeled (nothing is written)."})
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

  @Option(names = "--strict", description = "fail (exit 3, nothing written) when the database holds objects the model cannot")
  boolean strict;

  @Override
  public Integer call() throws IOException {
    CliConfig cfg = project.config();
    String url = project.url();
    Databases.Live live = Databases.read(url, cfg);
    SchemaModel model = live.model();
    var w = spec.commandLine().getOut();
    if (!project.json) {
      Databases.printUnmodeled(w, "not modeled, not pulled ({n}): Sluice does not model these yet;"
          + " recreate them with a custom migration (sluice generate --custom)", live.unmodeled());
    }
    if (strict && !live.unmodeled().isEmpty()) {
      if (project.json) w.println(Json.write(Map.of("notModeled", live.unmodeled().stream().map(Object::toString).toList())));
      w.flush();
      throw new CliException("refused (--strict): " + live.unmodeled().size() + " object(s) are not modeled"
          + (project.json ? "" : " (listed above)") + "; nothing written", SluiceCommand.EXIT_CHECK_FAILED);
    }
    String source;
    try (var c = Databases.connect(url)) {
      source = c.getCatalog();
    } catch (java.sql.SQLException e) {
      source = PgUrl.redact(url);
    }
    Map<String, String> files = JavaSchemaGenerator.generate(model, packageName, holder, source,
        live.unmodeled().stream().map(Object::toString).toList());
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = out.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, f.getValue());
    }
    if (project.json) {
      Map<String, Object> json = new java.util.LinkedHashMap<>();
      json.put("tables", model.tables().size());
      json.put("files", files.size());
      json.put("out", out.toAbsolutePath().toString());
      json.put("notModeled", live.unmodeled().stream().map(Object::toString).toList());
      w.println(Json.write(json));
    } else {
      w.println("pulled " + model.tables().size() + " table(s), " + model.enums().size() + " enum(s), "
          + model.views().size() + " view(s)" + dev.sluice.kit.diff.ObjectKinds.counts(model) + " into " + files.size()
          + " file(s) under " + out.resolve(packageName.replace('.', '/')));
      w.println("schema class: " + packageName + "." + holder + " (use it as \"schema\" in sluice.json)");
    }
    w.flush();
    return SluiceCommand.EXIT_OK;
  }
}
