package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.GetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/** The command menu: set at start-up in Russian and English (as the sandbox recorded it), and each command works. */
class CommandsJourneyTests extends BotThroughSandbox {

    private static final List<String> COMMANDS = List.of("start", "help", "account", "cancel");

    @Test
    void theMenuIsSetInRussianAndEnglish() throws Exception {
        TelegramClient telegram = new OkHttpTelegramClient(BotSandbox.TOKEN, TelegramUrl.builder().schema("http")
                .host("localhost").port(BotSandbox.server().port()).testServer(false).build());

        List<BotCommand> russian = telegram.execute(GetMyCommands.builder().languageCode("ru").build());
        List<BotCommand> english = telegram.execute(new GetMyCommands());

        assertThat(russian).extracting(BotCommand::getCommand).containsExactlyElementsOf(COMMANDS);
        assertThat(english).extracting(BotCommand::getCommand).containsExactlyElementsOf(COMMANDS);
        assertThat(russian.get(0).getDescription()).isEqualTo("Главное меню и с чего начать");
        assertThat(english.get(0).getDescription()).isEqualTo("Main menu and where to start");
        assertThat(telegram.execute(GetMyCommands.builder().languageCode("uk").build()))
                .as("Ukrainian users read the Russian texts").extracting(BotCommand::getDescription)
                .containsExactlyElementsOf(russian.stream().map(BotCommand::getDescription).toList());
    }

    @Test
    void eachCommandWorks() {
        long owner = newOwner("Команды", true);

        Message start = say(owner, "/start", "SmetaBot");
        assertThat(start.text()).contains("Здравствуйте, Команды");
        SandboxScreens.assertWithinTelegramLimits(say(owner, "/help", "Выберите экран"));
        say(owner, "/account", "Ваш Telegram-аккаунт подключён");

        press(owner, "🆕 Новый канал", "Напишите название канала");
        say(owner, "/cancel", "Отменено");
        say(owner, "Баня у озера", "Не понял");
        say(owner, "/cancel", "Нечего отменять");

        assertThat(jdbc.sql("SELECT count(*) FROM core.channels c JOIN core.contractors k ON k.id = c.contractor_id "
                + "WHERE k.tg_user_id = :o").param("o", owner).query(Long.class).single())
                .as("the cancelled title made no channel").isZero();
    }
}
