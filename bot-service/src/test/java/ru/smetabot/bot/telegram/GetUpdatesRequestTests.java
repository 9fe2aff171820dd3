package ru.smetabot.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;

class GetUpdatesRequestTests {

    @Test
    void asksForEveryTypeWeHandleIncludingChatMember() {
        GetUpdates request = new GetUpdatesRequest(50).apply(41);

        assertThat(request.getOffset()).isEqualTo(42);
        assertThat(request.getTimeout()).isEqualTo(50);
        assertThat(request.getAllowedUpdates()).containsExactly("message", "edited_message", "channel_post",
                "callback_query", "chat_join_request", "chat_member", "my_chat_member");
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
