package dev.sluice.test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a Java source snippet in memory against the current test classpath.
 *
 * <p>Exists for type-safety tests: "this must not compile" is asserted by compiling a snippet
 * that uses the public API wrongly and checking the reported error. Class files are kept in
 * memory and discarded, so nothing is written to disk and nothing is loaded.
 *
 * <pre>{@code
 * Javac.Result r = Javac.compile("Snippet", "class Snippet { String s = 42; }");
 * assertThat(r.success()).isFalse();
 * assertThat(r.errors().get(0).message()).contains("incompatible types");
 * }</pre>
 */
public final class Javac {

  private Javac() {}

  /** One compiler error: its message, 1-based line (or -1 if unknown) and that line's text. */
  public record Error(String message, long line, String sourceLine) {
    @Override
    public String toString() {
      return "line " + line + ": " + message + (sourceLine.isEmpty() ? "" : "\n    " + sourceLine);
    }
  }

  /** Outcome of one compilation: {@code success} is true only when there are no errors. */
  public record Result(boolean success, List<Error> errors) {
    public Result {
      errors = List.copyOf(errors);
    }

    /** All error messages joined, handy for assertion failure messages. */
    public String describe() {
      StringBuilder sb = new StringBuilder(success ? "compiled" : "failed to compile");
      for (Error e : errors) {
        sb.append('\n').append(e);
      }
      return sb.toString();
    }
  }

  /**
   * Compiles one compilation unit.
   *
   * @param className fully qualified name of the top-level public class in {@code source}
   *     (javac requires the file name to match it), e.g. {@code "demo.Snippet"}
   * @param source the Java source text
   */
  public static Result compile(String className, String source) {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(source, "source");
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException(
          "no system Java compiler: tests must run on a JDK, not a JRE (java.home="
              + System.getProperty("java.home") + ")");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null);
    List<String> options =
        List.of("-classpath", System.getProperty("java.class.path"), "-proc:none", "-Xlint:none",
            "--release", "17");
    List<JavaFileObject> units = List.of(new SourceFile(className, source));
    boolean ok;
    try (InMemoryOutput fileManager = new InMemoryOutput(standard)) {
      ok = compiler.getTask(null, fileManager, diagnostics, options, null, units).call();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    String[] lines = source.split("\\R", -1);
    List<Error> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      long line = d.getLineNumber();
      String text =
          line >= 1 && line <= lines.length ? lines[(int) line - 1].strip() : "";
      errors.add(new Error(d.getMessage(Locale.ROOT), line == Diagnostic.NOPOS ? -1 : line, text));
    }
    return new Result(ok && errors.isEmpty(), errors);
  }

  /**
   * Compiles several compilation units together and loads the classes in a fresh class loader whose
   * parent is the test class loader (so they see Sluice and the test classpath). For tests of
   * generated code: compile what a generator wrote, then run it.
   *
   * @param sources fully qualified class name (e.g. {@code "demo.Customers"}) to source text
   * @throws IllegalStateException naming every compiler error when the sources do not compile
   */
  public static ClassLoader compileAndLoad(Map<String, String> sources) {
    Objects.requireNonNull(sources, "sources");
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("no system Java compiler: tests must run on a JDK, not a JRE");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null);
    List<String> options =
        List.of("-classpath", System.getProperty("java.class.path"), "-proc:none", "-Xlint:none",
            "--release", "17");
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, text) -> units.add(new SourceFile(name, text)));
    Map<String, java.io.ByteArrayOutputStream> classes;
    boolean ok;
    try (InMemoryOutput fileManager = new InMemoryOutput(standard)) {
      ok = compiler.getTask(null, fileManager, diagnostics, options, null, units).call();
      classes = fileManager.classes;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    StringBuilder errors = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        String file = d.getSource() == null ? "?" : d.getSource().getName();
        errors.append('\n').append(file).append(':').append(d.getLineNumber()).append(": ")
            .append(d.getMessage(Locale.ROOT));
      }
    }
    if (!ok || errors.length() > 0) {
      throw new IllegalStateException("generated sources do not compile:" + errors);
    }
    Map<String, byte[]> bytes = new java.util.HashMap<>();
    classes.forEach((name, out) -> bytes.put(name, out.toByteArray()));
    return new ClassLoader(Javac.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = bytes.get(name);
        if (b == null) throw new ClassNotFoundException(name);
        return defineClass(name, b, 0, b.length);
      }
    };
  }

  private static final class SourceFile extends SimpleJavaFileObject {
    private final String source;

    SourceFile(String className, String source) {
      super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension),
          Kind.SOURCE);
      this.source = source;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return source;
    }
  }

  /** Keeps generated class files in memory so compiling never touches target/. */
  private static final class InMemoryOutput extends ForwardingJavaFileManager<JavaFileManager> {
    private final Map<String, java.io.ByteArrayOutputStream> classes = new ConcurrentHashMap<>();

    InMemoryOutput(JavaFileManager delegate) {
      super(delegate);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      return new SimpleJavaFileObject(
          URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
        @Override
        public java.io.OutputStream openOutputStream() {
          java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
          classes.put(className, bytes);
          return bytes;
        }
      };
    }
  }
}
