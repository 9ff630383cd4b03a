package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** The throwaway cluster fixture itself: a primary, a replica that replays it, a promotion. */
class PgClusterTest {
  @Test
  void aReplicaReplaysThePrimaryAndCanBePromoted() throws Exception {
    assumeTrue(PgCluster.unavailableReason() == null, () -> "skipped: " + PgCluster.unavailableReason());
    try (PgCluster primary = PgCluster.startPrimary("fixture-primary");
        PgCluster replica = primary.startReplica("fixture_replica")) {
      primary.execute("create table t (id int primary key)");
      primary.execute("insert into t values (1)");
      PgCluster.waitFor("replay", () -> replica.queryLong("select count(*) from t") == 1);
      primary.stop("fast");
      replica.promote();
      replica.execute("insert into t values (2)");
      assertThat(replica.queryLong("select count(*) from t")).isEqualTo(2);
    }
  }
}
