package org.readiness.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Races for tests: many tasks released together on a pool of threads, their results in task order. */
public final class Concurrently {

    private Concurrently() {
    }

    /**
     * Runs {@code task(0..n-1)} on {@code threads} threads, all waiting on one latch so that they start together.
     * Each result is awaited at most 120 s, so a deadlock fails the test instead of hanging the build.
     */
    public static <T> List<T> all(int n, int threads, IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> waitThenRun = () -> {
                    start.await();
                    return task.apply(index);
                };
                futures.add(pool.submit(waitThenRun));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
