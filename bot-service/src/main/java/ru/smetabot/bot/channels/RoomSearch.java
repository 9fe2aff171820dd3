package ru.smetabot.bot.channels;

import java.util.Locale;
import org.springframework.stereotype.Component;
import ru.smetabot.bot.callbacks.Callback.SearchRooms;
import ru.smetabot.bot.callbacks.CallbackContext;
import ru.smetabot.bot.callbacks.CallbackHandler;
import ru.smetabot.bot.conversation.Conversations;
import ru.smetabot.bot.conversation.Step;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.model.contractors.Contractor;

/** "🔍 Поиск по названию" in "📢 Мои каналы": asks for part of a title, answers with the matching rooms. */
@Component
public class RoomSearch implements CallbackHandler<SearchRooms> {

    static final int LIMIT = 12;
    static final int MAX_QUERY = 64;

    private final Conversations conversations;
    private final RoomStats stats;
    private final BotGateway gateway;
    private final Texts texts;

    RoomSearch(Conversations conversations, RoomStats stats, BotGateway gateway, Texts texts) {
        this.conversations = conversations;
        this.stats = stats;
        this.gateway = gateway;
        this.texts = texts;
    }

    @Override
    public Class<SearchRooms> type() {
        return SearchRooms.class;
    }

    @Override
    public void handle(CallbackContext ctx, SearchRooms callback) {
        ctx.answer(null);
        conversations.expect(ctx.userId(), new Step.AwaitingSearch());
        gateway.send(ctx.chatId(), Screen.text(texts.get(ctx.locale(), "channels.search_prompt")));
    }

    /** True when the user was asked for a search and this text was taken as it. */
    public boolean onText(long chatId, Contractor contractor, String text, Locale locale) {
        if (conversations.take(contractor.getTgUserId(), Step.AwaitingSearch.class).isEmpty()) {
            return false;
        }
        String query = text.strip();
        query = query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
        gateway.send(chatId, RoomListView.renderSearch(query, stats.search(contractor.getId(), query, LIMIT), LIMIT, texts, locale));
        return true;
    }
}
