package ru.smetabot.bot.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.User;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.notifications.NoticeKind;
import ru.smetabot.bot.telegram.TelegramLimits;
import ru.smetabot.bot.telegram.WithinTelegramLimits;

class MemberNoticesTests {

    private final Texts texts = new Texts();
    private final User olga = User.builder().id(42L).firstName("Ольга").lastName("<Смирнова>").userName("olga").isBot(false).build();

    @Test
    void eachMemberNoticeNamesWhoAndTheRoomEscaped() {
        assertThat(MemberNotices.render("Кухня & баня", olga, NoticeKind.CLIENT_LEFT, null, texts, Texts.RUSSIAN))
                .isEqualTo("🚪 Ольга &lt;Смирнова&gt; (@olga) вышел(а) из «Кухня &amp; баня».");
        assertThat(MemberNotices.render("Кухня", olga, NoticeKind.CLIENT_REMOVED, null, texts, Texts.RUSSIAN))
                .isEqualTo("⛔ Ольга &lt;Смирнова&gt; (@olga) удалён(а) из «Кухня» администратором.");
        assertThat(MemberNotices.render("Кухня", olga, NoticeKind.JOINED_WITHOUT_REQUEST, "Семья", texts, Texts.RUSSIAN))
                .isEqualTo("➕ Ольга &lt;Смирнова&gt; (@olga) вступил(а) в «Кухня» по ссылке «Семья» без заявки.");
        assertThat(MemberNotices.render("Kitchen", olga, NoticeKind.CLIENT_LEFT, null, texts, Texts.ENGLISH))
                .isEqualTo("🚪 Ольга &lt;Смирнова&gt; (@olga) left «Kitchen».");
    }

    @Test
    void aNoticeAboutALongNameInALongRoomStaysWithinOneMessage() {
        User longName = User.builder().id(43L).firstName("Я".repeat(64)).lastName("Б".repeat(64)).isBot(false).build();
        String text = MemberNotices.render("К".repeat(255), longName, NoticeKind.JOINED_WITHOUT_REQUEST, "Л".repeat(32), texts,
                Texts.RUSSIAN);
        WithinTelegramLimits.assertText(text, TelegramLimits.MAX_TEXT);
    }
}
