package com.sharewise.node.internal;

import com.sharewise.audit.AuditTrail;
import com.sharewise.node.NodeContext;
import com.sharewise.node.NodePart;
import com.sharewise.node.config.ResolvedSettings;
import com.sharewise.node.config.Setting;
import com.sharewise.security.Accounts;
import com.sharewise.security.MasterKey;
import com.sharewise.security.PasswordHasher;
import com.sharewise.security.Security;
import com.sharewise.security.SecurityException;
import com.sharewise.security.SecuritySettings;
import com.sharewise.security.rest.AuditResource;
import com.sharewise.security.rest.AuthResource;
import com.sharewise.security.rest.UserResource;
import com.sharewise.server.security.AccessControlFeature;
import com.sharewise.server.security.CorsFilter;
import com.sharewise.server.security.RateLimit;
import com.sharewise.server.security.RateLimitFeature;
import com.sharewise.server.security.RateLimiter;
import com.sharewise.server.security.SecurityHeadersFilter;
import com.sharewise.server.security.TokenVerifier;
import com.sharewise.server.ws.WebSocketHub;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires the security area: users, login, tokens, two-factor, accounts, the auth, user and audit
 * resources, access control and rate limits on every endpoint, security headers, CORS, and
 * WebSocket authentication. Creates the first administrator on first start. Publishes {@link
 * TokenVerifier}, {@link RateLimiter}, {@link Accounts} and {@link Security} for later areas.
 */
public final class SecurityPart implements NodePart {

  public static final Setting ADMIN_PASSWORD =
      new Setting(
          "security.adminPassword",
          "SHAREWISE_ADMIN_PASSWORD",
          "",
          true,
          "first start only: password of the user 'admin' (ADMIN); unset = a random one is printed once");
  public static final Setting MASTER_KEY =
      new Setting(
          "security.masterKey",
          "SHAREWISE_MASTER_KEY",
          "",
          true,
          "256-bit master key (base64) sealing secrets at rest; unset = data/security/master-key.p12");
  public static final Setting MASTER_KEY_STORE_PASSWORD =
      new Setting(
          "security.masterKeyStorePassword",
          "SHAREWISE_MASTER_KEY_STORE_PASSWORD",
          "",
          true,
          "password of data/security/master-key.p12 (unset = a built-in one; the file is mode 600)");
  public static final Setting ACCESS_TOKEN_MINUTES =
      new Setting(
          "security.accessTokenMinutes",
          "SHAREWISE_ACCESS_TOKEN_MINUTES",
          "15",
          false,
          "access token lifetime in minutes (1-15)");
  public static final Setting REFRESH_TOKEN_HOURS =
      new Setting(
          "security.refreshTokenHours",
          "SHAREWISE_REFRESH_TOKEN_HOURS",
          "12",
          false,
          "refresh token lifetime in hours (1-720)");
  public static final Setting SESSION_DAYS =
      new Setting(
          "security.sessionDays",
          "SHAREWISE_SESSION_DAYS",
          "7",
          false,
          "longest a login lasts however often it is refreshed, in days (1-90)");
  public static final Setting SIGNING_KEY_ROTATION_DAYS =
      new Setting(
          "security.signingKeyRotationDays",
          "SHAREWISE_SIGNING_KEY_ROTATION_DAYS",
          "30",
          false,
          "age in days at which a new access-token signing key takes over (1-365)");
  public static final Setting TOTP_ISSUER =
      new Setting(
          "security.totpIssuer",
          "SHAREWISE_TOTP_ISSUER",
          "ShareWise",
          false,
          "name authenticator apps show for this node");
  public static final Setting LOGIN_PER_ADDRESS =
      new Setting(
          "security.loginLimit.perAddress",
          "SHAREWISE_LOGIN_LIMIT_PER_ADDRESS",
          "30",
          false,
          "login attempts per client address per window");
  public static final Setting LOGIN_PER_USER =
      new Setting(
          "security.loginLimit.perUser",
          "SHAREWISE_LOGIN_LIMIT_PER_USER",
          "10",
          false,
          "login attempts per user name per window");
  public static final Setting LOGIN_WINDOW =
      new Setting(
          "security.loginLimit.windowSeconds",
          "SHAREWISE_LOGIN_LIMIT_WINDOW_SECONDS",
          "60",
          false,
          "login rate-limit window in seconds");
  public static final Setting ORDERS_PER_ADDRESS =
      new Setting(
          "security.orderLimit.perAddress",
          "SHAREWISE_ORDER_LIMIT_PER_ADDRESS",
          "600",
          false,
          "order requests per client address per window (@RateLimited(\"orders\"))");
  public static final Setting ORDERS_PER_USER =
      new Setting(
          "security.orderLimit.perUser",
          "SHAREWISE_ORDER_LIMIT_PER_USER",
          "120",
          false,
          "order requests per user per window");
  public static final Setting ORDERS_WINDOW =
      new Setting(
          "security.orderLimit.windowSeconds",
          "SHAREWISE_ORDER_LIMIT_WINDOW_SECONDS",
          "60",
          false,
          "order rate-limit window in seconds");
  public static final Setting CORS_ALLOWED_ORIGINS =
      new Setting(
          "http.corsAllowedOrigins",
          "SHAREWISE_CORS_ALLOWED_ORIGINS",
          "",
          false,
          "comma-separated origins (https://host:port) allowed to call the API and open /ws from a"
              + " browser; unset = same origin only");
  public static final Setting CONTENT_SECURITY_POLICY =
      new Setting(
          "http.contentSecurityPolicy",
          "SHAREWISE_CONTENT_SECURITY_POLICY",
          SecurityHeadersFilter.DEFAULT_CSP,
          false,
          "Content-Security-Policy header sent with every response");
  public static final Setting HSTS =
      new Setting(
          "http.hsts",
          "SHAREWISE_HSTS",
          "false",
          false,
          "send Strict-Transport-Security on every response (set when a TLS proxy fronts the node)");

  /** This area's settings, in documentation order. */
  public static final List<Setting> SETTINGS =
      List.of(
          ADMIN_PASSWORD,
          MASTER_KEY,
          MASTER_KEY_STORE_PASSWORD,
          ACCESS_TOKEN_MINUTES,
          REFRESH_TOKEN_HOURS,
          SESSION_DAYS,
          SIGNING_KEY_ROTATION_DAYS,
          TOTP_ISSUER,
          LOGIN_PER_ADDRESS,
          LOGIN_PER_USER,
          LOGIN_WINDOW,
          ORDERS_PER_ADDRESS,
          ORDERS_PER_USER,
          ORDERS_WINDOW,
          CORS_ALLOWED_ORIGINS,
          CONTENT_SECURITY_POLICY,
          HSTS);

  /** The name of the order endpoints' rate limit. */
  public static final String ORDERS_LIMIT = "orders";

  private final List<Object> api;
  private final List<Filter> filters;
  private final List<String> notices;

  private SecurityPart(List<Object> api, List<Filter> filters, List<String> notices) {
    this.api = api;
    this.filters = filters;
    this.notices = notices;
  }

  /** Starts the area. */
  public static NodePart start(NodeContext context) {
    ResolvedSettings settings = context.config().settings();
    MasterKey masterKey;
    try {
      masterKey =
          MasterKey.load(
              settings.text(MASTER_KEY),
              context.config().dataDirectory(),
              settings.text(MASTER_KEY_STORE_PASSWORD));
    } catch (SecurityException e) {
      throw settings.problem(MASTER_KEY, "is unusable: " + e.getMessage());
    }
    SecuritySettings securitySettings =
        new SecuritySettings(
            Duration.ofMinutes(settings.integer(ACCESS_TOKEN_MINUTES, 1, 15)),
            Duration.ofHours(settings.integer(REFRESH_TOKEN_HOURS, 1, 720)),
            Duration.ofDays(settings.integer(SESSION_DAYS, 1, 90)),
            Duration.ofDays(settings.integer(SIGNING_KEY_ROTATION_DAYS, 1, 365)),
            settings.text(TOTP_ISSUER));
    AuditTrail audit = context.require(AuditTrail.class);
    Security security =
        Security.open(
            context.store().dsl(),
            context.clock(),
            audit,
            masterKey,
            securitySettings,
            new PasswordHasher());
    RateLimiter limiter =
        new RateLimiter(
            List.of(
                new RateLimit(
                    AuthResource.LOGIN_LIMIT,
                    settings.integer(LOGIN_PER_ADDRESS, 1, 100_000),
                    settings.integer(LOGIN_PER_USER, 1, 100_000),
                    Duration.ofSeconds(settings.integer(LOGIN_WINDOW, 1, 86_400))),
                new RateLimit(
                    ORDERS_LIMIT,
                    settings.integer(ORDERS_PER_ADDRESS, 1, 1_000_000),
                    settings.integer(ORDERS_PER_USER, 1, 1_000_000),
                    Duration.ofSeconds(settings.integer(ORDERS_WINDOW, 1, 86_400)))));
    List<String> notices = new ArrayList<>();
    security
        .createFirstAdmin(settings.text(ADMIN_PASSWORD))
        .ifPresent(
            password ->
                notices.add(
                    "First start: created user '"
                        + Security.FIRST_ADMIN
                        + "' with password "
                        + password
                        + " (shown only now; change it after logging in)"));

    List<String> origins = settings.list(CORS_ALLOWED_ORIGINS);
    context.publish(TokenVerifier.class, security.accessTokens());
    context.publish(RateLimiter.class, limiter);
    context.publish(Accounts.class, security.accounts());
    context.publish(Security.class, security);
    WebSocketHub streams = context.require(WebSocketHub.class);
    streams.setAuthenticator(new StreamAuthenticator(security.accessTokens(), origins));
    streams.setSubscriptionAuthorizer(new StreamAuthorizer(security.users(), security.accounts()));

    List<Object> api =
        List.of(
            new AccessControlFeature(security.accessTokens()),
            new RateLimitFeature(limiter),
            new AuthResource(security, limiter, audit, context.clock()),
            new UserResource(security),
            new AuditResource(audit));
    List<Filter> filters =
        List.of(
            new SecurityHeadersFilter(settings.text(CONTENT_SECURITY_POLICY), settings.bool(HSTS)),
            new CorsFilter(origins));
    return new SecurityPart(api, filters, notices);
  }

  @Override
  public String name() {
    return "security";
  }

  @Override
  public List<Object> apiComponents() {
    return api;
  }

  @Override
  public List<Filter> webFilters() {
    return filters;
  }

  @Override
  public List<String> operatorNotices() {
    return notices;
  }
}
