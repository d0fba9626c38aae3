package com.sharewise.webui.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every route of the app opens from a deep link, says what it is, labels every control, and neither
 * crashes nor logs errors, whatever this node provides yet ("not available" is fine).
 */
class EveryPageIT extends UiTestBase {

  /** Controls without an accessible name: a screen reader could not tell what they are. */
  private static final String UNLABELLED =
      """
      () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
        .filter(el => el.offsetParent !== null || el.classList.contains('sr-only'))
        .filter(el => {
          if (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')) return false;
          if (el.labels && el.labels.length) return false;
          if (el.tagName === 'BUTTON' && el.textContent.trim()) return false;
          if (el.title) return false;
          return !el.closest('label');
        })
        .map(el => el.outerHTML.slice(0, 120))
      """;

  @Test
  void everyRouteRendersWithLabelledControlsAndNoErrors() throws IOException {
    List<String> routes =
        E2eNode.JSON.readValue(
            Files.readString(Path.of("../src/routes.json")), new TypeReference<List<String>>() {});
    assertThat(routes).contains("/", "/admin", "/admin/rules", "/login");
    if (node.hasLogin()) {
      String admin = node.token("admin", E2eNode.ADMIN_PASSWORD);
      node.call(
          "POST",
          "/api/v1/users",
          admin,
          "{\"username\":\"allroles\",\"password\":\"allroles-password-1\","
              + "\"roles\":[\"TRADER\",\"RISK_OFFICER\",\"ADMIN\"]}");
    }
    // axe-core (a devDependency of the web UI) checks each page against WCAG 2 A/AA; the page's
    // Content-Security-Policy would refuse the injected script, so this context bypasses it
    Path axe = Path.of("../node_modules/axe-core/axe.min.js");
    boolean withAxe = Files.exists(axe);
    if (withAxe) {
      context.close();
      context =
          chromium.browser.newContext(
              new com.microsoft.playwright.Browser.NewContextOptions()
                  .setViewportSize(1440, 900)
                  .setBypassCSP(true));
      context.setDefaultTimeout(20_000);
      page = context.newPage();
      page.onPageError(e -> consoleErrors.add("page error: " + e));
    }
    List<String> violations = new java.util.ArrayList<>();
    openSignedIn("/", "allroles", "allroles-password-1");
    for (String route : routes) {
      if (route.equals("/login")) {
        continue; // signed in: the login page is covered by the sign-in tests
      }
      page.navigate(url(route));
      page.waitForLoadState(LoadState.NETWORKIDLE);
      assertThat(page.locator("#main")).isVisible();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .hasCount(1);
      assertThat(page.getByText("Page not found")).hasCount(0);
      @SuppressWarnings("unchecked")
      List<String> unlabelled = (List<String>) page.evaluate(UNLABELLED);
      assertThat(unlabelled).as("unlabelled controls on %s", route).isEmpty();
      Chromium.screenshot(
          page, "page" + (route.equals("/") ? "-workspace" : route.replace('/', '-')));
      if (withAxe) {
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(axe));
        @SuppressWarnings("unchecked")
        List<String> found =
            (List<String>)
                page.evaluate(
                    "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']}))"
                        + ".violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '"
                        + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))");
        found.forEach(v -> violations.add(route + ": " + v));
      }
    }
    assertThat(violations).as("accessibility (axe-core, WCAG 2 A/AA)").isEmpty();
    assertThat(unexpectedConsoleErrors()).isEmpty();
  }
}
