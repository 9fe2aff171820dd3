package ru.smetabot.userbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.smetabot.userbotapi.AddBotAdminRequest;
import ru.smetabot.userbotapi.ChatRequest;
import ru.smetabot.userbotapi.GetViewsRequest;
import ru.smetabot.userbotapi.ViewsResponse;

/** Views over the sandbox gateway: read without adding a view, batched by 100, unknown posts missing. */
class SandboxGatewayTests extends SandboxApiTestSupport {

    @Test
    void loginCreateChannelAddBotAdminReadViewsTwice() {
        long owner = connectedAccountWithPassword();
        long chatId = newRoom(owner);
        userbot.addBotAdmin(new AddBotAdminRequest(owner, chatId, BOT_ID, null, null));
        assertThat(userbot.getAdmins(new ChatRequest(owner, chatId)).admins())
                .anySatisfy(admin -> assertThat(admin.userId()).isEqualTo(BOT_ID))
                .anySatisfy(admin -> assertThat(admin.isOwner()).isTrue());

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add((long) sandbox.postToChannel(chatId, owner, "смета " + i).messageId());
        }
        sandbox.readChannel(chatId, owner);
        Integer before = sandbox.readChannel(chatId, owner).get(0).views();

        ViewsResponse first = userbot.getViews(new GetViewsRequest(owner, chatId, ids));
        ViewsResponse second = userbot.getViews(new GetViewsRequest(owner, chatId, ids));

        assertThat(first.views()).containsOnlyKeys(ids).isEqualTo(second.views());
        assertThat(first.views().get(ids.get(0))).isEqualTo(before);
        assertThat(first.missing()).isEmpty();
        assertThat(sandbox.channel(chatId).postCount()).isEqualTo(3);
        assertThat(sandbox.readChannel(chatId, owner).get(0).views()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} ids")
    @ValueSource(ints = {1, 100, 101, 150, 200, 201, 250})
    void idsAreAskedInExactlyCeilOfNOverOneHundredTelegramCalls(int n) {
        long owner = connectedAccount();
        long chatId = newRoom(owner);
        long posted = sandbox.postToChannel(chatId, owner, "файл").messageId();
        List<Long> ids = LongStream.rangeClosed(1, n).boxed().toList();
        ViewsResponse[] views = new ViewsResponse[1];

        int calls = mtprotoCalls("getViews", () -> views[0] = userbot.getViews(new GetViewsRequest(owner, chatId, ids)));

        assertThat(calls).isEqualTo((n + 99) / 100);
        assertThat(views[0].views()).containsOnlyKeys(posted);
        assertThat(views[0].missing()).hasSize(n - 1).doesNotContain(posted);
    }
}
