package com.sharewise.node;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * The boundaries the architecture promises, checked on the compiled classes of every module on the
 * node's class path (the example plugins included).
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.sharewise");

  @Test
  void theSpiDependsOnlyOnTheJdkTa4jAndOsgiAnnotations() {
    classes()
        .that()
        .resideInAPackage("com.sharewise.api..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("com.sharewise.api..", "java..", "org.ta4j..", "org.osgi.annotation..")
        .check(CLASSES);
  }

  @Test
  void pluginsUseOnlyTheSpiTa4jOsgiAndSlf4j() {
    org.assertj.core.api.Assertions.assertThat(
            CLASSES.contain("com.sharewise.broker.paper.internal.PaperBrokerFactory"))
        .as("the example plugins are on the test class path")
        .isTrue();
    classes()
        .that()
        .resideInAnyPackage(
            "com.sharewise.broker..", "com.sharewise.strategy..", "com.sharewise.indicators..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "com.sharewise.broker..",
            "com.sharewise.strategy..",
            "com.sharewise.indicators..",
            "com.sharewise.api..",
            "java..",
            "org.ta4j..",
            "org.osgi..",
            "org.slf4j..")
        .check(CLASSES);
  }

  @Test
  void noModuleReachesIntoAnotherModulesInternalPackage() {
    classes()
        .that()
        .resideInAPackage("com.sharewise..")
        .should(notUseInternalsOfOtherModules())
        .check(CLASSES);
  }

  @Test
  void hostPartsDoNotDependOnTheNodeThatWiresThem() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "com.sharewise.store..",
            "com.sharewise.grid..",
            "com.sharewise.pluginhost..",
            "com.sharewise.server..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.sharewise.node..")
        .check(CLASSES);
  }

  /**
   * A class may use {@code com.sharewise.x.internal} only if it lives in {@code com.sharewise.x}.
   */
  private static ArchCondition<JavaClass> notUseInternalsOfOtherModules() {
    return new ArchCondition<>("use no other module's internal package") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        String own = moduleOf(item.getPackageName());
        item.getDirectDependenciesFromSelf()
            .forEach(
                dependency -> {
                  String target = dependency.getTargetClass().getPackageName();
                  if (target.startsWith("com.sharewise.")
                      && target.contains(".internal")
                      && !moduleOf(target).equals(own)) {
                    events.add(
                        SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                  }
                });
      }
    };
  }

  /**
   * The package above {@code internal}, or the package itself; the node's own packages are one
   * module (its config lists the settings each area's part declares in {@code node.internal}).
   */
  private static String moduleOf(String packageName) {
    if (packageName.equals("com.sharewise.node") || packageName.startsWith("com.sharewise.node.")) {
      return "com.sharewise.node";
    }
    int internal = packageName.indexOf(".internal");
    return internal < 0 ? packageName : packageName.substring(0, internal);
  }
}
