package ru.smetabot.userbot.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.smetabot.userbot.FakeGateway;
import ru.smetabot.userbot.testing.OwnDatabase;

/** Two instances' lease managers over one database, each with its own gateway that records what it opens and closes. */
class AccountLeasesTests {

    private static final Duration SHORT_TTL = Duration.ofMillis(900);

    private final LeaseStore store = new LeaseStore(JdbcClient.create(OwnDatabase.newMigratedDatabase()));
    private final Instance a = new Instance("ub-a", Duration.ofSeconds(30));
    private final Instance b = new Instance("ub-b", Duration.ofSeconds(30));

    @AfterEach
    void stopRenewals() {
        a.renewals.stop();
        b.renewals.stop();
    }

    @Test
    void twoInstancesServeDisjointAccountsAndPointAtEachOther() {
        assertThat(a.leases.route(1L)).isInstanceOf(Route.Local.class);
        assertThat(b.leases.route(2L)).isInstanceOf(Route.Local.class);

        assertThat(holderSeenBy(a, 2L).instanceId()).isEqualTo("ub-b");
        assertThat(holderSeenBy(a, 2L).url()).isEqualTo(b.identity.url());
        assertThat(holderSeenBy(b, 1L).instanceId()).isEqualTo("ub-a");
        assertThat(a.gateway.opened).containsExactly(1L);
        assertThat(b.gateway.opened).containsExactly(2L);
        assertThat(a.count("acquired")).isEqualTo(1.0);
    }

    @Test
    void aGracefulStopReleasesSoTheOtherInstanceTakesOverAtOnce() {
        a.leases.route(1L);

        a.renewals.stop();

        assertThat(a.gateway.closed).as("the stopping instance closes the session before releasing").containsExactly(1L);
        assertThat(b.leases.route(1L)).isInstanceOf(Route.Local.class);
        assertThat(b.gateway.opened).containsExactly(1L);
        assertThat(b.count("taken_over")).isEqualTo(1.0);
        assertThat(a.count("released")).isEqualTo(1.0);
    }

    @Test
    void aCrashedHoldersLeaseExpiresAndIsTakenOverWithAHigherFencingToken() {
        Instance crashed = new Instance("ub-crashed", SHORT_TTL);
        long oldToken = ((Route.Local) crashed.leases.route(3L)).fencingToken();
        // The crashed instance renews nothing from now on (its renewals were never started).
        Instance survivor = new Instance("ub-survivor", SHORT_TTL);
        assertThat(survivor.leases.route(3L)).as("still held until it expires").isInstanceOf(Route.Remote.class);

        await().atMost(Duration.ofSeconds(10)).until(() -> survivor.leases.route(3L) instanceof Route.Local);

        assertThat(((Route.Local) survivor.leases.route(3L)).fencingToken()).isGreaterThan(oldToken);
        assertThat(survivor.gateway.opened).containsExactly(3L);
        assertThat(survivor.count("taken_over")).isEqualTo(1.0);
    }

    @Test
    void aStaleHolderWithAnOldFencingTokenCannotRenewAndClosesItsSession() {
        Instance paused = new Instance("ub-paused", SHORT_TTL);
        long staleToken = ((Route.Local) paused.leases.route(4L)).fencingToken();
        Instance other = new Instance("ub-other", SHORT_TTL);
        await().atMost(Duration.ofSeconds(10)).until(() -> other.leases.route(4L) instanceof Route.Local);

        paused.leases.renewAll(); // the paused instance wakes up

        assertThat(store.renew(4L, "ub-paused", staleToken, SHORT_TTL)).isFalse();
        assertThat(paused.leases.holds(4L)).isFalse();
        assertThat(paused.gateway.closed).containsExactly(4L);
        assertThat(paused.count("lost")).isEqualTo(1.0);
        assertThat(store.holder(4L).orElseThrow().instanceId()).isEqualTo("ub-other");
        assertThat(store.release(4L, "ub-paused", staleToken)).as("nor release it").isFalse();
    }

    @Test
    void renewalsKeepTheLeaseLongPastItsTtl() {
        Instance holder = new Instance("ub-holder", SHORT_TTL);
        holder.gateway.connect(5L); // a connected account: its lease is never given up as unused
        holder.leases.route(5L);
        holder.renewals.start();
        double renewedBefore = holder.count("renewed");

        // Four renewals (every TTL/3) span more than one TTL after the lease was taken.
        await().atMost(Duration.ofSeconds(10)).until(() -> holder.count("renewed") >= renewedBefore + 4);

        Instance other = new Instance("ub-late", SHORT_TTL);
        assertThat(other.leases.route(5L)).isInstanceOf(Route.Remote.class);
        assertThat(holder.leases.holds(5L)).isTrue();
        holder.renewals.stop();
    }

    @Test
    void atStartAnInstanceOpensTheStoredSessionsNobodyHolds() {
        b.leases.route(9L);
        a.gateway.connect(8L); // both sessions are stored where every instance sees them
        a.gateway.connect(9L);

        a.renewals.start();

        assertThat(a.leases.held()).containsExactly(8L);
        assertThat(a.gateway.opened).containsExactly(8L);
    }

    @Test
    void theRenewalRoundTakesOverAStoredSessionWhoseHolderCrashedWithoutARequest() {
        Instance crashed = new Instance("ub-gone", SHORT_TTL);
        crashed.leases.route(10L);
        Instance survivor = new Instance("ub-sweeper", SHORT_TTL);
        survivor.gateway.connect(10L); // its session is stored where the survivor sees it
        survivor.renewals.start();
        assertThat(survivor.leases.holds(10L)).as("not while the crashed instance's lease lasts").isFalse();

        await().atMost(Duration.ofSeconds(10)).until(() -> survivor.leases.holds(10L));

        assertThat(survivor.gateway.opened).containsExactly(10L);
        assertThat(survivor.count("taken_over")).isEqualTo(1.0);
        survivor.renewals.stop();
    }

    @Test
    void theLeaseOfAnAccountWithoutSessionOrLoginHereIsGivenUp() {
        Instance holder = new Instance("ub-idle", SHORT_TTL);
        holder.leases.route(7L); // e.g. a request for an account never connected
        holder.renewals.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> holder.count("released") == 1.0);

        assertThat(holder.leases.holds(7L)).isFalse();
        assertThat(b.leases.route(7L)).as("free for any instance at once").isInstanceOf(Route.Local.class);
        holder.renewals.stop();
    }

    @Test
    void concurrentInstancesGetTheLeaseExactlyOnce() throws Exception {
        List<Route> routes = new CopyOnWriteArrayList<>();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Instance instance = i % 2 == 0 ? a : b;
            Thread thread = new Thread(() -> routes.add(instance.leases.route(6L)));
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        String holder = store.holder(6L).orElseThrow().instanceId();
        Instance winner = holder.equals("ub-a") ? a : b;
        Instance loser = winner == a ? b : a;
        assertThat(routes).hasSize(8);
        assertThat(winner.gateway.opened).containsExactly(6L);
        assertThat(loser.gateway.opened).isEmpty();
        assertThat(routes.stream().filter(r -> r instanceof Route.Remote).map(r -> ((Route.Remote) r).holder().instanceId()))
                .allMatch(holder::equals);
        assertThat(store.holder(6L).orElseThrow().fencingToken()).isEqualTo(1L);
    }

    private static LeaseStore.Holder holderSeenBy(Instance instance, long account) {
        return ((Route.Remote) instance.leases.route(account)).holder();
    }

    /** The gateway of one instance: records the sessions it was told to open and close. */
    static final class RecordingGateway extends FakeGateway {
        final List<Long> opened = new CopyOnWriteArrayList<>();
        final List<Long> closed = new CopyOnWriteArrayList<>();

        @Override
        public void open(long account) {
            opened.add(account);
        }

        @Override
        public void close(long account) {
            closed.add(account);
        }
    }

    private final class Instance {
        final RecordingGateway gateway = new RecordingGateway();
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final InstanceIdentity identity;
        final AccountLeases leases;
        final LeaseRenewals renewals;

        Instance(String id, Duration ttl) {
            identity = new InstanceIdentity(id, URI.create("http://" + id + ".invalid:8082"));
            InstanceProperties properties = new InstanceProperties(id, identity.url(), ttl);
            leases = new AccountLeases(store, identity, properties, gateway, meters);
            renewals = new LeaseRenewals(leases, properties);
        }

        double count(String event) {
            var counter = meters.find("userbot.leases").tag("event", event).counter();
            return counter == null ? 0 : counter.count();
        }
    }
}
