package com.sharewise.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

class AccessRuleTest {

  @RolesAllowed("ADMIN")
  static class AdminResource {
    public void inherits() {}

    @PermitAll
    public void open() {}

    @RolesAllowed({"TRADER", "ADMIN"})
    public void traders() {}

    @DenyAll
    public void closed() {}
  }

  static class PlainResource {
    public void forgotten() {}

    @PermitAll
    public void open() {}
  }

  private static AccessRule rule(Class<?> type, String method) throws NoSuchMethodException {
    return AccessRule.of(type, type.getMethod(method));
  }

  @Test
  void theMethodsAnnotationWinsOverTheClasss() throws Exception {
    assertThat(rule(AdminResource.class, "inherits").roles()).containsExactly("ADMIN");
    assertThat(rule(AdminResource.class, "open").kind()).isEqualTo(AccessRule.Kind.PUBLIC);
    assertThat(rule(AdminResource.class, "traders").roles())
        .containsExactlyInAnyOrder("TRADER", "ADMIN");
    assertThat(rule(AdminResource.class, "closed").kind()).isEqualTo(AccessRule.Kind.DENIED);
  }

  @Test
  void aMethodWithoutAnyAnnotationIsUndeclaredAndNeedsNoTokenBecauseNobodyPasses()
      throws Exception {
    AccessRule forgotten = rule(PlainResource.class, "forgotten");

    assertThat(forgotten.kind()).isEqualTo(AccessRule.Kind.UNDECLARED);
    assertThat(rule(PlainResource.class, "open").kind()).isEqualTo(AccessRule.Kind.PUBLIC);
  }
}
