package com.sharewise.webui.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** Sign-in, roles, user management, audit log and two-factor sign-in, in the browser. */
class SecurityFlowsIT extends UiTestBase {

  private Locator button(String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private void signInOnLoginPage(String user, String password) {
    page.getByLabel("User name").fill(user);
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
    button("Sign in").click();
  }

  @Test
  void wrongPasswordIsSaidPlainlyAndAProtectedPageLeadsToSignIn() {
    assumeTrue(node.hasLogin(), "this node has no sign-in yet");
    page.navigate(url("/admin/users"));
    page.waitForURL(u -> u.contains("/login?next="));
    signInOnLoginPage("admin", "not-the-password");
    assertThat(page.getByRole(AriaRole.ALERT)).hasText("The user name or password is wrong.");
    Chromium.screenshot(page, "login-wrong-password");
    signInOnLoginPage("admin", E2eNode.ADMIN_PASSWORD);
    // back where the user wanted to go
    page.waitForURL(u -> u.endsWith("/admin/users"));
    assertThat(page.locator("#users-table")).containsText("admin");
    // a reload keeps the session (refresh token in this tab's storage)
    page.reload();
    assertThat(page.locator("#users-table")).containsText("admin");
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("admin")))
        .isVisible();
  }

  @Test
  void adminAddsATraderWhoSeesOnlyWhatTheRoleAllowsAndTheAuditLogShowsIt() {
    assumeTrue(node.hasLogin(), "this node has no sign-in yet");
    openAsAdmin("/admin/users");
    button("Add user…").click();
    Locator dialog = page.getByRole(AriaRole.DIALOG);
    dialog.getByLabel("User name").fill("asha");
    dialog.getByLabel("Initial password").fill("asha-password-1");
    dialog.getByLabel("trader").check();
    dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add user")).click();
    Locator row = page.locator("#users-table tr", new Page.LocatorOptions().setHasText("asha"));
    assertThat(row).containsText("TRADER");
    Chromium.screenshot(page, "admin-users");

    // the audit log, filtered by action
    page.navigate(url("/admin/audit"));
    page.getByLabel("Action").fill("USER_CREATED");
    button("Apply").click();
    Locator audit = page.locator("#audit-table");
    assertThat(audit).containsText("asha");
    assertThat(audit.locator("tbody tr", new Locator.LocatorOptions().setHasText("asha")))
        .hasCount(1);
    assertThat(audit.locator("tbody tr", new Locator.LocatorOptions().setHasText("LOGIN")))
        .hasCount(0);
    button("Verify the chain").click();
    assertThat(page.getByText("Intact:")).isVisible();
    Chromium.screenshot(page, "admin-audit");

    // the trader: no admin sections, and the API's 403 in words
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
    page.waitForURL(u -> u.contains("/login"));
    signInOnLoginPage("asha", "asha-password-1");
    page.waitForURL(u -> !u.contains("/login"));
    assertThat(
            page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin").setExact(true)))
        .hasCount(0);
    page.navigate(url("/admin/users"));
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your role does not allow this");
    assertThat(unexpectedConsoleErrors()).isEmpty();
  }

  @Test
  void twoFactorEnrolmentThenSignInAsksForTheCode() throws InterruptedException {
    assumeTrue(node.hasLogin(), "this node has no sign-in yet");
    // a user of its own, so the other tests' admin sign-in stays one-factor
    String token = node.token("admin", E2eNode.ADMIN_PASSWORD);
    int created =
        node.call(
                "POST",
                "/api/v1/users",
                token,
                "{\"username\":\"ravi\",\"password\":\"ravi-password-1\",\"roles\":[\"TRADER\"]}")
            .statusCode();
    assertThat(created).isEqualTo(201);

    openSignedIn("/account", "ravi", "ravi-password-1");
    button("Set up two-factor sign-in").click();
    String secret = page.locator("code.secret").textContent().trim();
    assertThat(secret).matches("[A-Z2-7=]{16,}");
    long step = Totp.step(System.currentTimeMillis());
    page.getByLabel("Code from the app").fill(Totp.code(secret, step));
    button("Turn on").click();
    assertThat(page.getByText("Two-factor sign-in is on.")).isVisible();
    Chromium.screenshot(page, "account-totp-on");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
    page.waitForURL(u -> u.contains("/login"));
    signInOnLoginPage("ravi", "ravi-password-1");
    Locator code = page.getByLabel("Authenticator code");
    assertThat(code).isFocused();
    Chromium.screenshot(page, "login-totp-asked");
    // a code is good once: wait for the authenticator's next one
    while (Totp.step(System.currentTimeMillis()) == step) {
      Thread.sleep(250);
    }
    code.fill(Totp.code(secret, Totp.step(System.currentTimeMillis())));
    button("Sign in").click();
    page.waitForURL(u -> !u.contains("/login"));
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ravi")))
        .isVisible();
  }
}
