package com.sharewise.rules.internal;

import com.sharewise.rules.DrlProblem;
import com.sharewise.rules.internal.DrlTokens.Token;
import com.sharewise.rules.internal.DrlTokens.Type;
import com.sharewise.rules.model.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * Refuses what a rule author must not write, before anything is compiled: imports outside the fact
 * model, function definitions, globals outside the allow-list, type declarations, reflection, the
 * JVM ({@code System}, {@code Runtime}), threads, I/O, loops, the engine's internals ({@code
 * drools}, {@code kcontext}) and unicode escapes (which Java decodes before it reads strings and
 * comments, so they could smuggle code past any check).
 *
 * <p>Two passes: the DRL parser's descriptor tree for the structure (functions, globals,
 * declarations, imports, rule attributes), and a token scan that skips comments and strings for
 * what conditions and actions name. Every type named must be a fact-model type or one of a few
 * {@code java.lang}/{@code java.math} basics. Stateless and thread-safe.
 */
public final class DrlChecker {

  /** The fact model's package: the only package rules may import from. */
  public static final String MODEL_PACKAGE = Decision.class.getPackageName();

  /** Simple names of the fact-model types. */
  public static final Set<String> MODEL_TYPES =
      Set.of(
          "Side",
          "PriceType",
          "ProductType",
          "Outcome",
          "OrderIntent",
          "OrderCheck",
          "Account",
          "PositionFact",
          "QuoteFact",
          "Exposure",
          "DailyPnl",
          "OpenOrders",
          "OrderRate",
          "MarketClock",
          "RestrictedInstrument",
          "InstrumentLimit",
          "Limits",
          "Finding",
          "Decision",
          "SignalAction",
          "SignalFact",
          "SignalCheck",
          "SignalDecision");

  /** Types from the JDK a rule may name (for arithmetic, text and collected results). */
  public static final Map<String, String> JDK_TYPES =
      Map.ofEntries(
          Map.entry("String", "java.lang.String"),
          Map.entry("Math", "java.lang.Math"),
          Map.entry("Integer", "java.lang.Integer"),
          Map.entry("Long", "java.lang.Long"),
          Map.entry("Double", "java.lang.Double"),
          Map.entry("Boolean", "java.lang.Boolean"),
          Map.entry("Number", "java.lang.Number"),
          Map.entry("BigDecimal", "java.math.BigDecimal"),
          Map.entry("RoundingMode", "java.math.RoundingMode"),
          Map.entry("List", "java.util.List"),
          Map.entry("Collection", "java.util.Collection"));

  /** Globals a rule set may declare (name → type). None today: facts carry everything. */
  public static final Map<String, String> ALLOWED_GLOBALS = Map.of();

  private static final Set<String> ENUM_CONSTANTS =
      Set.of(
          "BUY",
          "SELL",
          "MARKET",
          "LIMIT",
          "SL",
          "SL_M",
          "CNC",
          "MIS",
          "NRML",
          "APPROVE",
          "MODIFY",
          "HOLD_FOR_APPROVAL",
          "REJECT",
          "ENTER_LONG",
          "EXIT_LONG",
          "ENTER_SHORT",
          "EXIT_SHORT",
          "DIRECT",
          "DEFAULTS",
          "DEFAULT_ACCOUNT");

  private static final Set<String> PACKAGE_ROOTS =
      Set.of(
          "java", "javax", "jakarta", "jdk", "sun", "com", "org", "net", "io", "groovy", "kotlin",
          "scala");

  private static final Map<String, String> FORBIDDEN_WORDS =
      Map.ofEntries(
          Map.entry(
              "function", "function definitions are not allowed: use the fact model's methods"),
          Map.entry("declare", "type declarations are not allowed: rules use the fact model"),
          Map.entry("drools", "'drools' (the engine's internals) is not allowed"),
          Map.entry("kcontext", "'kcontext' (the engine's internals) is not allowed"),
          Map.entry("while", "loops ('while') are not allowed"),
          Map.entry("for", "loops ('for') are not allowed"),
          Map.entry("do", "loops ('do') are not allowed"),
          Map.entry("foreach", "loops ('foreach') are not allowed"),
          Map.entry("until", "loops ('until') are not allowed"),
          Map.entry("def", "MVEL function definitions ('def') are not allowed"),
          Map.entry("synchronized", "'synchronized' is not allowed"),
          Map.entry("super", "'super' is not allowed"),
          Map.entry("retract", "'retract' is not allowed: facts given to rules are not removed"),
          Map.entry("delete", "'delete' is not allowed: facts given to rules are not removed"),
          Map.entry("insertLogical", "'insertLogical' is not allowed"),
          Map.entry("exitPoints", "'exitPoints' is not allowed"),
          Map.entry("channels", "'channels' is not allowed"));

  private static final Map<String, String> FORBIDDEN_TYPES =
      Map.ofEntries(
          Map.entry("System", "System is not allowed: rules cannot reach the JVM"),
          Map.entry("Runtime", "Runtime is not allowed: rules cannot reach the JVM or processes"),
          Map.entry(
              "ProcessBuilder", "ProcessBuilder is not allowed: rules cannot start processes"),
          Map.entry("Thread", "Thread is not allowed: rules cannot start or touch threads"),
          Map.entry("ThreadLocal", "ThreadLocal is not allowed: rules cannot touch threads"),
          Map.entry("Executors", "Executors is not allowed: rules cannot start threads"),
          Map.entry("Class", "Class is not allowed: no reflection in rules"),
          Map.entry("ClassLoader", "ClassLoader is not allowed: no reflection in rules"),
          Map.entry("Method", "Method is not allowed: no reflection in rules"),
          Map.entry("Field", "Field is not allowed: no reflection in rules"),
          Map.entry("MethodHandles", "MethodHandles is not allowed: no reflection in rules"),
          Map.entry("File", "File is not allowed: no I/O in rules"),
          Map.entry("Files", "Files is not allowed: no I/O in rules"),
          Map.entry("Path", "Path is not allowed: no I/O in rules"),
          Map.entry("Paths", "Paths is not allowed: no I/O in rules"),
          Map.entry("FileInputStream", "FileInputStream is not allowed: no I/O in rules"),
          Map.entry("FileOutputStream", "FileOutputStream is not allowed: no I/O in rules"),
          Map.entry("Socket", "Socket is not allowed: no network in rules"),
          Map.entry("URL", "URL is not allowed: no network in rules"),
          Map.entry("URI", "URI is not allowed: no network in rules"),
          Map.entry("HttpClient", "HttpClient is not allowed: no network in rules"),
          Map.entry("Object", "Object is not allowed: rules name fact-model types"));

  private static final Map<String, String> FORBIDDEN_MEMBERS =
      Map.ofEntries(
          Map.entry("getClass", "getClass() is not allowed: no reflection in rules"),
          Map.entry("class", "'.class' is not allowed: no reflection in rules"),
          Map.entry("forName", "forName() is not allowed: no reflection in rules"),
          Map.entry("getClassLoader", "getClassLoader() is not allowed: no reflection in rules"),
          Map.entry("getDeclaredMethod", "getDeclaredMethod() is not allowed: no reflection"),
          Map.entry("getDeclaredMethods", "getDeclaredMethods() is not allowed: no reflection"),
          Map.entry("getDeclaredField", "getDeclaredField() is not allowed: no reflection"),
          Map.entry("getDeclaredFields", "getDeclaredFields() is not allowed: no reflection"),
          Map.entry("getMethod", "getMethod() is not allowed: no reflection in rules"),
          Map.entry("getMethods", "getMethods() is not allowed: no reflection in rules"),
          Map.entry("getField", "getField() is not allowed: no reflection in rules"),
          Map.entry("getConstructor", "getConstructor() is not allowed: no reflection in rules"),
          Map.entry("newInstance", "newInstance() is not allowed: no reflection in rules"),
          Map.entry("invoke", "invoke() is not allowed: no reflection in rules"),
          Map.entry("setAccessible", "setAccessible() is not allowed: no reflection in rules"),
          Map.entry("exit", "exit() is not allowed: rules cannot stop the JVM"),
          Map.entry("halt", "halt() is not allowed: rules cannot stop the JVM or the engine"),
          Map.entry("exec", "exec() is not allowed: rules cannot start processes"),
          Map.entry("getRuntime", "getRuntime() is not allowed: rules cannot reach the JVM"),
          Map.entry("getenv", "getenv() is not allowed: rules cannot read the environment"),
          Map.entry("getProperty", "getProperty() is not allowed: rules cannot read settings"),
          Map.entry("getInteger", "getInteger() reads system properties and is not allowed"),
          Map.entry("getLong", "getLong() reads system properties and is not allowed"),
          Map.entry("getBoolean", "getBoolean() reads system properties and is not allowed"),
          Map.entry("wait", "wait() is not allowed: rules cannot block"),
          Map.entry("notify", "notify() is not allowed"),
          Map.entry("notifyAll", "notifyAll() is not allowed"),
          Map.entry("enterRule", "enterRule() is the platform's, not for rules"),
          Map.entry("failClosed", "failClosed() is the platform's, not for rules"),
          Map.entry("getKieRuntime", "getKieRuntime() is not allowed: the engine's internals"),
          Map.entry("getKieBase", "getKieBase() is not allowed: the engine's internals"));

  private static final Set<String> FORBIDDEN_ATTRIBUTES =
      Set.of("timer", "calendars", "duration", "date-effective", "date-expires");

  /** Every problem in {@code drl}, errors only; empty when it may be compiled. */
  public List<DrlProblem> check(String source, String drl) {
    List<DrlProblem> problems = new ArrayList<>();
    checkUnicodeEscapes(source, drl, problems);
    PackageDescr descr = parse(source, drl, problems);
    if (!problems.isEmpty()) {
      return problems;
    }
    checkStructure(source, descr, problems);
    checkTokens(source, DrlTokens.of(drl), problems);
    UnguardedParts.check(source, descr, problems);
    problems.sort(
        java.util.Comparator.comparingInt(DrlProblem::line).thenComparingInt(DrlProblem::column));
    return dedupe(problems);
  }

  private static List<DrlProblem> dedupe(List<DrlProblem> problems) {
    List<DrlProblem> unique = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (DrlProblem problem : problems) {
      if (seen.add(problem.line() + ":" + problem.message())) {
        unique.add(problem);
      }
    }
    return unique;
  }

  private static void checkUnicodeEscapes(String source, String drl, List<DrlProblem> problems) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < drl.length(); i++) {
      char c = drl.charAt(i);
      if (c == '\\' && i + 1 < drl.length() && drl.charAt(i + 1) == 'u') {
        problems.add(
            DrlProblem.error(
                source,
                line,
                column,
                "unicode escapes (\\uXXXX) are not allowed: type the character itself"));
      }
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
  }

  private static PackageDescr parse(String source, String drl, List<DrlProblem> problems) {
    DrlParser parser = new DrlParser();
    try {
      PackageDescr descr = parser.parse(false, drl);
      if (parser.hasErrors()) {
        for (DroolsError error : parser.getErrors()) {
          int line = error instanceof ParserError p ? p.getRow() : firstLine(error.getLines());
          int column = error instanceof ParserError p ? p.getCol() + 1 : 0;
          problems.add(
              DrlProblem.error(source, line, column, "syntax error: " + error.getMessage()));
        }
      }
      return descr;
    } catch (DroolsParserException e) {
      problems.add(
          DrlProblem.error(
              source, Math.max(0, e.getLineNumber()), 0, "syntax error: " + e.getMessage()));
      return null;
    }
  }

  private static int firstLine(int[] lines) {
    return lines == null || lines.length == 0 ? 0 : lines[0];
  }

  private void checkStructure(String source, PackageDescr descr, List<DrlProblem> problems) {
    descr
        .getImports()
        .forEach(
            i -> {
              if (!importAllowed(i.getTarget())) {
                problems.add(
                    at(
                        source,
                        i,
                        "import "
                            + i.getTarget()
                            + " is outside the fact model; rules may import "
                            + MODEL_PACKAGE
                            + ".* and "
                            + new TreeSet<>(JDK_TYPES.values())));
              }
            });
    descr
        .getFunctionImports()
        .forEach(i -> problems.add(at(source, i, "import function is not allowed")));
    descr
        .getAccumulateImports()
        .forEach(i -> problems.add(at(source, i, "import accumulate is not allowed")));
    descr
        .getFunctions()
        .forEach(
            f ->
                problems.add(
                    at(
                        source,
                        f,
                        "function definitions are not allowed ('"
                            + f.getName()
                            + "'): use the fact model's methods")));
    descr
        .getGlobals()
        .forEach(
            g -> {
              String allowed = ALLOWED_GLOBALS.get(g.getIdentifier());
              if (allowed == null || !allowed.equals(g.getType())) {
                problems.add(
                    at(
                        source,
                        g,
                        "global '"
                            + g.getIdentifier()
                            + "' is not allowed; allowed globals: "
                            + (ALLOWED_GLOBALS.isEmpty() ? "none" : ALLOWED_GLOBALS.keySet())));
              }
            });
    descr
        .getTypeDeclarations()
        .forEach(
            t ->
                problems.add(
                    at(
                        source,
                        t,
                        "type declarations are not allowed ('declare "
                            + t.getTypeName()
                            + "'): rules use the fact model")));
    descr
        .getEnumDeclarations()
        .forEach(e -> problems.add(at(source, e, "enum declarations are not allowed")));
    descr
        .getWindowDeclarations()
        .forEach(w -> problems.add(at(source, w, "window declarations are not allowed")));
    for (AttributeDescr attribute : descr.getAttributes()) {
      checkAttribute(source, attribute, problems);
    }
    for (RuleDescr rule : descr.getRules()) {
      for (AttributeDescr attribute : rule.getAttributes().values()) {
        checkAttribute(source, attribute, problems);
      }
    }
  }

  private static void checkAttribute(
      String source, AttributeDescr attribute, List<DrlProblem> problems) {
    String name = attribute.getName();
    if ("dialect".equals(name) && !"java".equals(unquote(attribute.getValue()))) {
      problems.add(
          at(source, attribute, "dialect " + attribute.getValue() + " is not allowed; use java"));
    }
    if (FORBIDDEN_ATTRIBUTES.contains(name)) {
      problems.add(
          at(
              source,
              attribute,
              "attribute '" + name + "' is not allowed: each order is judged once, at once"));
    }
  }

  private static String unquote(String value) {
    return value == null ? "" : value.replace("\"", "").replace("'", "").trim();
  }

  static boolean importAllowed(String target) {
    if (target == null) {
      return false;
    }
    if (target.equals(MODEL_PACKAGE + ".*")) {
      return true;
    }
    if (target.startsWith(MODEL_PACKAGE + ".")) {
      return MODEL_TYPES.contains(target.substring(MODEL_PACKAGE.length() + 1));
    }
    return JDK_TYPES.containsValue(target);
  }

  private static DrlProblem at(String source, BaseDescr descr, String message) {
    return DrlProblem.error(
        source, Math.max(0, descr.getLine()), Math.max(0, descr.getColumn()) + 1, message);
  }

  private void checkTokens(String source, List<Token> tokens, List<DrlProblem> problems) {
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.type() == Type.SYMBOL && token.is("@")) {
        i++; // an annotation's name, e.g. @watch
        continue;
      }
      if (token.type() != Type.IDENT) {
        continue;
      }
      String word = token.text();
      if (token.afterDot()) {
        String why = FORBIDDEN_MEMBERS.get(word);
        if (why != null) {
          problems.add(DrlProblem.error(source, token.line(), token.column(), why));
        }
        continue;
      }
      if ((word.equals("package") || word.equals("import")) && startsStatement(tokens, i)) {
        i = endOfStatement(tokens, i);
        continue;
      }
      if ((word.equals("rule") || word.equals("query") || word.equals("extends"))
          && i + 1 < tokens.size()) {
        i++; // the (possibly unquoted) name that follows is not a type
        continue;
      }
      String why = FORBIDDEN_WORDS.get(word);
      if (why != null) {
        problems.add(DrlProblem.error(source, token.line(), token.column(), why));
        continue;
      }
      if (PACKAGE_ROOTS.contains(word) && i + 2 < tokens.size() && tokens.get(i + 1).is(".")) {
        int end = i;
        StringBuilder name = new StringBuilder(word);
        while (end + 2 < tokens.size()
            && tokens.get(end + 1).is(".")
            && tokens.get(end + 2).type() == Type.IDENT) {
          end += 2;
          name.append('.').append(tokens.get(end).text());
          String segment = tokens.get(end).text();
          if (qualifiedAllowed(name.toString()) || Character.isUpperCase(segment.charAt(0))) {
            break; // the class is named; what follows are its members
          }
        }
        if (!qualifiedAllowed(name.toString())) {
          problems.add(
              DrlProblem.error(
                  source,
                  token.line(),
                  token.column(),
                  "fully-qualified name '" + name + "' is outside the fact model"));
        }
        i = end;
        continue;
      }
      checkTypeName(source, token, problems);
    }
  }

  private static boolean qualifiedAllowed(String name) {
    if (name.startsWith(MODEL_PACKAGE + ".")) {
      String rest = name.substring(MODEL_PACKAGE.length() + 1);
      return MODEL_TYPES.contains(rest);
    }
    return JDK_TYPES.containsValue(name);
  }

  private static void checkTypeName(String source, Token token, List<DrlProblem> problems) {
    String word = token.text();
    if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
      return;
    }
    if (MODEL_TYPES.contains(word)
        || JDK_TYPES.containsKey(word)
        || ENUM_CONSTANTS.contains(word)) {
      return;
    }
    String why = FORBIDDEN_TYPES.get(word);
    problems.add(
        DrlProblem.error(
            source,
            token.line(),
            token.column(),
            why != null
                ? why
                : "type '"
                    + word
                    + "' is not part of the fact model; rules may name "
                    + new TreeSet<>(MODEL_TYPES)
                    + " and "
                    + new TreeSet<>(JDK_TYPES.keySet())));
  }

  private static boolean startsStatement(List<Token> tokens, int i) {
    return i == 0 || tokens.get(i - 1).is(";") || tokens.get(i - 1).line() < tokens.get(i).line();
  }

  private static int endOfStatement(List<Token> tokens, int i) {
    int line = tokens.get(i).line();
    int j = i;
    while (j + 1 < tokens.size()
        && tokens.get(j + 1).line() == line
        && !tokens.get(j + 1).is(";")) {
      j++;
    }
    return j;
  }
}
