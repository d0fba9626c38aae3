package com.sharewise.marketdata.internal;

import static com.sharewise.marketdata.IstTimes.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sharewise.api.market.Bar;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Timeframe;
import com.sharewise.marketdata.CsvImportException;
import com.sharewise.marketdata.CsvProblem;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarCsvTest {

  private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");

  @Test
  void readsBothTimestampFormsAsTheSameInstants() {
    List<Bar> bars =
        parse(
            Timeframe.M5,
            """
            timestamp,open,high,low,close,volume
            2025-01-06T09:15:00+05:30,1500,1505.5,1498,1502,12000
            2025-01-06 09:20:00,1502,1503,1500.05,1501,8000
            2025-01-06T03:55:00Z,1501,1501,1499,1499.5,7000
            """);

    assertThat(bars)
        .extracting(Bar::openTime)
        .containsExactly(
            at("2025-01-06 09:15:00"), at("2025-01-06 09:20:00"), at("2025-01-06 09:25:00"));
    assertThat(bars.get(0))
        .isEqualTo(
            new Bar(
                INFY, Timeframe.M5, at("2025-01-06 09:15:00"), 1500, 1505.5, 1498, 1502, 12000));
  }

  @Test
  void dailyBarsOpenAtTheSessionOpenOfTheirIstDate() {
    List<Bar> bars =
        parse(
            Timeframe.D1,
            """
            timestamp,open,high,low,close,volume
            2025-01-06,1500,1510,1490,1505,1000000
            2025-01-07 00:00:00,1505,1515,1500,1512,900000
            2025-01-08T09:15:00+05:30,1512,1520,1508,1519,950000
            """);

    assertThat(bars)
        .extracting(Bar::openTime)
        .containsExactly(
            at("2025-01-06 09:15:00"), at("2025-01-07 09:15:00"), at("2025-01-08 09:15:00"));
  }

  @Test
  void everyBadLineIsReportedWithItsNumberAndReason() {
    CsvImportException error =
        failure(
            Timeframe.M1,
            """
            timestamp,open,high,low,close,volume
            2025-01-06 09:15:00,100,101,99,100,10
            2025-01-06 09:16:00,100,101,99,100
            yesterday,100,101,99,100,10
            2025-01-06 09:17:30,100,101,99,100,10

            2025-01-06 09:18:00,100,99,101,100,10
            2025-01-06 09:19:00,abc,101,99,100,-5
            2025-01-06T09:20:00,100,101,99,100,10
            2025-01-06 09:15:00,100,101,99,100,10
            2025-01-06 09:21:00,102,101,99,100,10
            """);

    assertThat(error.problems())
        .extracting(CsvProblem::line)
        .containsExactly(3, 4, 5, 7, 8, 9, 10, 11);
    assertThat(error.problems().get(0).reason()).contains("expected 6 fields");
    assertThat(error.problems().get(1).reason()).contains("'yesterday'").contains("ISO-8601");
    assertThat(error.problems().get(2).reason()).contains("not the start of a 1m bar");
    assertThat(error.problems().get(3).reason()).contains("low 101 is above high 99");
    assertThat(error.problems().get(4).reason())
        .contains("open 'abc' is not a number")
        .contains("volume must not be negative");
    assertThat(error.problems().get(5).reason()).contains("offset");
    assertThat(error.problems().get(6).reason()).contains("already given on line 2");
    assertThat(error.problems().get(7).reason()).contains("open 102 is outside low–high 99–101");
    assertThat(error.getMessage()).startsWith("8 bad lines, nothing imported: line 3:");
  }

  @Test
  void aWrongHeaderOrAnEmptyFileIsLineOne() {
    assertThat(failure(Timeframe.M1, "time,o,h,l,c,v\n2025-01-06 09:15:00,1,1,1,1,1\n").problems())
        .singleElement()
        .satisfies(p -> assertThat(p.line()).isEqualTo(1))
        .satisfies(p -> assertThat(p.reason()).contains("timestamp,open,high,low,close,volume"));
    assertThat(failure(Timeframe.M1, "").problems().get(0).reason()).contains("empty");
    assertThat(failure(Timeframe.M1, BarCsv.HEADER + "\n").problems().get(0).reason())
        .contains("no bars");
  }

  @Test
  void intradayBarsGivenByDateAreRefused() {
    assertThat(failure(Timeframe.M15, BarCsv.HEADER + "\n2025-01-06,1,1,1,1,1\n").problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("only 1d bars"));
  }

  @Test
  void quotedFieldsAndAByteOrderMarkAreAccepted() {
    List<Bar> bars =
        parse(
            Timeframe.H1,
            "\uFEFF" + BarCsv.HEADER + "\n\"2025-01-06 10:15:00\",\"1\",2,1,2,\"3\"\n");
    assertThat(bars).singleElement().extracting(Bar::openTime).isEqualTo(at("2025-01-06 10:15:00"));
  }

  private static List<Bar> parse(Timeframe timeframe, String csv) {
    return BarCsv.parse(new StringReader(csv), INFY, timeframe);
  }

  private static CsvImportException failure(Timeframe timeframe, String csv) {
    return catchThrowableOfType(CsvImportException.class, () -> parse(timeframe, csv));
  }
}
