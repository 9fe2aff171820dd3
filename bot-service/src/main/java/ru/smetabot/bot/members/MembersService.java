package ru.smetabot.bot.members;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatAdministrators;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMemberCount;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import ru.smetabot.bot.members.MembersData.Admin;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.userbotapi.ChatAdmin;
import ru.smetabot.userbotapi.ChatRequest;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotException;

/** Gathers "👥 Участники": admins from the Bot API and the userbot, counts, and a page of our clients. */
@Service
class MembersService {

    static final int PAGE_SIZE = 8;
    private static final Logger log = LoggerFactory.getLogger(MembersService.class);

    private final BotGateway gateway;
    private final UserbotApi userbot;
    private final MemberRows rows;

    MembersService(BotGateway gateway, UserbotApi userbot, MemberRows rows) {
        this.gateway = gateway;
        this.userbot = userbot;
        this.rows = rows;
    }

    MembersData load(Room room, int page, String notice) {
        MemberRows.Page found = rows.page(room.getId(), page, PAGE_SIZE);
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return new MembersData(room.getId(), room.getTitle(), admins(room), memberCount(room), found.active(),
                found.total(), found.lines(), Math.max(page, 0), pages, notice);
    }

    /** The Bot API's list, completed by the userbot's (it also sees admins a bot is not shown); null if both fail. */
    private List<Admin> admins(Room room) {
        Map<Long, Admin> admins = new LinkedHashMap<>();
        boolean known = false;
        try {
            List<ChatMember> members = gateway.execute(GetChatAdministrators.builder().chatId(room.getTgChatId()).build());
            members.forEach(m -> admins.put(m.getUser().getId(), admin(m.getUser(), "creator".equals(m.getStatus()))));
            known = true;
        } catch (BotApiException e) {
            log.info("Room {}: getChatAdministrators failed: {}", room.getId(), e.getMessage());
        }
        if (room.getUserbotAccountId() != null) {
            try {
                for (ChatAdmin a : userbot.getAdmins(new ChatRequest(room.getUserbotAccountId(), room.getTgChatId())).admins()) {
                    admins.putIfAbsent(a.userId(), new Admin(a.userId(), join(a.firstName(), a.lastName()), a.username(),
                            a.isOwner(), a.isBot()));
                }
                known = true;
            } catch (UserbotException e) {
                log.info("Room {}: userbot admins unavailable: {}", room.getId(), e.getMessage());
            }
        }
        if (!known) {
            return null;
        }
        List<Admin> sorted = new ArrayList<>(admins.values());
        sorted.sort(java.util.Comparator.comparing((Admin a) -> !a.owner()).thenComparing(Admin::bot));
        return sorted;
    }

    private Integer memberCount(Room room) {
        try {
            return gateway.execute(GetChatMemberCount.builder().chatId(room.getTgChatId()).build());
        } catch (BotApiException e) {
            if (room.getUserbotAccountId() == null) {
                return null;
            }
            try {
                return userbot.memberCount(new ChatRequest(room.getUserbotAccountId(), room.getTgChatId())).count();
            } catch (UserbotException again) {
                return null;
            }
        }
    }

    private static Admin admin(User user, boolean owner) {
        return new Admin(user.getId(), join(user.getFirstName(), user.getLastName()), user.getUserName(), owner,
                Boolean.TRUE.equals(user.getIsBot()));
    }

    private static String join(String first, String last) {
        return last == null || last.isBlank() ? first : first + " " + last;
    }
}
