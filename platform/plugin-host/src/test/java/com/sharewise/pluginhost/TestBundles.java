package com.sharewise.pluginhost;

import com.sharewise.api.strategy.StrategyFactory;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.osgi.framework.BundleActivator;
import org.slf4j.Logger;
import org.ta4j.core.BarSeries;

/**
 * Builds plugin bundles at test time: Java sources compiled with {@code javax.tools} against the
 * SPI (plus ta4j, the OSGi core API and SLF4J, all found on the test class path), packaged with a
 * hand-written OSGi manifest. No bnd, no Maven: a test states exactly the headers it needs.
 *
 * <pre>{@code
 * byte[] jar = TestBundles.strategy("com.example.sma", "1.0.0", "sma", "v1").build();
 * byte[] ds = TestBundles.bundle("com.example.ds").source("com.example.ds.Impl", src)
 *     .importPackage("com.sharewise.api.strategy;version=\"[1.0,2)\"")
 *     .dsComponent("OSGI-INF/impl.xml", xml).build();
 * }</pre>
 *
 * Thread-safe (each builder is used by one thread; compilation uses its own temp folders).
 */
public final class TestBundles {

  /** Import-Package entries for the SPI packages a typical strategy uses. */
  public static final List<String> STRATEGY_IMPORTS =
      List.of(
          "com.sharewise.api.strategy;version=\"[1.0,2)\"",
          "com.sharewise.api.param;version=\"[1.0,2)\"",
          "com.sharewise.api.market;version=\"[1.0,2)\"",
          "org.osgi.framework;version=\"[1.8,2)\"",
          "org.slf4j;version=\"[2.0,3)\"",
          "org.ta4j.core;version=\"[0.22,1)\"");

  /**
   * The strategy activator's start: logs through SLF4J and builds a ta4j series (so every strategy
   * test bundle proves both are exported to plugins), then registers the factory.
   */
  private static final String STRATEGY_START =
      """
      org.slf4j.LoggerFactory.getLogger(Activator.class).info("{} starting, ta4j series {}",
          ctx.getBundle().getSymbolicName(),
          new org.ta4j.core.BaseBarSeriesBuilder().withName("probe").build().getName());
      ctx.registerService(com.sharewise.api.strategy.StrategyFactory.class, new Factory(), null);
      """;

  private TestBundles() {}

  /** A bundle builder with {@code Bundle-SymbolicName} and version 1.0.0. */
  public static Builder bundle(String symbolicName) {
    return new Builder(symbolicName);
  }

  /**
   * A strategy plugin whose activator registers a {@code StrategyFactory} with descriptor id {@code
   * strategyId} and description {@code description}.
   */
  public static Builder strategy(
      String symbolicName, String version, String strategyId, String description) {
    String pkg = packageOf(symbolicName);
    return bundle(symbolicName)
        .version(version)
        .source(pkg + ".Factory", strategyFactorySource(pkg, strategyId, description))
        .source(pkg + ".Activator", activatorSource(pkg, STRATEGY_START))
        .activator(pkg + ".Activator")
        .importPackage(STRATEGY_IMPORTS);
  }

  /** A strategy plugin registered by Declarative Services instead of an activator. */
  public static Builder dsStrategy(
      String symbolicName, String version, String strategyId, String description) {
    String pkg = packageOf(symbolicName);
    String component =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="%s.Factory">
          <implementation class="%s.Factory"/>
          <service><provide interface="com.sharewise.api.strategy.StrategyFactory"/></service>
        </scr:component>
        """
            .formatted(pkg, pkg);
    return bundle(symbolicName)
        .version(version)
        .source(pkg + ".Factory", strategyFactorySource(pkg, strategyId, description))
        .importPackage(STRATEGY_IMPORTS.subList(0, 3)) // no activator: no OSGi, SLF4J, ta4j
        .dsComponent("OSGI-INF/" + pkg + ".Factory.xml", component);
  }

  /** A strategy plugin whose activator throws {@code IllegalStateException(message)}. */
  public static Builder throwingActivator(String symbolicName, String message) {
    String pkg = packageOf(symbolicName);
    return bundle(symbolicName)
        .source(
            pkg + ".Activator",
            activatorSource(pkg, "throw new IllegalStateException(\"" + message + "\");"))
        .activator(pkg + ".Activator")
        .importPackage("org.osgi.framework;version=\"[1.8,2)\"");
  }

  /** Bytes that are not a zip at all. */
  public static byte[] notAZip() {
    return "this is not a jar\n".getBytes(StandardCharsets.UTF_8);
  }

  /** A valid zip with a class-like entry but no manifest. */
  public static byte[] jarWithoutManifest() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("com/example/Thing.txt"));
      zip.write("hello".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Writes {@code content} to {@code directory/fileName} the way a user's copy would end up. */
  public static Path drop(Path directory, String fileName, byte[] content) {
    try {
      Path temp = Files.createTempFile(directory.getParent(), fileName, ".part");
      Files.write(temp, content);
      return Files.move(
          temp,
          directory.resolve(fileName),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds one bundle jar. */
  public static final class Builder {
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();
    private final List<String> imports = new ArrayList<>();
    private final List<String> components = new ArrayList<>();

    private Builder(String symbolicName) {
      headers.put("Bundle-ManifestVersion", "2");
      headers.put("Bundle-SymbolicName", symbolicName);
      headers.put("Bundle-Version", "1.0.0");
      headers.put("Bundle-Name", "Test plugin " + symbolicName);
    }

    public Builder version(String version) {
      return header("Bundle-Version", version);
    }

    /** Sets (or with a null value removes) a manifest header. */
    public Builder header(String name, String value) {
      if (value == null) {
        headers.remove(name);
      } else {
        headers.put(name, value);
      }
      return this;
    }

    /** Adds a Java source file, by fully qualified class name. */
    public Builder source(String className, String javaSource) {
      sources.put(className, javaSource);
      return this;
    }

    public Builder activator(String className) {
      return header("Bundle-Activator", className);
    }

    public Builder importPackage(String... clauses) {
      return importPackage(List.of(clauses));
    }

    public Builder importPackage(List<String> clauses) {
      imports.addAll(clauses);
      return this;
    }

    /** Adds a Declarative Services component description and lists it in Service-Component. */
    public Builder dsComponent(String path, String xml) {
      components.add(path);
      return resource(path, xml.getBytes(StandardCharsets.UTF_8));
    }

    public Builder resource(String path, byte[] content) {
      resources.put(path, content);
      return this;
    }

    /** Compiles the sources and packages the jar. */
    public byte[] build() {
      Manifest manifest = new Manifest();
      Attributes main = manifest.getMainAttributes();
      main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
      headers.forEach(main::putValue);
      if (!imports.isEmpty()) {
        main.putValue("Import-Package", String.join(",", imports));
      }
      if (!components.isEmpty()) {
        main.putValue("Service-Component", String.join(",", components));
        main.putValue(
            "Require-Capability",
            "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.5.0)(!(version>=2.0.0)))\"");
      }
      Map<String, byte[]> classes = compile(sources);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
          write(jar, entry.getKey(), entry.getValue());
        }
        for (Map.Entry<String, byte[]> entry : resources.entrySet()) {
          write(jar, entry.getKey(), entry.getValue());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }

    private static void write(JarOutputStream jar, String path, byte[] content) throws IOException {
      jar.putNextEntry(new JarEntry(path));
      jar.write(content);
      jar.closeEntry();
    }
  }

  /** Compiles sources with {@code --release 21}; returns class files by jar path. */
  static Map<String, byte[]> compile(Map<String, String> sources) {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    if (sources.isEmpty()) {
      return classes;
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("Tests need a JDK (javax.tools compiler), not a JRE");
    }
    Path work = null;
    try {
      work = Files.createTempDirectory("test-bundle-");
      Path src = Files.createDirectories(work.resolve("src"));
      Path out = Files.createDirectories(work.resolve("classes"));
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--release",
                  "21",
                  "-proc:none",
                  "-nowarn",
                  "-classpath",
                  compileClasspath(),
                  "-d",
                  out.toString()));
      for (Map.Entry<String, String> source : sources.entrySet()) {
        Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getValue());
        args.add(file.toString());
      }
      ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
      int result = compiler.run(null, null, diagnostics, args.toArray(String[]::new));
      if (result != 0) {
        throw new IllegalStateException(
            "Test bundle did not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));
      }
      try (Stream<Path> files = Files.walk(out)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          classes.put(out.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
      }
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(work);
    }
  }

  /** The SPI, ta4j, OSGi core and SLF4J jars, located from classes on the test class path. */
  static String compileClasspath() {
    return Stream.of(StrategyFactory.class, BarSeries.class, BundleActivator.class, Logger.class)
        .map(TestBundles::locationOf)
        .distinct()
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String packageOf(String symbolicName) {
    return symbolicName.replace('-', '_');
  }

  private static String strategyFactorySource(String pkg, String strategyId, String description) {
    return """
        package %s;

        import com.sharewise.api.param.Parameters;
        import com.sharewise.api.strategy.StrategyContext;
        import com.sharewise.api.strategy.StrategyDescriptor;
        import com.sharewise.api.strategy.StrategyFactory;
        import com.sharewise.api.strategy.StrategyInstance;
        import java.util.List;
        import java.util.Set;

        public final class Factory implements StrategyFactory {
          private static final StrategyDescriptor DESCRIPTOR =
              new StrategyDescriptor("%s", "Test strategy %s", "%s", List.of(), Set.of());

          @Override
          public StrategyDescriptor descriptor() {
            return DESCRIPTOR;
          }

          @Override
          public StrategyInstance create(StrategyContext context, Parameters parameters) {
            return bar -> { };
          }
        }
        """
        .formatted(pkg, strategyId, strategyId, description);
  }

  private static String activatorSource(String pkg, String startBody) {
    return """
        package %s;

        import org.osgi.framework.BundleActivator;
        import org.osgi.framework.BundleContext;

        public final class Activator implements BundleActivator {
          @Override
          public void start(BundleContext ctx) {
            %s
          }

          @Override
          public void stop(BundleContext ctx) { }
        }
        """
        .formatted(pkg, startBody);
  }

  private static void deleteTree(Path root) {
    if (root == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(TestBundles::deleteQuietly);
    } catch (IOException ignored) {
      // temp folder; the OS cleans up
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // temp folder; the OS cleans up
    }
  }
}
