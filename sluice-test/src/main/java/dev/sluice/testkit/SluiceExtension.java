package dev.sluice.testkit;

import dev.sluice.kit.migrate.MigrationFolder;
import dev.sluice.kit.migrate.Migrator;
import dev.sluice.kit.migrate.MigratorOptions;
import dev.sluice.runtime.Database;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** The extension behind {@link SluiceTest}. */
public final class SluiceExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SluiceExtension.class);

  /** A template database built once per run (per migrations + seed + history table). */
  private record Template(String name) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      TestServer.get().drop(name);
    }
  }

  /** The class's copy of the template. */
  private record ClassDatabase(String name, Database db) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      try {
        db.close();
      } finally {
        TestServer.get().drop(name);
      }
    }
  }

  /** A rollback-mode test's connection and the Database over it. */
  private record TestDatabaseHandle(RollbackConnection connection, Database db) {}

  private static SluiceTest config(ExtensionContext context) {
    return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), SluiceTest.class)
        .orElseThrow(() -> new ExtensionConfigurationException(context.getRequiredTestClass() + " is not annotated @SluiceTest"));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    SluiceTest cfg = config(context);
    String key = cfg.migrations() + "|" + cfg.seed().getName() + "|" + cfg.historyTable();
    Template template = context.getRoot().getStore(NS).getOrComputeIfAbsent(key, k -> buildTemplate(cfg), Template.class);
    TestServer server = TestServer.get();
    String name = server.newName("test");
    server.create(name, template.name());
    Database db = Database.connect(server.jdbcUrl(name));
    context.getStore(NS).put(ClassDatabase.class, new ClassDatabase(name, db));
  }

  private static Template buildTemplate(SluiceTest cfg) {
    TestServer server = TestServer.get();
    String name = server.newName("template");
    server.create(name, null);
    try (Database db = Database.connect(server.jdbcUrl(name))) {
      new Migrator(db.dataSource(), folder(cfg.migrations()), MigratorOptions.DEFAULTS.withHistoryTable(cfg.historyTable())).migrate();
      if (cfg.seed() != TestSeed.None.class) {
        try {
          cfg.seed().getDeclaredConstructor().newInstance().seed(db);
        } catch (ReflectiveOperationException e) {
          throw new ExtensionConfigurationException("cannot create " + cfg.seed().getName() + " (needs a public no-argument constructor)", e);
        }
      }
    } catch (RuntimeException e) {
      server.drop(name);
      throw e;
    }
    return new Template(name);
  }

  private static MigrationFolder folder(String location) {
    if (location.startsWith("classpath:")) {
      String path = location.substring("classpath:".length()).replaceAll("^/+", "");
      URL url = Thread.currentThread().getContextClassLoader().getResource(path);
      if (url == null || !"file".equals(url.getProtocol())) {
        throw new ExtensionConfigurationException("migrations " + location + " is not a folder on the test classpath");
      }
      try {
        return MigrationFolder.of(Path.of(url.toURI()));
      } catch (URISyntaxException e) {
        throw new ExtensionConfigurationException("bad migrations URL " + url, e);
      }
    }
    Path dir = Path.of(location);
    if (!Files.isDirectory(dir)) {
      throw new ExtensionConfigurationException("migrations folder " + dir.toAbsolutePath() + " does not exist");
    }
    return MigrationFolder.of(dir);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws SQLException {
    if (!config(context).rollback()) return;
    ClassDatabase cls = classDatabase(context);
    RollbackConnection connection = new RollbackConnection(TestServer.get().jdbcUrl(cls.name()));
    context.getStore(NS).put(TestDatabaseHandle.class, new TestDatabaseHandle(connection, Database.of(connection, () -> true)));
  }

  @Override
  public void afterEach(ExtensionContext context) throws SQLException {
    TestDatabaseHandle handle = context.getStore(NS).remove(TestDatabaseHandle.class, TestDatabaseHandle.class);
    if (handle != null) handle.connection().close();
  }

  private static ClassDatabase classDatabase(ExtensionContext context) {
    ClassDatabase cls = context.getStore(NS).get(ClassDatabase.class, ClassDatabase.class);
    if (cls == null) throw new ExtensionConfigurationException("no @SluiceTest database for " + context.getUniqueId());
    return cls;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Database.class || type == DataSource.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Database db;
    TestDatabaseHandle handle = context.getTestMethod().isPresent()
        ? context.getStore(NS).get(TestDatabaseHandle.class, TestDatabaseHandle.class) : null;
    if (handle != null) {
      db = handle.db();
    } else if (context.getTestMethod().isPresent() && config(context).rollback()) {
      throw new ParameterResolutionException("rollback mode: the test's Database exists only in test methods and @BeforeEach/@AfterEach");
    } else {
      db = classDatabase(context).db();
    }
    return parameter.getParameter().getType() == DataSource.class ? db.dataSource() : db;
  }
}
