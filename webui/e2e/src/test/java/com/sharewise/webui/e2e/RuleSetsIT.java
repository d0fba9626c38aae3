package com.sharewise.webui.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * A risk officer edits the risk rules in the browser, sees the compile error at its line, fixes it,
 * submits; a second risk officer approves and activates; the new rule then decides.
 */
class RuleSetsIT extends UiTestBase {

  private static final String NEW_RULE =
      """

      rule "no TATAMOTORS in this test"
      when
          $o : OrderIntent( instrument == "NSE:TATAMOTORS" )
          $d : Decision()
      then
          $d.reject("NSE:TATAMOTORS is blocked by the browser test's rule");
      end
      """;

  private Locator button(String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  /** Selects all in the editor and pastes {@code text}, as a risk officer pastes a rule. */
  private void replaceEditorText(String text) {
    Locator editor = page.locator(".drl-editor .cm-content");
    editor.click();
    page.keyboard().press("Control+A");
    editor.evaluate(
        "(el, text) => { const data = new DataTransfer(); data.setData('text/plain', text);"
            + " el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true,"
            + " cancelable: true})); }",
        text);
  }

  private void createRiskOfficer(String token, String name) {
    int status =
        node.call(
                "POST",
                "/api/v1/users",
                token,
                "{\"username\":\""
                    + name
                    + "\",\"password\":\""
                    + name
                    + "-password-1\",\"roles\":[\"RISK_OFFICER\"]}")
            .statusCode();
    assertThat(status).isEqualTo(201);
  }

  @Test
  void editValidateFixSubmitApproveActivateAndTheNewRuleDecides() {
    assumeTrue(node.hasLogin(), "this node has no sign-in yet");
    String admin = node.token("admin", E2eNode.ADMIN_PASSWORD);
    assumeTrue(node.has("/api/v1/rulesets", admin), "this node has no rule sets yet");
    createRiskOfficer(admin, "rita");
    createRiskOfficer(admin, "omar");
    String rita = node.token("rita", "rita-password-1");
    String active =
        E2eNode.json(node.call("GET", "/api/v1/rulesets/risk/versions/1", rita, null).body())
            .path("drl")
            .asText();
    assertThat(active).contains("package com.sharewise.rules.risk");

    // rita writes a rule with a syntax error: the error is marked at its line
    openSignedIn("/admin/rules?kind=risk", "rita", "rita-password-1");
    Locator editor = page.locator(".drl-editor .cm-content");
    assertThat(editor).containsText("package com.sharewise.rules.risk");
    String broken = active + NEW_RULE.replace("$d : Decision()", "$d : Decision(");
    replaceEditorText(broken);
    page.getByLabel("Comment for this version").fill("block TATAMOTORS");
    button("Save as draft").click();
    Locator validation = page.getByTestId("validation");
    assertThat(validation).containsText("error");
    int badLine = broken.split("\n", -1).length - 3; // the "then" after the unclosed pattern
    assertThat(validation).containsText("Line ");
    assertThat(page.locator(".cm-lintRange-error").first()).isVisible();
    assertThat(page.locator(".cm-gutter-lint .cm-lint-marker-error").first()).isVisible();
    Chromium.screenshot(page, "rules-inline-error");
    assertThat(badLine).isPositive();

    // the fix compiles, passes the scenarios and becomes draft v2; rita submits it
    replaceEditorText(active + NEW_RULE);
    button("Save as draft").click();
    Locator versions =
        page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Versions"));
    assertThat(versions).containsText("v2");
    assertThat(page.getByTestId("validation")).containsText("Compiles without problems.");
    button("Submit for approval").click();
    assertThat(page.locator(".review")).containsText("SUBMITTED");
    // four eyes: her own change cannot be approved by her
    assertThat(button("Approve")).isDisabled();
    assertThat(page.getByText("Another risk officer must approve")).isVisible();
    Chromium.screenshot(page, "rules-submitted");

    // omar reviews the diff, approves and activates
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
    page.waitForURL(u -> u.contains("/login"));
    openSignedIn("/admin/rules?kind=risk&v=2", "omar", "omar-password-1");
    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Diff")).click();
    assertThat(page.getByTestId("rule-diff")).containsText("no TATAMOTORS in this test");
    Chromium.screenshot(page, "rules-diff");
    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Approval")).click();
    button("Approve").click();
    assertThat(page.locator(".review")).containsText("APPROVED");
    button("Activate v2").click();
    assertThat(page.locator(".review")).containsText("This version decides now.");
    assertThat(versions.locator("li").first()).containsText("ACTIVE");

    // the new behaviour: the active rules now reject a TATAMOTORS order
    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Try it")).click();
    page.getByLabel("Facts (JSON)")
        .fill(
            "{\"order\":{\"accountId\":\"acc-1\",\"instrument\":\"NSE:TATAMOTORS\",\"side\":\"BUY\","
                + "\"quantity\":10,\"priceType\":\"LIMIT\",\"limitPrice\":900,\"triggerPrice\":0,"
                + "\"product\":\"CNC\",\"strategyId\":\"\","
                + "\"referencePrice\":900}}");
    page.getByLabel("use the active version").check();
    button("Evaluate").click();
    Locator dryRun = page.getByTestId("dry-run");
    assertThat(dryRun).containsText("v2");
    assertThat(dryRun).containsText("blocked by the browser test's rule");
    assertThat(dryRun).containsText("no TATAMOTORS in this test");
    Chromium.screenshot(page, "rules-activated-decides");
    assertThat(unexpectedConsoleErrors()).isEmpty();
  }
}
