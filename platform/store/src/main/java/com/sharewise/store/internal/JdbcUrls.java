package com.sharewise.store.internal;

import java.util.regex.Pattern;

/** Makes JDBC URLs safe to show: a {@code password=} parameter is masked. */
public final class JdbcUrls {
  /** What a hidden secret looks like in messages. */
  public static final String MASK = "****";

  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)((?:^|[?&;])password=)[^&;]*");

  private JdbcUrls() {}

  /**
   * @param url a JDBC URL, may be null
   * @return the URL with the value of any {@code password} parameter replaced by {@link #MASK}
   */
  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    return PASSWORD_PARAM.matcher(url).replaceAll("$1" + MASK);
  }
}
