package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.smetabot.sandbox.client.SandboxTypes.Message;

/** "❓ Помощь" through the menu: the overview, one screen's lines, and back, all in the same message. */
class HelpJourneyTests extends BotThroughSandbox {

    @Test
    void helpExplainsAScreenAndComesBack() {
        long owner = newOwner("Ольга", false);

        Message help = press(owner, "❓ Помощь", "Выберите экран");
        SandboxScreens.assertWithinTelegramLimits(help);
        pressInline(owner, help, "👥 Участники");
        Message members = sandbox.awaitEditedBotMessage(owner, BOT, "Администраторы канала и клиенты", WAIT);
        assertThat(members.messageId()).isEqualTo(help.messageId());
        SandboxScreens.assertWithinTelegramLimits(members);

        pressInline(owner, members, "⬅️ К помощи");
        Message back = sandbox.awaitEditedBotMessage(owner, BOT, "Выберите экран", WAIT);
        pressInline(owner, back, "📌 Карточка канала");
        assertThat(sandbox.awaitEditedBotMessage(owner, BOT, "сами по расписанию", WAIT).messageId())
                .isEqualTo(help.messageId());
    }
}
