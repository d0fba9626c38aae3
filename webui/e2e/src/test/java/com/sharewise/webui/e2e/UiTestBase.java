package com.sharewise.webui.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real node and one Chromium per test class; a fresh browser context (no cookies, no storage)
 * per test. Console errors and failed page loads are collected and checked by the tests.
 */
abstract class UiTestBase {

  @TempDir static Path home;

  static E2eNode node;
  static Chromium chromium;

  BrowserContext context;
  Page page;
  final List<String> consoleErrors = new ArrayList<>();

  @BeforeAll
  static void startNodeAndBrowser() {
    chromium = Chromium.launch(); // skips the class when Chromium is absent (never on CI)
    node = E2eNode.start(home, Map.of());
  }

  @AfterAll
  static void stopNodeAndBrowser() {
    if (chromium != null) {
      chromium.close();
    }
    if (node != null) {
      node.close();
    }
  }

  @BeforeEach
  void openPage() {
    context = chromium.context();
    page = context.newPage();
    page.onConsoleMessage(
        m -> {
          if ("error".equals(m.type())) {
            consoleErrors.add(m.text());
          }
        });
    page.onPageError(e -> consoleErrors.add("page error: " + e));
  }

  @AfterEach
  void closePage(org.junit.jupiter.api.TestInfo test) {
    if (page != null && !page.isClosed()) {
      // the last state of every test, for a person to look at (and to debug a failure)
      Chromium.screenshot(
          page,
          "end-"
              + getClass().getSimpleName()
              + "-"
              + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"));
    }
    if (context != null) {
      context.close();
    }
  }

  String url(String path) {
    return node.baseUrl + path;
  }

  /** Opens {@code path} signed in as {@code user} (when the node has sign-in). */
  void openSignedIn(String path, String user, String password) {
    if (!node.hasLogin()) {
      page.navigate(url(path));
      return;
    }
    page.navigate(
        url(
            "/login?next="
                + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8)));
    page.getByLabel("User name").fill(user);
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Sign in"))
        .click();
    page.waitForURL(u -> !u.contains("/login"));
    assertThat(page.locator("#main")).isVisible();
  }

  void openAsAdmin(String path) {
    openSignedIn(path, "admin", E2eNode.ADMIN_PASSWORD);
  }

  /** Console errors other than failed network requests the test caused on purpose. */
  List<String> unexpectedConsoleErrors() {
    return consoleErrors.stream()
        .filter(m -> !m.contains("Failed to load resource"))
        .filter(m -> !m.contains("WebSocket connection"))
        .toList();
  }
}
