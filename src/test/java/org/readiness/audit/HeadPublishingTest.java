package org.readiness.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.identity.Stamp;
import org.readiness.testing.Api;
import org.readiness.testing.CapturedLog;
import org.readiness.testing.TestDatabase;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The head of the chain is logged after every readiness.audit.publish-every rows (3 here) once they are committed,
 * and at shutdown; never the key. On a database of its own, so that the row numbers are this test's.
 */
@QuarkusTest
@TestProfile(HeadPublishingTest.SmallChain.class)
public class HeadPublishingTest {

    /** A database of its own and a head logged every 3 rows; LastAdminTest shares it (one start for both). */
    public static class SmallChain implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("readiness.audit.publish-every", "3");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestDatabase.class, Map.of(TestDatabase.DATABASE, "smallchain")));
        }
    }

    @Inject
    AuditLog audit;

    @Inject
    AuditHead head;

    @Test
    void theHeadIsLoggedEveryNCommittedRowsAndAtShutdown() {
        long start = head.current().sequence();
        // Enough rows to pass two multiples of 3, and then one more row that is due but rolled back.
        long rows = 5 + (3 - (start + 6) % 3) % 3;
        List<String> logged = CapturedLog.during(() -> {
            for (int i = 0; i < rows; i++) {
                Api.createOrganisation();
            }
            // Marked for rollback, so the commit at the end of run() is refused: the append never commits.
            org.junit.jupiter.api.Assertions.assertThrows(io.quarkus.narayana.jta.QuarkusTransactionException.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> {
                        audit.append("test.rolled-back", "nothing", null, null, Stamp.of("test", Instant.now()));
                        QuarkusTransaction.setRollbackOnly();
                    }));
            head.onStop(null);
        });
        assertThat((start + rows + 1) % 3).as("the rolled-back row was due").isZero();
        AuditHead.Head now = head.current();
        assertThat(now.sequence()).isEqualTo(start + rows);
        List<String> published = logged.stream().filter(line -> line.contains("Audit chain head after"))
                .map(line -> line.substring(line.indexOf("Audit chain head"))).toList();
        List<String> due = java.util.stream.LongStream.rangeClosed(start + 1, start + rows).filter(n -> n % 3 == 0)
                .mapToObj(n -> "after " + n + " rows: sequence=" + n + " hash=").toList();
        assertThat(published).hasSize(due.size());
        for (int i = 0; i < due.size(); i++) {
            assertThat(published.get(i)).contains(due.get(i)).matches(".*hash=[0-9a-f]{64}");
            String line = published.get(i);
            Api.auditor().get("/api/v1/audit/verify?sequence=" + line.replaceAll(".*sequence=(\\d+).*", "$1")
                    + "&hash=" + line.replaceAll(".*hash=", "")).then().statusCode(200)
                    .body("valid", org.hamcrest.Matchers.equalTo(true));
        }
        assertThat(logged).anyMatch(line -> line.contains("Audit chain head at shutdown: sequence=" + now.sequence()
                + " hash=" + now.hash()));
        assertThat(String.join("\n", logged)).doesNotContain("test-only-audit-chain-key");
    }
}
