package dev.sluice.kit.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kit.diff.ForeignKeySetNullColumnsLiveTest;
import dev.sluice.schema.model.SchemaModel;
import org.junit.jupiter.api.Test;

/** Pulled code for {@code ON DELETE SET NULL (cols)} compiles back to the same model (the column list is not lost). */
class PullSetNullColumnsRoundTripTest {
  @Test
  void pulledCodeKeepsTheSetNullColumnList() {
    SchemaModel model = ForeignKeySetNullColumnsLiveTest.code();
    assertThat(GeneratedSchema.roundTrip(model, "x.db")).isEqualTo(model);
  }
}
