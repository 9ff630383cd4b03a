package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LsnTest {
  @Test
  void aPgLsnParsesToItsOrderAndBack() {
    assertThat(Lsn.parse("0/0")).isZero();
    assertThat(Lsn.parse("16/B374D848")).isEqualTo(0x16B374D848L);
    assertThat(Lsn.parse("1/0")).isGreaterThan(Lsn.parse("0/FFFFFFFF"));
    assertThat(Lsn.format(Lsn.parse("16/B374D848"))).isEqualTo("16/B374D848");
  }

  @Test
  void aNullPositionNeverReachesAWrite() {
    assertThat(Lsn.parse(null)).isEqualTo(Lsn.UNKNOWN).isLessThan(Lsn.parse("0/1"));
  }
}
