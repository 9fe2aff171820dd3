package ru.smetabot.model.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TelegramTextTests {

    @Test
    void controlCharactersAndUnpairedSurrogatesGoTheRestStays() {
        assertThat(TelegramText.clean("Ив\u0000ан\u0007 \u009b\uD800Петров\uDFFF")).isEqualTo("Иван Петров");
        assertThat(TelegramText.clean("строка 1\nстрока\t2\r")).isEqualTo("строка 1\nстрока\t2\r");
        assertThat(TelegramText.clean("👁‍🗨 \u202E<b>")).isEqualTo("👁‍🗨 \u202E<b>");
        assertThat(TelegramText.clean(null)).isNull();
        assertThat(TelegramText.isClean("plan.pdf")).isTrue();
        assertThat(TelegramText.isClean("plan\u0000.pdf")).isFalse();
    }
}
