package ru.smetabot.bot.menu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;

class MainMenuTests {

    private final Texts texts = new Texts();

    @Test
    void theRussianMenuHasTheSixButtons() {
        Screen screen = MainMenu.welcome("Иван", texts, Texts.RUSSIAN);

        assertThat(screen.text()).startsWith("👋 Здравствуйте, Иван!");
        assertThat(labels(screen)).containsExactly("🆕 Новый канал", "📢 Мои каналы", "📤 Опубликовать файл", "🔗 Ссылки", "❓ Помощь", "⚙️ Настройки");
    }

    @Test
    void englishUsersGetEnglishAndBothLanguagesArePressable() {
        Screen screen = MainMenu.welcome(null, texts, Texts.localeOf("en-GB"));

        assertThat(screen.text()).startsWith("👋 Hello!");
        assertThat(labels(screen)).containsExactly("🆕 New channel", "📢 My channels", "📤 Publish a file", "🔗 Links", "❓ Help", "⚙️ Settings");
        assertThat(MenuAction.of("📢 My channels", texts)).contains(MenuAction.MY_CHANNELS);
        assertThat(MenuAction.of("📢 Мои каналы ", texts)).contains(MenuAction.MY_CHANNELS);
        assertThat(MenuAction.of("Мои каналы", texts)).isEmpty();
    }

    @Test
    void russianForRuUkBeKkAndEnglishForEveryOtherLanguage() {
        assertThat(List.of("ru", "uk", "be", "kk", "ru-RU", "UK")).allSatisfy(code ->
                assertThat(Texts.localeOf(code)).as(code).isEqualTo(Texts.RUSSIAN));
        assertThat(List.of("en", "de", "uz", "es-419", "pt-br")).allSatisfy(code ->
                assertThat(Texts.localeOf(code)).as(code).isEqualTo(Texts.ENGLISH));
        assertThat(Texts.localeOf((String) null)).as("Telegram told nothing").isEqualTo(Texts.RUSSIAN);
        assertThat(texts.get(Texts.localeOf("de"), "menu.help")).isEqualTo("❓ Help");
        assertThat(texts.get(Texts.localeOf("kk"), "menu.help")).isEqualTo("❓ Помощь");
    }

    private static List<String> labels(Screen screen) {
        return ((ReplyKeyboardMarkup) screen.keyboard()).getKeyboard().stream().flatMap(List::stream)
                .map(KeyboardButton::getText).toList();
    }
}
