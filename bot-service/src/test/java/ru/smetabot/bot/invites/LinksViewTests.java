package ru.smetabot.bot.invites;

import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.ArgumentMatchers.any;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ru.smetabot.userbotapi.JoinRequestsPage;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.model.events.EventLog;
import ru.smetabot.model.invites.InviteLinkRepository;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.WithinTelegramLimits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.CallbackCodec;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.model.invites.InviteLink;
import ru.smetabot.model.rooms.Room;

class LinksViewTests {

    final Texts texts = new Texts();
    final Room room = room();

    static Room room() {
        Room room = mock(Room.class);
        when(room.getId()).thenReturn(1L);
        when(room.getTitle()).thenReturn("Кухня <Иванов>");
        return room;
    }

    static InviteLink link(Integer limit, Instant expires) {
        InviteLink link = mock(InviteLink.class);
        when(link.getId()).thenReturn(9L);
        when(link.getName()).thenReturn("Петров");
        when(link.getLink()).thenReturn("https://t.me/+abc");
        when(link.getApprovalsLimit()).thenReturn(limit);
        when(link.getExpiresAt()).thenReturn(expires);
        return link;
    }

    @Test
    void listsLinksWithCountsStatusAndButtons() {
        InviteLink link = link(5, null);
        Screen screen = LinksView.list(room, new LinkPage(List.of(new LinkLine(link, LinkStatus.ACTIVE, 2)), false, 0, 1, 1, 0),
                texts, Texts.RUSSIAN,
                ZoneId.of("UTC"));

        assertThat(screen.text()).contains("Кухня &lt;Иванов&gt;").contains("Петров").contains("активна")
                .contains("Одобрено: 0 из 5").contains("Ожидают: 2").contains("бессрочно");
        assertThat(screen.inlineKeyboard().getKeyboard()).anySatisfy(row ->
                assertThat(row.get(0).getText()).isEqualTo("➕ Новая ссылка"));
    }

    @Test
    void theCardShowsTheLinkToCopyAndOffersRevokeOnlyWhileUsable() {
        InviteLink link = link(null, Instant.parse("2030-01-01T00:00:00Z"));
        Screen active = LinksView.card(room, new LinkLine(link, LinkStatus.ACTIVE, null), null, texts, Texts.RUSSIAN, ZoneId.of("UTC"));
        Screen revoked = LinksView.card(room, new LinkLine(link, LinkStatus.REVOKED, 0), null, texts, Texts.RUSSIAN, ZoneId.of("UTC"));

        assertThat(active.text()).contains("<code>https://t.me/+abc</code>").contains("Ожидают: ?").contains("01.01.2030");
        assertThat(active.inlineKeyboard().getKeyboard().get(0).get(0).getText()).isEqualTo("⛔ Отозвать");
        assertThat(revoked.inlineKeyboard().getKeyboard()).noneSatisfy(row ->
                assertThat(row.get(0).getText()).isEqualTo("⛔ Отозвать"));
    }

    @Test
    void optionsAcceptOnlyTheOfferedChoicesAndNamesUpTo32() {
        assertThat(new LinkOptions(" Петров ", 7, 5).name()).isEqualTo("Петров");
        assertThat(LinkOptions.validName("x".repeat(32))).isTrue();
        assertThat(LinkOptions.validName("x".repeat(33))).isFalse();
        assertThatThrownBy(() -> new LinkOptions("a", 3, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkOptions("a", 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linkAndMemberCallbacksRoundTripWithin64Bytes() {
        List<Callback> all = List.of(new Callback.LinkNew(123456789012345678L), new Callback.LinkExpiry(5, 7),
                new Callback.LinkLimit(5, 0, 10), new Callback.LinkOpen(5, 987654321098765432L),
                new Callback.LinkRevoke(123456789012345678L, 987654321098765432L, true), new Callback.LinkRevoke(5, 6, false),
                new Callback.LinksPage(123456789012345678L, 99999, true), new Callback.LinksPage(5, 0, false),
                new Callback.MembersPage(5, 3), new Callback.ClientBlock(123456789012345678L, 987654321098765432L, true, true),
                new Callback.ClientBlock(5, 6, false, false));
        for (Callback callback : all) {
            assertThat(CallbackCodec.decode(CallbackCodec.encode(callback))).contains(callback);
        }
        assertThat(CallbackCodec.decode("lk:5:rv?:6")).isEmpty();
        assertThat(CallbackCodec.decode("cl:5:0:b")).isEmpty();
    }

    /** 40 links ever made: 25 active, 5 expired, 10 revoked; newest first as the repository gives them. */
    static List<InviteLink> fortyLinks() {
        List<InviteLink> all = new java.util.ArrayList<>();
        for (int i = 40; i >= 1; i--) {
            InviteLink link = mock(InviteLink.class);
            when(link.getId()).thenReturn(987_654_321_098_765_000L + i);
            when(link.getName()).thenReturn(String.format("%02d", i) + " <&> " + "ж".repeat(25));
            when(link.getLink()).thenReturn("https://t.me/+" + "A".repeat(16) + i);
            when(link.getApprovalsLimit()).thenReturn(99_999);
            when(link.getApprovedCount()).thenReturn(99_999);
            when(link.getDeclinedCount()).thenReturn(99_999);
            when(link.getExpiresAt()).thenReturn(Instant.parse("2030-01-01T00:00:00Z"));
            when(link.isRevoked()).thenReturn(i % 4 == 0);
            when(link.isExpiredAt(any())).thenReturn(i % 4 != 0 && i <= 10);
            when(link.hasApprovalsLeft()).thenReturn(true);
            all.add(link);
        }
        return all;
    }

    @Test
    void fortyLinksArePagedActiveFirstWithRevokedBehindAToggleWithinTelegramsLimits() {
        InviteLinkRepository repository = mock(InviteLinkRepository.class);
        List<InviteLink> forty = fortyLinks();
        when(repository.findByRoomIdOrderByCreatedAtDesc(1L)).thenReturn(forty);
        UserbotApi userbot = mock(UserbotApi.class);
        when(userbot.joinRequests(any())).thenReturn(new JoinRequestsPage(List.of(), 99_999, null));
        when(room.getUserbotAccountId()).thenReturn(77L);
        InviteLinks links = new InviteLinks(mock(BotGateway.class), repository, mock(EventLog.class), userbot, new SimpleMeterRegistry());

        LinkPage first = links.page(room, false, 0);
        Screen screen = LinksView.list(room, first, texts, Texts.RUSSIAN, ZoneId.of("UTC"));

        WithinTelegramLimits.assertWithin(screen);
        assertThat(first.total()).isEqualTo(30);
        assertThat(first.pages()).isEqualTo(6);
        assertThat(first.lines()).hasSize(LinkPage.PER_PAGE).allSatisfy(l -> assertThat(l.status()).isEqualTo(LinkStatus.ACTIVE));
        assertThat(first.lines().get(0).link().getName()).startsWith("39 ");
        verify(userbot, times(LinkPage.PER_PAGE)).joinRequests(any()); // pending counts only for the page shown
        assertThat(screen.text()).contains("…и ещё 25: листайте страницы кнопками ниже.").contains("39 &lt;&amp;&gt;");
        assertThat(WithinTelegramLimits.labels(screen)).contains("1 / 6", "➡️", "➕ Новая ссылка", "🗂 Отозванные (10)", "⬅️ Назад");

        LinkPage last = links.page(room, false, 5);
        assertThat(last.lines()).extracting(LinkLine::status).containsOnly(LinkStatus.EXPIRED);
        assertThat(links.page(room, false, 99).page()).as("a stale page number shows the last page").isEqualTo(5);

        Screen revoked = LinksView.list(room, links.page(room, true, 1), texts, Texts.ENGLISH, ZoneId.of("UTC"));
        WithinTelegramLimits.assertWithin(revoked);
        assertThat(revoked.text()).startsWith("🗂 <b>Revoked links of").contains("revoked").contains("…and 5 more");
        assertThat(WithinTelegramLimits.labels(revoked)).contains("⬅️", "2 / 2", "⬅️ Back to active links")
                .doesNotContain("➕ New link");
        assertThat(CallbackCodec.decode(WithinTelegramLimits.buttons(revoked.inlineKeyboard()).stream()
                .filter(b -> b.getText().equals("⬅️")).findFirst().orElseThrow().getCallbackData()))
                .contains(new Callback.LinksPage(1L, 0, true));
    }
}
