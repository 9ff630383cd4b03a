package dev.sluice.kit.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GenTest {
  static final OffsetDateTime FROM = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  static final OffsetDateTime TO = OffsetDateTime.of(2025, 2, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  static List<String> sample(Gen g) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      out.add(g.fullName() + "|" + g.email(g.firstName(), g.lastName(), i) + "|" + g.companyName() + "|" + g.sentence(3, 9)
          + "|" + g.timestamp(FROM, TO) + "|" + g.uuid() + "|" + g.intBetween(1, 6) + "|" + g.pick(Thread.State.class));
    }
    return out;
  }

  @Test
  void theSameSeedAndTableGiveTheSameValuesEveryTime() {
    Seeder a = Seeder.of(null, 42);
    Seeder b = Seeder.of(null, 42);
    assertThat(sample(a.gen("users"))).isEqualTo(sample(b.gen("users")));
    assertThat(sample(a.gen("users"))).isNotEqualTo(sample(a.gen("teams")));
    assertThat(sample(a.gen("users"))).isNotEqualTo(sample(Seeder.of(null, 43).gen("users")));
  }

  @Test
  void valuesStayInTheirRanges() {
    Gen g = Gen.of(1);
    for (int i = 0; i < 1000; i++) {
      assertThat(g.intBetween(3, 5)).isBetween(3, 5);
      OffsetDateTime t = g.timestamp(FROM, TO);
      assertThat(t).isAfterOrEqualTo(FROM).isBefore(TO);
      assertThat(g.date(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 3))).isBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 3));
      assertThat(g.uuid().version()).isEqualTo(4);
    }
    assertThat(g.distinctWords(4)).doesNotHaveDuplicates().hasSize(4);
    assertThat(Gen.slug("Cedar Robotics GmbH!", 7)).isEqualTo("cedar-robotics-gmbh-7");
    assertThatThrownBy(() -> g.timestamp(TO, FROM)).hasMessageContaining("empty range");
  }

  @Test
  void weightedChoicesFollowTheirWeightsAndSkewFavoursTheFront() {
    Gen g = Gen.of(7);
    Weighted<String> w = Weighted.of("a", 80).or("b", 20);
    long as = IntStream.range(0, 10_000).filter(i -> g.weighted(w).equals("a")).count();
    assertThat(as).isBetween(7_700L, 8_300L);
    List<Integer> parents = IntStream.range(0, 100).boxed().toList();
    long front = IntStream.range(0, 10_000).filter(i -> g.pickSkewed(parents, 2) < 10).count();
    assertThat(front).isBetween(2_800L, 3_500L);   // sqrt(0.1) = 31.6% for skew 2, vs 10% uniform
    assertThatThrownBy(() -> Weighted.of("x", 0)).hasMessageContaining("must be positive");
  }

  @Test
  void scaleMultipliesCountsAndKeepsAtLeastOneRow() {
    Seeder s = Seeder.of(null, 1).scale(0.1);
    assertThat(s.count(2000)).isEqualTo(200);
    assertThat(s.count(3)).isEqualTo(1);
  }

  @Test
  void progressRedrawsInPlaceOnAConsoleAndPrintsPlainLinesOtherwise() {
    Function<Boolean, String> run = interactive -> {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), interactive);
      p.start("app_users", 10);
      p.advance(5);
      p.advance(5);
      p.finish();
      return bytes.toString(StandardCharsets.UTF_8);
    };
    String console = run.apply(true);
    assertThat(console).contains("\r  app_users").contains("[###############...............] 5/10").endsWith("\n");
    String plain = run.apply(false);
    assertThat(plain).doesNotContain("\r").doesNotContain("[").containsPattern("app_users\\s+10 rows\\s+\\d+ ms\\n");
    assertThat(plain.lines()).hasSize(1);
  }
}
