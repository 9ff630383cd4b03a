package dev.sluice.cli;

import dev.sluice.schema.Schema;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads the application's schema from compiled classes: either a class (with a static
 * {@code schema()} method returning {@link Schema}, else its public static definition fields), or a
 * package (every class in it, scanned for public static definitions).
 */
final class SchemaLoader {
  private SchemaLoader() {}

  static Schema load(String target, List<String> classpath) {
    if (target == null || target.isBlank()) {
      throw new CliException("no schema: pass --schema <class or package> or set \"schema\" in sluice.json");
    }
    ClassLoader loader = classLoader(classpath);
    try {
      Class<?> c = Class.forName(target, true, loader);
      return fromClass(c);
    } catch (ClassNotFoundException notAClass) {
      List<Class<?>> classes = classesInPackage(target, classpath, loader);
      if (classes.isEmpty()) {
        throw new CliException("schema " + target + " is neither a class nor a package with classes on the classpath "
            + classpath + " (compile your project first, e.g. mvn compile)");
      }
      return Schema.scan(classes.toArray(Class<?>[]::new));
    } catch (ExceptionInInitializerError e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new CliException("loading schema class " + target + " failed: " + cause);
    }
  }

  static Schema fromClass(Class<?> c) {
    try {
      Method m = c.getMethod("schema");
      if (Modifier.isStatic(m.getModifiers()) && Schema.class.isAssignableFrom(m.getReturnType())) {
        return (Schema) m.invoke(null);
      }
    } catch (NoSuchMethodException ignored) {
      // fall back to scanning its static fields
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new CliException(c.getName() + ".schema() failed: " + cause);
    }
    return Schema.scan(c);
  }

  private static ClassLoader classLoader(List<String> classpath) {
    List<URL> urls = new ArrayList<>();
    for (String entry : classpath) {
      for (String part : entry.split(File.pathSeparator)) {
        if (part.isBlank()) continue;
        if (!Files.exists(Path.of(part))) {
          throw new CliException("classpath " + (part.endsWith(".jar") ? "jar " : "folder ") + part
              + " does not exist (compile your project first, e.g. mvn compile)");
        }
        try {
          urls.add(Path.of(part).toAbsolutePath().toUri().toURL());
        } catch (MalformedURLException e) {
          throw new CliException("bad classpath entry " + part);
        }
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), SchemaLoader.class.getClassLoader());
  }

  private static List<Class<?>> classesInPackage(String pkg, List<String> classpath, ClassLoader loader) {
    String dir = pkg.replace('.', '/');
    List<String> names = new ArrayList<>();
    for (String entry : classpath) {
      for (String part : entry.split(File.pathSeparator)) {
        Path p = Path.of(part);
        if (Files.isDirectory(p.resolve(dir))) {
          try (Stream<Path> files = Files.list(p.resolve(dir))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                .forEach(n -> names.add(pkg + "." + n.substring(0, n.length() - 6)));
          } catch (IOException e) {
            throw new CliException("cannot list " + p.resolve(dir) + ": " + e.getMessage());
          }
        } else if (part.endsWith(".jar") && Files.isRegularFile(p)) {
          try (JarFile jar = new JarFile(p.toFile())) {
            Enumeration<JarEntry> en = jar.entries();
            while (en.hasMoreElements()) {
              String n = en.nextElement().getName();
              if (n.startsWith(dir + "/") && n.endsWith(".class") && !n.contains("$") && n.indexOf('/', dir.length() + 1) < 0) {
                names.add(n.substring(0, n.length() - 6).replace('/', '.'));
              }
            }
          } catch (IOException e) {
            throw new CliException("cannot read " + p + ": " + e.getMessage());
          }
        }
      }
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String n : names.stream().sorted().toList()) {
      try {
        classes.add(Class.forName(n, true, loader));
      } catch (ClassNotFoundException | LinkageError e) {
        throw new CliException("cannot load " + n + ": " + e);
      }
    }
    return classes;
  }

  // --- seed command: load a seeder class from the project's classpath ---
  static Class<?> loadClass(String name, List<String> classpath) {
    try {
      return Class.forName(name, true, classLoader(classpath));
    } catch (ClassNotFoundException e) {
      throw new CliException("class " + name + " is not on the classpath " + classpath + " (compile your project first)");
    }
  }
}
