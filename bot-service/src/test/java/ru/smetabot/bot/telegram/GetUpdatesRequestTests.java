package ru.smetabot.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class GetUpdatesRequestTests {

    @Test
    void asksForEveryTypeWeHandleIncludingChatMember() {
        GetUpdates request = new GetUpdatesRequest(50).apply(41);

        assertThat(request.getOffset()).isEqualTo(42);
        assertThat(request.getTimeout()).isEqualTo(50);
        assertThat(request.getAllowedUpdates()).containsExactly("message", "edited_message", "channel_post",
                "callback_query", "chat_join_request", "chat_member", "my_chat_member");
    }

    /** Issue 15 defect 7: a batch with one update TelegramBots cannot parse used to come back forever. */
    @Test
    void oneBadUpdateDoesNotStopTheBot() throws Exception {
        List<String> unparsed = new ArrayList<>();
        GetUpdates request = new GetUpdatesRequest(50, listener(unparsed, new ArrayList<>())).apply(9);
        String good = "{\"update_id\":%d,\"message\":{\"message_id\":1,\"date\":1700000000,"
                + "\"chat\":{\"id\":5,\"type\":\"private\"},\"text\":\"hi\"}}";
        String bad = "{\"update_id\":11,\"message\":{\"message_id\":1,\"date\":\"not a date\","
                + "\"chat\":{\"id\":5,\"type\":\"private\"},\"text\":\"hi\"}}";
        String answer = "{\"ok\":true,\"result\":[" + good.formatted(10) + "," + bad + "," + good.formatted(12) + "]}";
        assertThatThrownBy(() -> new GetUpdates().deserializeResponse(answer)).as("TelegramBots alone fails the batch")
                .isInstanceOf(TelegramApiRequestException.class);

        List<Update> updates = request.deserializeResponse(answer);

        assertThat(updates).extracting(Update::getUpdateId).containsExactly(10, 11, 12);
        assertThat(updates.get(0).getMessage().getText()).isEqualTo("hi");
        assertThat(updates.get(1).hasMessage()).as("a placeholder, so the offset moves past it").isFalse();
        assertThat(UpdateKind.of(updates.get(1))).isEqualTo(UpdateKind.OTHER);
        assertThat(unparsed).singleElement().asString().startsWith("11 ").contains("not a date");
    }

    @Test
    void telegramsOwnErrorStillFailsAndARestartedSequenceIsNoticed() throws Exception {
        List<Integer> restarts = new ArrayList<>();
        GetUpdates request = new GetUpdatesRequest(50, listener(new ArrayList<>(), restarts)).apply(900_000);

        assertThatThrownBy(() -> request.deserializeResponse("{\"ok\":false,\"error_code\":409,\"description\":\"Conflict\"}"))
                .isInstanceOf(TelegramApiRequestException.class);
        request.deserializeResponse("{\"ok\":true,\"result\":[{\"update_id\":17},{\"update_id\":18}]}");
        assertThat(restarts).containsExactly(17);
    }

    private static TolerantGetUpdates.Listener listener(List<String> unparsed, List<Integer> restarts) {
        return new TolerantGetUpdates.Listener() {
            @Override
            public void unparsed(Long updateId, String rawJson, String error) {
                unparsed.add(updateId + " " + rawJson + " " + error);
            }

            @Override
            public void sequenceRestarted(int lowestId) {
                restarts.add(lowestId);
            }
        };
    }

    @Test
    void telegramUrlComesFromTheConfiguredBase() {
        TelegramUrl sandbox = TelegramConfig.telegramUrlOf(URI.create("http://localhost:8080"));
        TelegramUrl telegram = TelegramConfig.telegramUrlOf(URI.create("https://api.telegram.org"));

        assertThat(sandbox).isEqualTo(TelegramUrl.builder().schema("http").host("localhost").port(8080).testServer(false).build());
        assertThat(telegram.getPort()).isEqualTo(443);
        assertThat(telegram.getSchema()).isEqualTo("https");
    }
}
