package com.sharewise.rules;

import java.util.List;

/** Test packs for tests in other packages. */
public final class TestPacksAccess {

  public static List<Rules.DefaultPack> all() {
    return TestPacks.all();
  }

  public static String riskStricter() {
    return TestPacks.RISK_STRICTER;
  }

  private TestPacksAccess() {}
}
