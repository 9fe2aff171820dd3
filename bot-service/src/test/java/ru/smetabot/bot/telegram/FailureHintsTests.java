package ru.smetabot.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.userbotapi.UserbotProblems;
import ru.smetabot.userbotapi.UserbotRejectedException;

class FailureHintsTests {

    private final Texts texts = new Texts();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FailureHints hints = new FailureHints(texts, meters);

    @Test
    void aMissingRightNamesTheRightToGiveInTheOwnersLanguage() {
        BotApiException e = new BotApiException("createChatInviteLink", 400, "Bad Request: not enough rights to manage chat invite link", null);

        assertThat(hints.hint(Texts.RUSSIAN, e, FailureHints.Right.INVITE_USERS))
                .isEqualTo("Боту не хватает прав: сделайте его администратором канала с правом «Добавление участников» и попробуйте ещё раз.");
        assertThat(hints.hint(Texts.ENGLISH, e, FailureHints.Right.RESTRICT_MEMBERS)).contains("«Ban users»")
                .doesNotContain("not enough rights");
        assertThat(meters.counter("smetabot.bot.failure.hints", "reason", "no_admin_right").count()).isEqualTo(2);
    }

    @Test
    void commonCausesGetAHintWithTheNextStepAndNeverTelegramsText() {
        assertThat(hints.hint(Texts.RUSSIAN, error(400, "Bad Request: chat not found"), FailureHints.Right.POST_MESSAGES))
                .contains("не находит канал").contains("Мои каналы");
        assertThat(hints.hint(Texts.RUSSIAN, error(403, "Forbidden: bot was kicked from the channel chat"),
                FailureHints.Right.POST_MESSAGES)).contains("удалили из канала");
        assertThat(hints.hint(Texts.ENGLISH, error(400, "Bad Request: INVITE_HASH_EXPIRED"), FailureHints.Right.INVITE_USERS))
                .contains("Create a new one");
        assertThat(hints.hint(Texts.ENGLISH, error(0, "no answer within 15 s"), FailureHints.Right.INVITE_USERS))
                .contains("did not answer in time");
    }

    @Test
    void anUnknownErrorGetsAGenericHintWithAShortCodeAndTheRawTextOnlyInTheLog() {
        String raw = "Bad Request: <b>SOMETHING_NEW</b> & odd";
        String hint = hints.hint(Texts.RUSSIAN, error(400, raw), FailureHints.Right.INVITE_USERS);

        String code = FailureHints.code("TG", 400, raw);
        assertThat(code).matches("TG-400-[0-9A-F]{4}");
        assertThat(hint).contains("(код " + code + ")").doesNotContain("SOMETHING_NEW").doesNotContain("<").doesNotContain("&");
        assertThat(FailureHints.code("TG", 400, "other text")).isNotEqualTo(code);
    }

    @Test
    void userbotRefusalsMapToo() {
        assertThat(hints.hint(Texts.RUSSIAN, new UserbotRejectedException(403, UserbotProblems.NO_ACCESS, "CHAT_ADMIN_REQUIRED")))
                .contains("не администратор");
        assertThat(hints.hint(Texts.ENGLISH, new UserbotRejectedException(400, URI.create("about:blank"), "CHANNELS_TOO_MUCH <x>")))
                .startsWith("Telegram refused (code UB-400-").doesNotContain("CHANNELS_TOO_MUCH");
    }

    @Test
    void everyHintFitsACallbackAnswerWithItsPrefixAndHasNoHtml() {
        List<BotApiException> errors = List.of(error(400, "Bad Request: CHAT_ADMIN_REQUIRED"), error(400, "Bad Request: chat not found"),
                error(403, "Forbidden: bot was kicked from the channel chat"), error(400, "Bad Request: INVITE_HASH_EXPIRED"),
                error(429, "Too Many Requests: retry after 99999"), error(0, "timeout"), error(400, "Bad Request: whatever"));
        for (Locale locale : List.of(Texts.RUSSIAN, Texts.ENGLISH)) {
            for (BotApiException e : errors) {
                for (FailureHints.Right right : FailureHints.Right.values()) {
                    String hint = hints.hint(locale, e, right);
                    assertThat(hint).doesNotContain("<", ">", "&");
                    for (String prefix : List.of("links.revoke_failed", "members.block_failed", "links.create_failed",
                            "publish.failed", "rooms.create_failed")) {
                        assertThat(texts.get(locale, prefix, hint).length()).as(prefix + ": " + hint).isLessThanOrEqualTo(200);
                    }
                }
            }
        }
    }

    private static BotApiException error(int code, String description) {
        return new BotApiException("m", code, description, null);
    }
}
