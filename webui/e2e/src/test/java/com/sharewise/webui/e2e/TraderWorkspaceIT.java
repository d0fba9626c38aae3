package com.sharewise.webui.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** The trader workspace against a real node: layout, watchlist, chart, ticket validation. */
class TraderWorkspaceIT extends UiTestBase {

  @Test
  void workspaceShowsWatchlistChartTicketAndBlotter() {
    openAsAdmin("/");
    Locator watchlist =
        page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Watchlist"));
    for (String symbol : new String[] {"INFY", "TCS", "RELIANCE", "HDFCBANK", "SBIN"}) {
      assertThat(watchlist).containsText(symbol);
    }
    assertThat(
            page.getByRole(
                AriaRole.IMG, new Page.GetByRoleOptions().setName("NSE:INFY candlestick chart")))
        .isVisible();
    assertThat(
            page.getByRole(
                AriaRole.FORM, new Page.GetByRoleOptions().setName("Order ticket for NSE:INFY")))
        .isVisible();
    assertThat(page.getByRole(AriaRole.TABLIST, new Page.GetByRoleOptions().setName("Blotter")))
        .isVisible();

    // picking another instrument moves chart and ticket, and the URL keeps it for a reload
    watchlist.locator("tr[data-instrument='NSE:TCS']").click();
    assertThat(
            page.getByRole(
                AriaRole.FORM, new Page.GetByRoleOptions().setName("Order ticket for NSE:TCS")))
        .isVisible();
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*[?&]i=NSE(%3A|:)TCS.*"));
    page.reload();
    assertThat(
            page.getByRole(
                AriaRole.FORM, new Page.GetByRoleOptions().setName("Order ticket for NSE:TCS")))
        .isVisible();
    page.waitForTimeout(1500); // let quotes and bars arrive before the picture
    Chromium.screenshot(page, "trader-workspace");
    assertThat(unexpectedConsoleErrors()).isEmpty();
  }

  @Test
  void orderTicketExplainsMistakesBeforeSending() {
    openAsAdmin("/?i=NSE:INFY");
    Locator ticket =
        page.getByRole(
            AriaRole.FORM, new Page.GetByRoleOptions().setName("Order ticket for NSE:INFY"));
    ticket.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("LIMIT")).click();
    ticket.getByLabel("Quantity").fill("0");
    ticket.getByLabel("Limit price (₹)").fill("1500.03");
    ticket.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Buy INFY")).click();
    assertThat(ticket).containsText("Quantity must be more than zero.");
    assertThat(ticket).containsText("must be a multiple of the tick size");
    assertThat(ticket.getByLabel("Quantity")).hasAttribute("aria-invalid", "true");

    // stop-loss market needs a trigger and no price
    ticket.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("SL-M")).click();
    assertThat(ticket.getByLabel("Limit price (₹)")).isDisabled();
    ticket.getByLabel("Quantity").fill("5");
    assertThat(ticket).containsText("Enter a trigger price.");
    ticket.getByLabel("Validity").selectOption("IOC");
    assertThat(ticket).containsText("Stop-loss orders cannot be IOC");
    // the ticket works from the keyboard: Sell side selected with the keyboard
    ticket.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Sell")).focus();
    page.keyboard().press("Enter");
    assertThat(
            ticket.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sell INFY")))
        .isVisible();
    Chromium.screenshot(page, "trader-ticket-validation");
    // terminal keys: F1 buys, with the quantity ready to type
    page.keyboard().press("F1");
    assertThat(
            ticket.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Buy INFY")))
        .isVisible();
    assertThat(ticket.getByLabel("Quantity")).isFocused();
  }

  @Test
  void narrowScreenStacksThePanels() {
    context.close();
    context = chromium.context(390, 844);
    page = context.newPage();
    openAsAdmin("/");
    assertThat(
            page.getByRole(
                AriaRole.FORM, new Page.GetByRoleOptions().setName("Order ticket for NSE:INFY")))
        .isVisible();
    Chromium.screenshot(page, "trader-workspace-phone");
    double width = ((Number) page.evaluate("document.documentElement.scrollWidth")).doubleValue();
    Object wide =
        page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
                + " > innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + ' '"
                + " + Math.round(e.getBoundingClientRect().right)).join('; ')");
    assertThat(width)
        .as("no horizontal scrolling on a phone; too wide: %s", wide)
        .isLessThanOrEqualTo(390);
  }
}
