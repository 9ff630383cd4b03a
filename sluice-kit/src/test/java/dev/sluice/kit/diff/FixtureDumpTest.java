package dev.sluice.kit.diff;

import org.junit.jupiter.api.Test;

class FixtureDumpTest {
  @Test
  void dump() {
    for (var f : ChangeFixtures.all()) {
      System.out.println("=== " + f.name());
      try {
        for (var c : Differ.diff(f.from(), f.to(), f.options())) {
          System.out.println((c.destructive() ? "[D] " : "") + DdlRenderer.render(c).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + ";");
        }
      } catch (RuntimeException e) {
        System.out.println("!! " + e);
      }
      System.out.println("--- reverse");
      try {
        for (var c : Differ.diff(f.to(), f.from(), f.options().reversed())) {
          System.out.println((c.destructive() ? "[D] " : "") + DdlRenderer.render(c).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + ";");
        }
      } catch (RuntimeException e) {
        System.out.println("!! " + e);
      }
    }
  }
}
