package com.sharewise.webui.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.sharewise.pluginhost.TestBundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The admin portal against a real node: health, plugins (upload, see it listed, uninstall). */
class AdminPortalIT extends UiTestBase {

  @Test
  void clusterPageShowsEveryPartUpFromADeepLinkThatSurvivesReload() {
    openAsAdmin("/admin/cluster");
    assertThat(
            page.getByRole(
                AriaRole.HEADING,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Cluster and health")))
        .isVisible();
    Locator checks =
        page.getByRole(
            AriaRole.TABLE,
            new com.microsoft.playwright.Page.GetByRoleOptions().setName("Health checks"));
    for (String part : new String[] {"store", "grid", "pluginHost"}) {
      assertThat(checks.locator("tbody tr:has(th:text-is('" + part + "'))").locator(".badge"))
          .hasText("UP");
    }
    // the deep link is a real page on the server, not only a client-side route
    page.reload();
    assertThat(
            page.getByRole(
                AriaRole.TABLE,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Health checks")))
        .isVisible();
    // plugin states on the same page
    assertThat(
            page.getByRole(
                AriaRole.TABLE,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Plugin states")))
        .containsText("ACTIVE");
    Chromium.screenshot(page, "admin-cluster");
    assertThat(unexpectedConsoleErrors()).isEmpty();
  }

  @Test
  void uploadedPluginIsListedAndCanBeUninstalled(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    byte[] jar =
        TestBundles.strategy(
                "com.sharewise.e2e.uploaded", "1.2.3", "e2e-uploaded", "Uploaded in a browser test")
            .build();
    Path file = Files.write(dir.resolve("e2e-uploaded.jar"), jar);

    openAsAdmin("/admin/plugins");
    Locator table = page.locator("#plugins-table");
    assertThat(table).containsText("com.sharewise.broker.paper");
    assertThat(table).not().containsText("com.sharewise.e2e.uploaded");

    page.locator("#plugin-upload").setInputFiles(file);
    Locator row = page.locator("tr[data-plugin='com.sharewise.e2e.uploaded']");
    assertThat(row).isVisible();
    assertThat(row).containsText("1.2.3");
    assertThat(row).containsText("STRATEGY");
    assertThat(row.locator(".badge")).hasText("ACTIVE");
    assertThat(
            page.getByRole(AriaRole.STATUS)
                .filter(new Locator.FilterOptions().setHasText("Installed")))
        .isVisible();
    Chromium.screenshot(page, "admin-plugins-uploaded");

    // its history, then uninstall it with the confirmation dialog
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("History of")).click();
    assertThat(
            page.getByRole(
                AriaRole.TABLE,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Plugin history")))
        .containsText("INSTALLED");
    page.keyboard().press("Escape");
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Uninstall Test plugin"))
        .click();
    page.getByRole(AriaRole.DIALOG)
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Uninstall"))
        .click();
    assertThat(row).hasCount(0);
  }

  @Test
  void aJarThatIsNotAPluginIsRefusedInWords(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path file = Files.write(dir.resolve("broken.jar"), TestBundles.notAZip());
    openAsAdmin("/admin/plugins");
    page.locator("#plugin-upload").setInputFiles(file);
    Locator alert =
        page.getByRole(AriaRole.ALERT)
            .filter(new Locator.FilterOptions().setHasText("Could not install the plugin"));
    assertThat(alert).isVisible();
    assertThat(alert).not().containsText("Exception");
    Chromium.screenshot(page, "admin-plugins-refused");
  }
}
