package ru.smetabot.sandbox.botapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.commands.GetMyCommands;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import ru.smetabot.sandbox.TestSandbox;

/** setMyCommands / getMyCommands per language_code, and Telegram's limits on commands. */
class BotCommandsTests {

    private final TelegramClient telegram = TestSandbox.telegram();

    @BeforeEach
    void setUp() {
        TestSandbox.fresh();
    }

    @Test
    void listsAreKeptPerLanguage() throws Exception {
        telegram.execute(SetMyCommands.builder().command(new BotCommand("start", "Главное меню")).languageCode("ru").build());
        telegram.execute(SetMyCommands.builder().command(new BotCommand("start", "Main menu"))
                .command(new BotCommand("help", "Help")).build());

        assertThat(telegram.execute(GetMyCommands.builder().languageCode("ru").build()))
                .extracting(BotCommand::getDescription).containsExactly("Главное меню");
        assertThat(telegram.execute(new GetMyCommands())).extracting(BotCommand::getCommand).containsExactly("start", "help");
        assertThat(telegram.execute(GetMyCommands.builder().languageCode("de").build())).isEmpty();
    }

    @Test
    void telegramsLimitsAreEnforced() throws Exception {
        assertRefused(SetMyCommands.builder().command(new BotCommand("Start", "upper case")).build(), "BOT_COMMAND_INVALID");
        assertRefused(SetMyCommands.builder().command(new BotCommand("x".repeat(33), "long")).build(), "BOT_COMMAND_INVALID");
        assertRefused(SetMyCommands.builder().command(new BotCommand("start", "d".repeat(257))).build(),
                "BOT_COMMAND_DESCRIPTION_INVALID");
        // TelegramBots refuses over 100 commands itself, so this one goes as raw JSON.
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("{\"command\":\"c" + i + "\",\"description\":\"command " + i + "\"}");
        }
        HttpResponse<String> tooMany = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(TestSandbox.server().baseUrl() + "/bot" + TestSandbox.TOKEN + "/setMyCommands"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"commands\":[" + String.join(",", many) + "]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("too many commands");
        assertRefused(SetMyCommands.builder().command(new BotCommand("start", "s")).languageCode("rus").build(),
                "LANG_CODE_INVALID");
    }

    private void assertRefused(SetMyCommands request, String error) {
        assertThatThrownBy(() -> telegram.execute(request)).isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(400);
            assertThat(e.getApiResponse()).contains(error);
        });
    }
}
