package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplicaRoutingTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT users.id FROM users WHERE users.email = ?",
      "  select 1",
      "WITH t AS (SELECT 1) SELECT * FROM t",
      "(SELECT a FROM x) UNION (SELECT a FROM y)",
      "VALUES (1), (2)",
      "SELECT users.updated_at, users.deleted FROM users",
      "SELECT pg_is_in_recovery()"})
  void plainReadsGoToAReplica(String sql) {
    assertThat(ReplicatedDatabase.isPlainRead(sql)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO users (email) VALUES (?) RETURNING users.id",
      "UPDATE users SET email = ? WHERE users.id = ? RETURNING users.id",
      "DELETE FROM users WHERE users.id = ? RETURNING users.id",
      "MERGE INTO users USING src ON users.id = src.id WHEN MATCHED THEN DO NOTHING",
      "WITH moved AS (DELETE FROM a RETURNING *) SELECT * FROM moved",
      "SELECT users.id FROM users FOR UPDATE",
      "SELECT users.id FROM users FOR NO KEY UPDATE SKIP LOCKED",
      "SELECT users.id FROM users FOR SHARE",
      "SELECT users.id FROM users FOR KEY SHARE",
      "select nextval('users_id_seq')",
      "CREATE TABLE x (a int)",
      "SET search_path TO x"})
  void everythingElseGoesToThePrimary(String sql) {
    assertThat(ReplicatedDatabase.isPlainRead(sql)).isFalse();
  }
}
