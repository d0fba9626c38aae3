package com.sharewise.webui.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Debian Chromium driven by Playwright for Java. Playwright never downloads a browser here
 * ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}); its driver comes from the {@code driver-bundle}
 * jar. The flags keep Chromium off the network (STACK.md).
 */
final class Chromium implements AutoCloseable {

  static final List<String> ARGS =
      List.of(
          "--no-sandbox",
          "--disable-background-networking",
          "--disable-dev-shm-usage",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--no-default-browser-check",
          "--disable-gpu",
          "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost");

  private static final Path SCREENSHOTS =
      Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

  final Playwright playwright;
  final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /**
   * Launches Chromium. Without it on this machine the test is skipped with a message, except on CI
   * ({@code CI=true}), where {@code .ci/run} installs it and its absence is a failure.
   */
  static Chromium launch() {
    Path executable = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
    boolean present = Files.isExecutable(executable);
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(
          executable + " is missing on CI; .ci/run installs Debian's chromium package");
    }
    assumeTrue(
        present,
        "browser tests skipped: no Chromium at "
            + executable
            + " (apt-get install chromium, or -Dchromium.path=…)");
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(executable)
                      .setHeadless(true)
                      .setArgs(ARGS)
                      .setTimeout(60_000));
      return new Chromium(playwright, browser);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  /** A fresh browser context (own storage) with a desktop trading-screen viewport, IST clock. */
  BrowserContext context() {
    return context(1440, 900);
  }

  BrowserContext context(int width, int height) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setLocale("en-IN")
                // a machine zone far from India, so the test proves IST comes from the app
                .setTimezoneId("America/New_York"));
    context.setDefaultTimeout(20_000);
    return context;
  }

  /** Saves a full-page screenshot as target/screenshots/{name}.png. */
  static Path screenshot(Page page, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      playwright.close();
    }
  }
}
