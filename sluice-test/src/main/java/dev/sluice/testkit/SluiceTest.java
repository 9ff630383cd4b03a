package dev.sluice.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test class a database migrated from {@link #migrations()} (and seeded by {@link #seed()}):
 * the first class of a run builds a template database once, every class gets its own copy
 * ({@code CREATE DATABASE ... TEMPLATE}), dropped after the class. Test methods, constructors and
 * lifecycle methods can take a {@link dev.sluice.runtime.Database} or {@link javax.sql.DataSource}
 * parameter. The server is {@code SLUICE_TEST_DATABASE_URL} when set (a role that may create
 * databases), else an embedded PostgreSQL started once per JVM.
 *
 * <pre>{@code
 * @SluiceTest(migrations = "src/main/resources/db/sluice", seed = DemoData.class)
 * class ProjectRepositoryTest {
 *   @Test void findsProjects(Database db) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SluiceExtension.class)
public @interface SluiceTest {
  /** The migration folder: a path (relative to the working directory) or {@code classpath:folder}. */
  String migrations() default "src/main/resources/db/sluice";

  /** Seeds the template after migrating (once per run); {@link TestSeed.None} seeds nothing. */
  Class<? extends TestSeed> seed() default TestSeed.None.class;

  /**
   * Run each test method in a transaction rolled back after it, so tests of one class do not see each
   * other's writes: the injected {@code Database} then works on that one connection, and its
   * {@code db.transaction(...)} calls are savepoints in it.
   */
  boolean rollback() default false;

  /** History table name (schema {@code sluice}). */
  String historyTable() default "migrations";
}
