package ru.smetabot.sandbox.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.groupadministration.ApproveChatJoinRequest;
import org.telegram.telegrambots.meta.api.methods.groupadministration.CreateChatInviteLink;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMemberCount;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import ru.smetabot.sandbox.TestSandbox;
import ru.smetabot.sandbox.client.SandboxClient;

/** Many users knocking at once over HTTP: every request becomes exactly one update, none is lost or doubled. */
class JoinRequestLoadTests {

    private static final int USERS = 600;
    private static final long FIRST_USER = 2_000_000L;

    @Test
    void concurrentJoinRequestsAreAllDeliveredOnceAndCanBeApproved() throws Exception {
        SandboxClient sandbox = TestSandbox.fresh();
        TelegramClient telegram = TestSandbox.telegram();
        sandbox.createUser(1L, "Owner", "owner");
        long chatId = sandbox.createChannel(1L, "Busy room").id();
        sandbox.addAdmin(chatId, TestSandbox.BOT_ID);
        String link = telegram.execute(CreateChatInviteLink.builder().chatId(chatId).createsJoinRequest(true)
                .build()).getInviteLink();
        List<Update> before = telegram.execute(GetUpdates.builder().allowedUpdates(List.of("chat_join_request"))
                .build());
        telegram.execute(GetUpdates.builder().offset(before.get(before.size() - 1).getUpdateId() + 1).build());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> calls = new ArrayList<>();
        for (long id = FIRST_USER; id < FIRST_USER + USERS; id++) {
            long user = id;
            calls.add(pool.submit(() -> {
                sandbox.createUser(user, "U" + user, null);
                sandbox.openInviteLink(user, link);
            }));
        }
        for (Future<?> call : calls) {
            call.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        Set<Long> requesters = new HashSet<>();
        int updates = 0;
        int offset = 0;
        while (true) {
            List<Update> batch = telegram.execute(GetUpdates.builder().offset(offset)
                    .allowedUpdates(List.of("chat_join_request")).build());
            if (batch.isEmpty()) {
                break;
            }
            assertThat(batch).hasSizeLessThanOrEqualTo(100);
            for (Update u : batch) {
                requesters.add(u.getChatJoinRequest().getUser().getId());
                updates++;
            }
            offset = batch.get(batch.size() - 1).getUpdateId() + 1;
        }
        for (long id = FIRST_USER; id < FIRST_USER + 50; id++) {
            telegram.execute(new ApproveChatJoinRequest(Long.toString(chatId), id));
        }

        assertThat(updates).isEqualTo(USERS);
        assertThat(requesters).hasSize(USERS);
        assertThat(sandbox.channel(chatId).joinRequests()).hasSize(USERS - 50);
        assertThat(telegram.execute(new GetChatMemberCount(Long.toString(chatId)))).isEqualTo(2 + 50);
    }
}
