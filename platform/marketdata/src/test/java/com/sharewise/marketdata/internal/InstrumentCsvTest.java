package com.sharewise.marketdata.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sharewise.api.market.Instrument;
import com.sharewise.api.market.InstrumentId;
import com.sharewise.api.market.Segment;
import com.sharewise.marketdata.CsvImportException;
import com.sharewise.marketdata.CsvProblem;
import com.sharewise.marketdata.InstrumentMaster;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstrumentCsvTest {

  @Test
  void readsColumnsInAnyOrderWithDefaults() {
    List<Instrument> instruments =
        InstrumentCsv.parse(
            new StringReader(
                """
                symbol,exchange,tick_size,name,isin
                infy,nse,0.05,"INFOSYS, LIMITED",INE009A01021
                NIFTY25JANFUT,NFO,0.10,,
                """));

    assertThat(instruments.get(0))
        .isEqualTo(
            new Instrument(
                InstrumentId.parse("NSE:INFY"),
                "",
                "INFOSYS, LIMITED",
                Segment.EQUITY,
                new BigDecimal("0.05"),
                1,
                "INE009A01021"));
    assertThat(instruments.get(1).id().toString()).isEqualTo("NFO:NIFTY25JANFUT");
    assertThat(instruments.get(1).tickSize()).isEqualByComparingTo("0.1");
  }

  @Test
  void badLinesAreListedWithNumbersAndReasons() {
    CsvImportException error =
        catchThrowableOfType(
            CsvImportException.class,
            () ->
                InstrumentCsv.parse(
                    new StringReader(
                        """
                        exchange,symbol,token,name,segment,tick_size,lot_size,isin
                        NSE,INFY,1594,INFOSYS,EQUITY,0.05,1,INE009A01021
                        XYZ,ABC,1,A,EQUITY,0.05,1,
                        NSE,TCS,2,B,STOCK,-1,0,NOTANISIN
                        NSE,INFY,1594,INFOSYS,EQUITY,0.05,1,
                        """)));

    assertThat(error.problems()).extracting(CsvProblem::line).containsExactly(3, 4, 5);
    assertThat(error.problems().get(0).reason()).contains("unknown exchange 'XYZ'");
    assertThat(error.problems().get(1).reason())
        .contains("unknown segment 'STOCK'")
        .contains("tick_size")
        .contains("lot_size")
        .contains("isin");
    assertThat(error.problems().get(2).reason()).contains("NSE:INFY is already given on line 2");
  }

  @Test
  void theHeaderMustNameKnownAndRequiredColumns() {
    CsvImportException error =
        catchThrowableOfType(
            CsvImportException.class,
            () -> InstrumentCsv.parse(new StringReader("exchange,ticker\nNSE,INFY\n")));

    assertThat(error.problems()).allMatch(p -> p.line() == 1);
    assertThat(error.getMessage())
        .contains("unknown column 'ticker'")
        .contains("lacks the required column 'symbol'")
        .contains("lacks the required column 'tick_size'");
  }

  @Test
  void theShippedSeedHoldsTheContractsDefaultUniverse() {
    assertThat(InstrumentMaster.seed())
        .extracting(i -> i.id().toString())
        .contains("NSE:INFY", "NSE:TCS", "NSE:RELIANCE", "NSE:HDFCBANK", "NSE:SBIN")
        .hasSizeGreaterThanOrEqualTo(10);
  }
}
