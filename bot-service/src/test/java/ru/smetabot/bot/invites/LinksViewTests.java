package ru.smetabot.bot.invites;

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
        Screen screen = LinksView.list(room, List.of(new LinkLine(link, LinkStatus.ACTIVE, 2)), texts, Texts.RUSSIAN,
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
                new Callback.MembersPage(5, 3), new Callback.ClientBlock(123456789012345678L, 987654321098765432L, true, true),
                new Callback.ClientBlock(5, 6, false, false));
        for (Callback callback : all) {
            assertThat(CallbackCodec.decode(CallbackCodec.encode(callback))).contains(callback);
        }
        assertThat(CallbackCodec.decode("lk:5:rv?:6")).isEmpty();
        assertThat(CallbackCodec.decode("cl:5:0:b")).isEmpty();
    }
}
