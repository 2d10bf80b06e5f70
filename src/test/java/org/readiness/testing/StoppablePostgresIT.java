package org.readiness.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database-fault harness: a stopped server refuses connections, a restarted one has its data back. */
class StoppablePostgresIT {

    @Test
    void stopsAndStartsAgainOnTheSamePortAndData() throws Exception {
        try (StoppablePostgres pg = StoppablePostgres.start("stoppable-postgres-it")) {
            TestPostgres.Database db = pg.database();
            try (Connection c = db.connect()) {
                c.createStatement().execute("CREATE TABLE kept (id INT PRIMARY KEY)");
                c.createStatement().execute("INSERT INTO kept VALUES (42)");
            }

            pg.stop();
            assertThat(pg.isRunning()).isFalse();
            assertThatThrownBy(db::connect).isInstanceOf(SQLException.class);

            pg.restart();
            try (Connection c = db.connect(); ResultSet r = c.createStatement().executeQuery("SELECT id FROM kept")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isEqualTo(42);
            }
            assertThat(db.url()).endsWith(":" + pg.port() + "/readiness");
        }
    }
}
