package ru.smetabot.bot.acknowledgements;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import ru.smetabot.bot.acknowledgements.AckData.FileAck;
import ru.smetabot.bot.acknowledgements.AckData.FilePage;
import ru.smetabot.bot.acknowledgements.AckData.FilesPage;
import ru.smetabot.bot.acknowledgements.AckData.Person;
import ru.smetabot.bot.callbacks.Buttons;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.Pager;
import ru.smetabot.bot.i18n.Dates;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.bot.telegram.TelegramLimits;

/** The acknowledgement screens and messages, as pure functions of their data. */
public final class AckViews {

    /** File names are cut here on screens and buttons: Telegram sets no bound on them. */
    static final int MAX_FILE_NAME = 60;
    /** Names of clients are cut here: a page of them stays far within 4096 characters. */
    static final int MAX_NAME = 64;
    static final int FILES_PER_PAGE = 8;
    static final int PEOPLE_PER_PAGE = 15;

    private AckViews() {
    }

    /** The button under a published file. */
    public static InlineKeyboardMarkup postButton(Texts texts, Locale locale) {
        return Buttons.inline().row(Buttons.button(texts.get(locale, "ack.button"), new Callback.Acknowledge())).build();
    }

    /** The card's suffix of a file line: " · ✅ 2/3" for a file with the button, nothing otherwise. */
    public static String cardSuffix(FileAck file, long activeClients, Texts texts, Locale locale) {
        return file != null && file.asked() ? texts.get(locale, "ack.card_suffix", file.acknowledged(), activeClients) : "";
    }

    /** "✅ Ознакомления": the switch, then one button per file with the button. */
    static Screen files(FilesPage data, Texts texts, Locale locale) {
        StringBuilder text = new StringBuilder(texts.get(locale, "ack.files.title", Html.escape(data.title())))
                .append('\n').append(texts.get(locale, data.enabled() ? "ack.files.on" : "ack.files.off"))
                .append('\n').append(texts.get(locale, "ack.files.clients", data.activeClients())).append("\n\n");
        Buttons keyboard = Buttons.inline();
        if (data.files().isEmpty()) {
            text.append(texts.get(locale, "ack.files.none"));
        } else {
            text.append(texts.get(locale, "ack.files.header", data.page() + 1, data.pages()));
            for (FileAck file : data.files()) {
                keyboard.row(Buttons.button(texts.get(locale, "ack.files.button", name(file.fileName()), file.acknowledged(),
                        data.activeClients()), new Callback.AckFile(data.roomId(), file.publicationId(), 0)));
            }
        }
        keyboard.row(Pager.row(data.page(), data.pages(), page -> new Callback.AckFiles(data.roomId(), page), texts, locale));
        keyboard.row(Buttons.button(texts.get(locale, data.enabled() ? "ack.switch.off" : "ack.switch.on"),
                new Callback.AckSwitch(data.roomId(), !data.enabled())));
        keyboard.row(Buttons.button(texts.get(locale, "ack.back_to_card"), new Callback.OpenCard(data.roomId(), 0)));
        return new Screen(text.toString(), keyboard.build());
    }

    /** One file: who acknowledged and when, who has not; "🔔 Напомнить" while someone has not. */
    static Screen file(FilePage data, Texts texts, Locale locale, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        lines.add(texts.get(locale, "ack.file.title", Html.escape(name(data.fileName())), Html.escape(data.roomTitle())));
        lines.add(texts.get(locale, "ack.file.count", data.acknowledged(), data.activeClients()));
        if (data.remindedAt() != null) {
            lines.add(texts.get(locale, "ack.file.reminded", format(data.remindedAt(), zone)));
        }
        lines.add("");
        if (data.people().isEmpty()) {
            lines.add(texts.get(locale, "ack.file.no_clients"));
        } else {
            lines.add(texts.get(locale, "ack.file.header", data.page() + 1, data.pages()));
            for (Person person : data.people()) {
                lines.add(person.acknowledgedAt() == null ? texts.get(locale, "ack.file.pending", who(person, texts, locale))
                        : texts.get(locale, "ack.file.done", who(person, texts, locale), format(person.acknowledgedAt(), zone)));
            }
        }
        Buttons keyboard = Buttons.inline();
        long pending = data.activeClients() - data.acknowledged();
        if (pending > 0) {
            keyboard.row(Buttons.button(texts.get(locale, "ack.remind", pending),
                    new Callback.AckRemind(data.roomId(), data.publicationId())));
        }
        keyboard.row(Pager.row(data.page(), data.pages(),
                page -> new Callback.AckFile(data.roomId(), data.publicationId(), page), texts, locale));
        keyboard.row(Buttons.button(texts.get(locale, "ack.back_to_files"), new Callback.AckFiles(data.roomId(), 0)));
        return new Screen(TelegramLimits.fitLines(lines, TelegramLimits.MAX_TEXT,
                omitted -> texts.get(locale, "ack.more", omitted)), keyboard.build());
    }

    /** What the reminder did: how many got it, and who could not be reached (never started the bot, or blocked it). */
    static String remindResult(String fileName, int reminded, List<Person> unreachable, int failed, Texts texts, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(texts.get(locale, "ack.remind.done", Html.escape(name(fileName)), reminded));
        if (!unreachable.isEmpty()) {
            lines.add(texts.get(locale, "ack.remind.unreachable", unreachable.size()));
            unreachable.forEach(p -> lines.add("• " + who(p, texts, locale)));
        }
        if (failed > 0) {
            lines.add(texts.get(locale, "ack.remind.failed", failed));
        }
        return TelegramLimits.fitLines(lines, TelegramLimits.MAX_TEXT, omitted -> texts.get(locale, "ack.more", omitted));
    }

    /** The reminder a client gets, with a link to the post when the channel has one members can open. */
    static String reminder(String fileName, String roomTitle, String postLink, Texts texts, Locale locale) {
        String text = texts.get(locale, "ack.remind.client", Html.escape(name(fileName)), Html.escape(roomTitle));
        return postLink == null ? text : text + "\n" + texts.get(locale, "ack.remind.link", Html.escape(postLink));
    }

    /** The owner's notice: who acknowledged which file, and the count now. */
    static String notice(Person person, String fileName, String roomTitle, long acknowledged, long active, Texts texts,
            Locale locale) {
        return texts.get(locale, "ack.notice", who(person, texts, locale), Html.escape(name(fileName)),
                Html.escape(roomTitle), acknowledged, active);
    }

    /** "Иван Петров (@ivan)", or the numeric id when Telegram told us no name. */
    static String who(Person person, Texts texts, Locale locale) {
        String name = person.fullName() == null || person.fullName().isBlank()
                ? texts.get(locale, "ack.user_id", String.valueOf(person.tgUserId()))
                : Html.escape(TelegramLimits.cut(person.fullName(), MAX_NAME));
        return person.username() == null ? name : name + " (@" + Html.escape(person.username()) + ")";
    }

    static String name(String fileName) {
        return fileName == null ? "—" : TelegramLimits.cut(fileName, MAX_FILE_NAME);
    }

    private static String format(Instant instant, ZoneId zone) {
        return Dates.dateTime(instant, zone);
    }
}
