package com.sharewise.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sharewise.store.StoreException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailuresTest {
  @Test
  void connectFailureNamesUrlUserAndInnermostReason() {
    Exception cause =
        new RuntimeException(
            "Failed to initialize pool: Connection to 127.0.0.1:1 refused.",
            new SQLException(
                "Connection to 127.0.0.1:1 refused.", new ConnectException("Connection refused")));

    StoreException e =
        Failures.cannotConnect("jdbc:postgresql://127.0.0.1:1/x", "bob", "s3cret", cause);

    assertThat(e)
        .hasMessage(
            "cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/x as user 'bob':"
                + " Connection refused")
        .hasCause(cause);
  }

  @Test
  void passwordIsScrubbedFromReasonAndUrl() {
    Exception cause = new SQLException("auth failed for password s3cret");

    StoreException e =
        Failures.cannotConnect("jdbc:postgresql://db/x?password=s3cret", null, "s3cret", cause);

    assertThat(e.getMessage())
        .doesNotContain("s3cret")
        .contains("password=****", "the default user", "auth failed for password ****");
  }

  @Test
  void unknownHostIsSpelledOut() {
    assertThat(Failures.reason(new UnknownHostException("db.invalid"), null))
        .isEqualTo("unknown host db.invalid");
    assertThat(Failures.reason(new IllegalStateException(), null))
        .isEqualTo("IllegalStateException");
  }

  @Test
  void redactMasksOnlyThePasswordParameter() {
    assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?user=a&PASSWORD=x&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=a&PASSWORD=****&ssl=true");
    assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?passwordless=1"))
        .isEqualTo("jdbc:postgresql://h/db?passwordless=1");
    assertThat(JdbcUrls.redact(null)).isNull();
  }
}
