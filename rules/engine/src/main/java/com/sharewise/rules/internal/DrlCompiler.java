package com.sharewise.rules.internal;

import com.sharewise.rules.DrlProblem;
import com.sharewise.rules.RuleKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles DRL at run time with the classic (DRL) engine, after {@link DrlChecker} allowed it, and
 * warms the result up ({@link Warmup}) so it is fast from its first live order. Errors come back
 * with the file, line and column the author wrote. Each build gets its own release id and is
 * removed from the KIE repository right after the container is created, so repeated builds do not
 * pile up modules in memory. Thread-safe.
 */
public final class DrlCompiler {

  private static final Pattern MVEL_POSITION = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)]");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
  private static final AtomicLong BUILDS = new AtomicLong();

  private final DrlChecker checker = new DrlChecker();
  private final Clock clock;
  private final int poolSize;

  /**
   * @param poolSize sessions kept ready per compiled rule set (grows on demand)
   */
  public DrlCompiler(Clock clock, int poolSize) {
    this.clock = clock;
    this.poolSize = poolSize;
  }

  /** Checks every source, then compiles them together into one knowledge base. */
  public CompileResult compile(
      RuleKind kind,
      long versionId,
      int version,
      String contentHash,
      List<RuleSource> sources,
      List<String> plugins) {
    long started = System.nanoTime();
    List<DrlProblem> problems = new ArrayList<>();
    for (RuleSource source : sources) {
      problems.addAll(checker.check(source.name(), source.drl()));
    }
    if (problems.stream().anyMatch(DrlProblem::isError)) {
      return new CompileResult(null, problems);
    }
    KieServices services = KieServices.Factory.get();
    ReleaseId releaseId =
        services.newReleaseId(
            "com.sharewise.rules", kind.id() + "-" + version, "1." + BUILDS.incrementAndGet());
    KieFileSystem files = services.newKieFileSystem();
    files.generateAndWritePomXML(releaseId);
    Map<String, String> pathToSource = new java.util.HashMap<>();
    for (int i = 0; i < sources.size(); i++) {
      RuleSource source = sources.get(i);
      String path =
          "src/main/resources/" + packagePath(source.drl()) + "/" + kind.id() + "_" + i + ".drl";
      pathToSource.put(path.substring("src/main/resources/".length()), source.name());
      files.write(path, source.drl());
    }
    KieBuilder builder = services.newKieBuilder(files).buildAll(DrlProject.class);
    for (Message message : builder.getResults().getMessages()) {
      if (message.getLevel() == Message.Level.INFO) {
        continue;
      }
      problems.add(toProblem(message, pathToSource));
    }
    if (problems.stream().anyMatch(DrlProblem::isError)) {
      services.getRepository().removeKieModule(releaseId);
      return new CompileResult(null, problems);
    }
    KieContainer container = services.newKieContainer(releaseId);
    services.getRepository().removeKieModule(releaseId);
    KieBase base = RuleSessions.newBase(container);
    List<String> ruleNames = new ArrayList<>();
    for (KiePackage pkg : base.getKiePackages()) {
      pkg.getRules().forEach(r -> ruleNames.add(r.getName()));
    }
    CompiledRuleSet compiled =
        new CompiledRuleSet(
            kind,
            versionId,
            version,
            contentHash,
            List.copyOf(plugins),
            List.copyOf(ruleNames),
            base,
            RuleSessions.on(base, poolSize),
            new MatchedTypes(base),
            clock.instant(),
            0);
    Warmup.run(compiled);
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new CompileResult(
        new CompiledRuleSet(
            compiled.kind(),
            compiled.versionId(),
            compiled.version(),
            compiled.contentHash(),
            compiled.plugins(),
            compiled.ruleNames(),
            compiled.kieBase(),
            compiled.sessions(),
            compiled.matchedTypes(),
            compiled.compiledAt(),
            millis),
        problems);
  }

  private static String packagePath(String drl) {
    Matcher matcher = PACKAGE.matcher(drl);
    String pkg = matcher.find() ? matcher.group(1) : "defaultpkg";
    return pkg.replace('.', '/');
  }

  private static DrlProblem toProblem(Message message, Map<String, String> pathToSource) {
    String text = message.getText() == null ? "" : message.getText().trim();
    int line = Math.max(0, message.getLine());
    int column = Math.max(0, message.getColumn());
    Matcher position = MVEL_POSITION.matcher(text);
    if (position.find()) {
      // MVEL reports the position inside the rule's text more precisely than the message does
      line = Math.max(line, Integer.parseInt(position.group(1)));
      column = Integer.parseInt(position.group(2));
    }
    String source = pathToSource.getOrDefault(message.getPath(), RuleSource.RULESET);
    String severity =
        message.getLevel() == Message.Level.ERROR ? DrlProblem.ERROR : DrlProblem.WARNING;
    return new DrlProblem(severity, source, line, column, text.replaceAll("\\s+", " "));
  }
}
