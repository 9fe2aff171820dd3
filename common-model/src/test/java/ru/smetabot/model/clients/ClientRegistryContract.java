package ru.smetabot.model.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.smetabot.model.clients.ClientRegistry.NewClient;
import ru.smetabot.model.clients.ClientRegistry.Registration;
import ru.smetabot.model.contractors.Contractor;
import ru.smetabot.model.contractors.ContractorRepository;
import ru.smetabot.model.invites.InviteLink;
import ru.smetabot.model.invites.InviteLinkRepository;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;

/** What client registration must do, whatever PostgreSQL runs it (embedded or a container). */
abstract class ClientRegistryContract {

    @Autowired
    ClientRegistry registry;
    @Autowired
    ClientRepository clients;
    @Autowired
    ContractorRepository contractors;
    @Autowired
    RoomRepository rooms;
    @Autowired
    InviteLinkRepository invites;

    Room room;
    InviteLink firstLink;
    InviteLink secondLink;

    @BeforeEach
    void aRoomWithTwoLinks() {
        long unique = ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
        Contractor owner = contractors.save(new Contractor(unique, "owner" + unique, "Иван Петров", "ru"));
        room = rooms.save(new Room(owner.getId(), -1_000_000_000_000L - unique, "Ремонт кухни", owner.getTgUserId()));
        firstLink = invites.save(new InviteLink(room.getId(), "https://t.me/+first" + unique, "первая", true, 5, null));
        secondLink = invites.save(new InviteLink(room.getId(), "https://t.me/+second" + unique, "вторая", true, null, null));
    }

    @Test
    void sixteenThreadsRegisteringTheSameUserLeaveExactlyOneRow() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Registration>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String name = "Клиент " + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return registry.register(new NewClient(room.getId(), firstLink.getId(), 777L, "client", name,
                            ClientStatus.ACTIVE, Instant.now()));
                }));
            }
            start.countDown();
            List<Registration> registrations = new ArrayList<>();
            for (Future<Registration> result : results) {
                registrations.add(result.get()); // rethrows anything that escaped
            }

            assertThat(clients.findByRoomId(room.getId())).hasSize(1);
            assertThat(registrations).extracting(Registration::clientId).containsOnly(registrations.get(0).clientId());
            assertThat(registrations).filteredOn(Registration::newlyRegistered).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keepsTheFirstInviteAndJoinTimeAndRefreshesTheNames() {
        Instant firstJoin = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        registry.register(new NewClient(room.getId(), firstLink.getId(), 555L, "old_nick", "Старое Имя",
                ClientStatus.ACTIVE, firstJoin));

        Registration again = registry.register(new NewClient(room.getId(), secondLink.getId(), 555L, "new_nick",
                "Новое Имя", ClientStatus.ACTIVE, Instant.now()));

        Client client = clients.findByRoomIdAndTgUserId(room.getId(), 555L).orElseThrow();
        assertThat(again.newlyRegistered()).isFalse();
        assertThat(client.getInviteId()).isEqualTo(firstLink.getId());
        assertThat(client.getJoinedAt()).isEqualTo(firstJoin);
        assertThat(client.getUsername()).isEqualTo("new_nick");
        assertThat(client.getFullName()).isEqualTo("Новое Имя");
    }

    @Test
    void aLeaverWhoComesBackIsActiveAgainButABannedClientStaysBanned() {
        registry.register(new NewClient(room.getId(), firstLink.getId(), 901L, null, "Ушёл", ClientStatus.ACTIVE,
                Instant.now()));
        registry.register(new NewClient(room.getId(), firstLink.getId(), 902L, null, "Забанен", ClientStatus.ACTIVE,
                Instant.now()));
        assertThat(registry.changeStatus(room.getId(), 901L, ClientStatus.LEFT, Instant.now())).isTrue();
        assertThat(registry.changeStatus(room.getId(), 902L, ClientStatus.BANNED, Instant.now())).isTrue();

        Registration back = registry.register(new NewClient(room.getId(), secondLink.getId(), 901L, null, "Ушёл",
                ClientStatus.ACTIVE, Instant.now()));
        Registration banned = registry.register(new NewClient(room.getId(), secondLink.getId(), 902L, null, "Забанен",
                ClientStatus.ACTIVE, Instant.now()));

        assertThat(back.status()).isEqualTo(ClientStatus.ACTIVE);
        assertThat(clients.findByRoomIdAndTgUserId(room.getId(), 901L).orElseThrow().getLeftAt()).isNull();
        assertThat(banned.status()).isEqualTo(ClientStatus.BANNED);
        assertThat(registry.changeStatus(room.getId(), 12345L, ClientStatus.LEFT, Instant.now())).isFalse();
    }
}
