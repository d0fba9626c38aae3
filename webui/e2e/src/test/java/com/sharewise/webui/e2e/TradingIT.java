package com.sharewise.webui.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A trader trades in the browser against a real node with the paper broker: a limit order far from
 * the market rests (OPEN in the blotter, live) and is cancelled from the blotter; a market order
 * fills and its position appears; an order the rules refuse shows the deciding rule in the ticket.
 * The risk rules are opened to every hour first ({@link TradingDesk}), so this passes at any
 * wall-clock time.
 */
class TradingIT extends UiTestBase {

  static TradingDesk desk;

  @BeforeAll
  static void openTheDesk() {
    assumeTrue(node.hasLogin(), "this node has no sign-in yet");
    String admin = node.token("admin", E2eNode.ADMIN_PASSWORD);
    assumeTrue(node.has("/api/v1/orders", admin), "this node takes no orders yet");
    desk = TradingDesk.open(node, "tara");
  }

  private Locator ticket(String instrument) {
    return page.getByRole(
        AriaRole.FORM, new Page.GetByRoleOptions().setName("Order ticket for " + instrument));
  }

  private Locator blotterTab(String name) {
    return page.getByRole(AriaRole.TABLIST, new Page.GetByRoleOptions().setName("Blotter"))
        .getByRole(
            AriaRole.TAB,
            new Locator.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^" + name)));
  }

  /** The last price of {@code instrument} once the simulator has quoted it. */
  private BigDecimal lastPrice(String instrument) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(giveUp)) {
      HttpResponse<String> r =
          node.call("GET", "/api/v1/quotes/" + instrument, desk.traderToken, null);
      if (r.statusCode() == 200) {
        JsonNode last = E2eNode.json(r.body()).path("last");
        if (last.isNumber() && last.decimalValue().signum() > 0) {
          return last.decimalValue();
        }
      }
      page.waitForTimeout(250);
    }
    throw new IllegalStateException("no quote for " + instrument);
  }

  /** {@code price × factor} on the 0.05 tick grid. */
  private static String onTick(BigDecimal price, String factor) {
    BigDecimal tick = new BigDecimal("0.05");
    return price
        .multiply(new BigDecimal(factor))
        .divide(tick, 0, RoundingMode.DOWN)
        .multiply(tick)
        .setScale(2, RoundingMode.UNNECESSARY)
        .toPlainString();
  }

  @Test
  void limitOrderFarFromTheMarketRestsOpenAndIsCancelledFromTheBlotter() {
    String far = onTick(lastPrice("NSE:INFY"), "0.90");
    openSignedIn("/?i=NSE:INFY", desk.trader, desk.password);
    Locator ticket = ticket("NSE:INFY");
    assertThat(ticket.getByTestId("ticket-account")).containsText("#" + desk.accountId);
    ticket.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("LIMIT")).click();
    ticket.getByLabel("Quantity").fill("3");
    ticket.getByLabel("Limit price (₹)").fill(far);
    ticket.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Buy INFY")).click();

    Locator decision = ticket.getByTestId("order-decision");
    assertThat(decision).containsText("was accepted");
    String id = decision.getAttribute("data-order");
    assertThat(id).isNotBlank();

    // the blotter follows the order live: it rests at the exchange
    blotterTab("Open orders").click();
    Locator row = page.getByTestId("blotter").locator("tr[data-order='" + id + "']");
    assertThat(row).hasAttribute("data-status", "OPEN");
    assertThat(row).containsText("NSE:INFY");
    Chromium.screenshot(page, "trading-limit-open");

    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel order " + id))
        .click();
    // gone from the open orders, CANCELLED among all orders
    assertThat(row).hasCount(0);
    blotterTab("All orders").click();
    Locator all = page.getByTestId("blotter").locator("tr[data-order='" + id + "']");
    assertThat(all).hasAttribute("data-status", "CANCELLED");
    Chromium.screenshot(page, "trading-limit-cancelled");

    // the order's page tells its story: the rule decision and each state it went through
    all.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Details of order " + id))
        .click();
    Locator detail = page.getByTestId("order-detail");
    assertThat(detail).hasAttribute("data-status", "CANCELLED");
    assertThat(detail.getByTestId("rule-explanation")).containsText("risk v");
    Locator history =
        detail.getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("State history"));
    assertThat(history).containsText("Placed by " + desk.trader);
    assertThat(history).containsText("Cancel requested by " + desk.trader);
    assertThat(history.locator("li[data-status='CANCELLED']").last()).isVisible();
    Chromium.screenshot(page, "trading-order-detail");
    assertThat(unexpectedConsoleErrors()).isEmpty();
  }

  @Test
  void marketOrderFillsAndItsPositionAppears() {
    lastPrice("NSE:TCS");
    openSignedIn("/?i=NSE:TCS", desk.trader, desk.password);
    Locator ticket = ticket("NSE:TCS");
    ticket.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("MARKET")).click();
    assertThat(ticket.getByLabel("Limit price (₹)")).isDisabled();
    ticket.getByLabel("Quantity").fill("2");
    ticket.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Buy TCS")).click();
    Locator decision = ticket.getByTestId("order-decision");
    assertThat(decision).not().hasAttribute("data-status", "REJECTED");
    String id = decision.getAttribute("data-order");

    blotterTab("All orders").click();
    Locator row = page.getByTestId("blotter").locator("tr[data-order='" + id + "']");
    assertThat(row).hasAttribute("data-status", "FILLED");

    blotterTab("Positions").click();
    Locator position = page.getByTestId("blotter").locator("tr[data-position='NSE:TCS']");
    assertThat(position).hasAttribute("data-quantity", "2");
    assertThat(position).containsText("CNC");
    blotterTab("Trades").click();
    assertThat(page.getByTestId("blotter").locator("#trades-table")).containsText("NSE:TCS");
    Chromium.screenshot(page, "trading-market-filled");

    // the positions page: the same position and the portfolio in rupees
    page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Trading sections"))
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Positions"))
        .click();
    assertThat(page.locator("#positions-table tr[data-position='NSE:TCS']"))
        .hasAttribute("data-quantity", "2");
    Locator summary = page.getByTestId("portfolio-summary");
    assertThat(summary).containsText("Equity");
    assertThat(summary).containsText("Charges paid");
    assertThat(summary).containsText("₹");
    Chromium.screenshot(page, "trading-positions");
    assertThat(unexpectedConsoleErrors()).isEmpty();
  }

  @Test
  void anOrderTheRulesRefuseShowsTheDecidingRule() {
    String price = onTick(lastPrice("NSE:SBIN"), "1.00");
    openSignedIn("/?i=NSE:SBIN", desk.trader, desk.password);
    Locator ticket = ticket("NSE:SBIN");
    ticket.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("LIMIT")).click();
    // over the default maximum order quantity (10,000 shares)
    ticket.getByLabel("Quantity").fill("20000");
    ticket.getByLabel("Limit price (₹)").fill(price);
    ticket.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Buy SBIN")).click();
    Locator decision = ticket.getByTestId("order-decision");
    assertThat(decision).hasAttribute("data-status", "REJECTED");
    assertThat(decision).hasAttribute("role", "alert");
    assertThat(decision).containsText("was rejected by the rule");
    assertThat(decision).containsText("Why:");
    Chromium.screenshot(page, "trading-rejected");
    assertThat(unexpectedConsoleErrors()).isEmpty();
  }

  @Test
  void aRiskOfficerApprovesAHeldOrder() {
    // worth more than the approval threshold (₹5,00,000) and far below the market, so it rests
    BigDecimal last = lastPrice("NSE:RELIANCE");
    String price = onTick(last, "0.90");
    long quantity =
        new BigDecimal("600000").divide(new BigDecimal(price), 0, RoundingMode.UP).longValue();
    HttpResponse<String> placed =
        node.call(
            "POST",
            "/api/v1/orders",
            desk.traderToken,
            "{\"accountId\":"
                + desk.accountId
                + ",\"instrument\":\"NSE:RELIANCE\",\"side\":\"BUY\",\"quantity\":"
                + quantity
                + ",\"type\":\"LIMIT\",\"price\":"
                + price
                + "}");
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    JsonNode order = E2eNode.json(placed.body());
    assertThat(order.path("status").asText()).as(placed.body()).isEqualTo("HELD");
    String id = order.path("id").asText();

    openSignedIn("/admin/held", desk.trader + "-risk-a", desk.trader + "-risk-a-password-1");
    Locator row = page.locator("#held-orders tr[data-order='" + id + "']");
    assertThat(row).containsText(desk.trader);
    assertThat(row).containsText("NSE:RELIANCE");
    assertThat(row).containsText("hold large orders for approval");
    Chromium.screenshot(page, "admin-held-orders");
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve order " + id))
        .click();
    assertThat(row).hasCount(0);
    JsonNode after =
        E2eNode.json(node.call("GET", "/api/v1/orders/" + id, desk.traderToken, null).body());
    assertThat(after.path("order").path("status").asText()).isIn("NEW", "PENDING_SUBMIT", "OPEN");
    node.call("DELETE", "/api/v1/orders/" + id, desk.traderToken, null);
    assertThat(unexpectedConsoleErrors()).isEmpty();
  }

  @Test
  void aTraderHaltsTheirAccountAndOnlyAnAdminReleasesIt() {
    lastPrice("NSE:HDFCBANK");
    openSignedIn("/?i=NSE:HDFCBANK", desk.trader, desk.password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kill switch")).click();
    Locator dialog =
        page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Kill switch"));
    assertThat(dialog).containsText("Only an admin can release");
    dialog.getByLabel("Reason (goes to the audit log)").fill("e2e: stop everything");
    dialog
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Engage kill switch"))
        .click();
    assertThat(dialog).containsText("Trading is halted");
    Chromium.screenshot(page, "killswitch-engaged");
    dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();
    assertThat(
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trading halted")))
        .isVisible();

    // the ticket says in words why the order cannot go
    Locator ticket = ticket("NSE:HDFCBANK");
    ticket.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("MARKET")).click();
    ticket.getByLabel("Quantity").fill("1");
    ticket
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Buy HDFCBANK"))
        .click();
    assertThat(ticket.getByRole(AriaRole.ALERT)).containsText("Trading is halted");

    // an admin releases it, with a reason
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
    page.waitForURL(u -> u.contains("/login"));
    openAsAdmin("/admin");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trading halted")).click();
    Locator admin =
        page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Kill switch"));
    Locator release =
        admin.getByRole(
            AriaRole.BUTTON,
            new Locator.GetByRoleOptions()
                .setName(java.util.regex.Pattern.compile("^Release account")));
    assertThat(release).isDisabled();
    admin.getByLabel("Reason for releasing").fill("e2e: checked, resume");
    release.click();
    assertThat(admin).containsText("No kill switch is engaged");
    Chromium.screenshot(page, "killswitch-released");
    assertThat(unexpectedConsoleErrors()).isEmpty();
  }
}
