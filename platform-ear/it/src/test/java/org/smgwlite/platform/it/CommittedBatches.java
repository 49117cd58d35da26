package org.smgwlite.platform.it;

import static org.smgwlite.platform.it.ItPlatform.sql;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Watching an agent's upload in the database: for the tests that break something in the middle of one. */
public final class CommittedBatches {

    private CommittedBatches() {
    }

    /**
     * Polls the database until {@code n} batches of {@code gw} are committed and returns how many are; fails if the
     * upload ends first (with its failure, if any) or after 120 s.
     *
     * @param event what the test does next ("the kill"), for the failure message
     */
    public static long await(String gw, int n, Future<?> upload, String event) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            long committed = Long.parseLong(sql("SELECT count(*) FROM reading_batch WHERE gateway_id = ?", gw).get(0));
            if (committed >= n) {
                return committed;
            }
            if (upload.isDone()) {
                upload.get(); // the failure, if any
                throw new AssertionError("the upload ended after " + committed + " batches, before " + event);
            }
            Thread.sleep(5);
        }
        throw new AssertionError("fewer than " + n + " batches committed within 120 s");
    }
}
