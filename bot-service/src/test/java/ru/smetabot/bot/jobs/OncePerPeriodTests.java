package ru.smetabot.bot.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.model.testing.TestPostgres;

/** Two bot instances' schedulers on one database: a periodic job runs once per period, never twice at once. */
class OncePerPeriodTests {

    private static final Duration HOUR = Duration.ofHours(1);
    private static DataSource db;

    private final OncePerPeriod first = new OncePerPeriod(db, new SimpleMeterRegistry());
    private final OncePerPeriod second = new OncePerPeriod(db, new SimpleMeterRegistry());

    @BeforeAll
    static void database() {
        db = TestPostgres.newScratchDatabase();
        Flyway.configure().dataSource(db).locations("classpath:db/migration").schemas("core", "analytics", "quartz")
                .defaultSchema("core").load().migrate();
    }

    @Test
    void twoSchedulersRacingRunTheJobOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService schedulers = Executors.newFixedThreadPool(2);
        List<Future<Optional<Integer>>> results = new ArrayList<>();
        for (OncePerPeriod instance : List.of(first, second)) {
            results.add(schedulers.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return instance.run("race", HOUR, runs::incrementAndGet);
            }));
        }
        int ran = 0;
        for (Future<Optional<Integer>> result : results) {
            ran += result.get(20, TimeUnit.SECONDS).isPresent() ? 1 : 0;
        }
        schedulers.shutdown();

        assertThat(runs).hasValue(1);
        assertThat(ran).isEqualTo(1);
    }

    @Test
    void whileOneInstanceRunsTheJobTheOtherSkipsItAndAfterwardsTheRestOfThePeriod() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService scheduler = Executors.newSingleThreadExecutor();
        Future<Optional<String>> running = scheduler.submit(() -> first.run("sweep", HOUR, () -> {
            inside.countDown();
            awaitQuietly(release);
            return "swept";
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        Optional<String> duringTheRun = second.run("sweep", Duration.ZERO, () -> "second sweep");
        release.countDown();
        Optional<String> firstResult = running.get(10, TimeUnit.SECONDS);
        Optional<String> laterInThePeriod = second.run("sweep", HOUR, () -> "second sweep");
        scheduler.shutdown();

        assertThat(firstResult).contains("swept");
        assertThat(duringTheRun).as("the advisory lock is held while the job runs").isEmpty();
        assertThat(laterInThePeriod).as("the period was claimed by the first instance").isEmpty();
        assertThat(JdbcClient.create(db).sql("SELECT finished_at IS NOT NULL FROM core.job_runs WHERE job = 'sweep'")
                .query(Boolean.class).single()).as("one run recorded, finished").isTrue();
    }

    @Test
    void onceThePeriodIsOverTheNextTickRunsAgain() {
        assertThat(first.run("cleanup", Duration.ZERO, () -> 1)).contains(1);
        assertThat(second.run("cleanup", Duration.ZERO, () -> 2)).contains(2);
        assertThat(first.run("cleanup", HOUR, () -> 3)).isEmpty();
        assertThat(JdbcClient.create(db).sql("SELECT count(*) FROM core.job_runs WHERE job = 'cleanup'")
                .query(Long.class).single()).as("a row per run, none for the skipped tick").isEqualTo(2);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
