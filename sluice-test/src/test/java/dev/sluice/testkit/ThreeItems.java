package dev.sluice.testkit;

import static dev.sluice.testkit.Items.ITEMS;

import dev.sluice.kit.seed.Seeder;
import dev.sluice.runtime.Database;

/** Three deterministic items, seeded into the template once per run. */
public class ThreeItems implements TestSeed {
  record Item(long id, String name) {}

  @Override
  public void seed(Database db) {
    Seeder s = Seeder.of(db, 42);
    s.seed(ITEMS, 3, (g, i) -> new Item(i + 1, "item " + (i + 1)), (row, item) -> row.set(ITEMS.id, item.id()).set(ITEMS.name, item.name()));
  }
}
