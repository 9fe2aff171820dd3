package ru.smetabot.bot.publishing;

import ru.smetabot.bot.telegram.WithinTelegramLimits;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;

class PublishViewsTests {

    private final Texts texts = new Texts();

    @Test
    void theChooserOffersEachRoom() {
        Screen screen = PublishViews.chooser("смета <1>.pdf", List.of(new PublishViews.Choice(4, "Кухня"),
                new PublishViews.Choice(3, "Баня")), 0, texts, Texts.RUSSIAN);

        assertThat(screen.text()).isEqualTo("В какой канал опубликовать «смета &lt;1&gt;.pdf»?");
        assertThat(screen.inlineKeyboard().getKeyboard()).extracting(row -> row.get(0).getCallbackData())
                .containsExactly("pub:4", "pub:3");
        assertThat(PublishViews.chooser(null, List.of(), 0, texts, Texts.ENGLISH).text()).isEqualTo("Which channel should «—» go to?");
    }

    @Test
    void theResultLinksToTheCard() {
        Screen ru = PublishViews.done("plan.dwg", 9, "Баня", texts, Texts.RUSSIAN);
        Screen en = PublishViews.done("plan.dwg", 9, "Bath", texts, Texts.ENGLISH);

        assertThat(ru.text()).isEqualTo("✅ Файл «plan.dwg» опубликован в «Баня».");
        assertThat(en.text()).isEqualTo("✅ File «plan.dwg» is published to «Bath».");
        assertThat(en.inlineKeyboard().getKeyboard().get(0).get(0).getText()).isEqualTo("📌 Open channel");
        assertThat(ru.inlineKeyboard().getKeyboard().get(0).get(0).getCallbackData()).isEqualTo("ch:9:card:0");
    }

    @Test
    void theChooserOfAnOwnerWithManyRoomsSaysHowManyMoreAndWhereTheyAre() {
        List<PublishViews.Choice> ten = java.util.stream.LongStream.rangeClosed(1, PublishFlow.ROOMS_TO_CHOOSE)
                .mapToObj(i -> new PublishViews.Choice(i, "Объект " + "д".repeat(120) + i)).toList();

        Screen screen = PublishViews.chooser("x".repeat(250) + ".pdf", ten, 35, texts, Texts.RUSSIAN);

        WithinTelegramLimits.assertWithin(screen);
        assertThat(screen.text()).endsWith("…и ещё 35. Другой канал: откройте его в «📢 Мои каналы» и нажмите «📤 Опубликовать файл».");
        assertThat(screen.inlineKeyboard().getKeyboard()).hasSize(10);
    }

    @Test
    void aFileNameOfTenThousandCharactersIsCutSoTheChooserStaysWithinTelegramsLimit() {
        Screen screen = PublishViews.chooser("с".repeat(10_000) + ".pdf", List.of(new PublishViews.Choice(4, "Кухня")), 0, texts,
                Texts.RUSSIAN);

        WithinTelegramLimits.assertWithin(screen);
        assertThat(screen.text()).contains("с".repeat(PublishViews.MAX_FILE_NAME - 1) + "…").doesNotContain(".pdf");
    }
}
