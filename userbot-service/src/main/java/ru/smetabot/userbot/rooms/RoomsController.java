package ru.smetabot.userbot.rooms;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.smetabot.userbotapi.AddBotAdminRequest;
import ru.smetabot.userbotapi.AdminsResponse;
import ru.smetabot.userbotapi.BotAdminAdded;
import ru.smetabot.userbotapi.ChatRequest;
import ru.smetabot.userbotapi.CreateRoomRequest;
import ru.smetabot.userbotapi.CreatedRoom;
import ru.smetabot.userbotapi.GetViewsRequest;
import ru.smetabot.userbotapi.JoinRequestDecision;
import ru.smetabot.userbotapi.JoinRequestsPage;
import ru.smetabot.userbotapi.MembersPage;
import ru.smetabot.userbotapi.MembersRequest;
import ru.smetabot.userbotapi.JoinRequestsRequest;
import ru.smetabot.userbotapi.MemberCount;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.ViewsResponse;

/** /rooms/*, as declared by {@link UserbotApi}. */
@RestController
class RoomsController {

    private final RoomsService rooms;

    RoomsController(RoomsService rooms) {
        this.rooms = rooms;
    }

    @PostMapping(UserbotApi.GET_VIEWS)
    ViewsResponse views(@Valid @RequestBody GetViewsRequest request) {
        return rooms.views(request.account(), request.chatId(), request.messageIds(), request.acceptsPartial());
    }

    @PostMapping(UserbotApi.CREATE_ROOM)
    CreatedRoom create(@Valid @RequestBody CreateRoomRequest request) {
        return rooms.create(request.account(), request.title(), request.about());
    }

    @PostMapping(UserbotApi.ADD_BOT_ADMIN)
    BotAdminAdded addBotAdmin(@Valid @RequestBody AddBotAdminRequest request) {
        return rooms.addBotAdmin(request);
    }

    @PostMapping(UserbotApi.GET_ADMINS)
    AdminsResponse admins(@Valid @RequestBody ChatRequest request) {
        return rooms.admins(request.account(), request.chatId());
    }

    @PostMapping(UserbotApi.MEMBER_COUNT)
    MemberCount memberCount(@Valid @RequestBody ChatRequest request) {
        return rooms.memberCount(request.account(), request.chatId());
    }

    @PostMapping(UserbotApi.MEMBERS)
    MembersPage members(@Valid @RequestBody MembersRequest request) {
        return rooms.members(request);
    }

    @PostMapping(UserbotApi.JOIN_REQUESTS)
    JoinRequestsPage joinRequests(@Valid @RequestBody JoinRequestsRequest request) {
        return rooms.joinRequests(request);
    }

    @PostMapping(UserbotApi.DECIDE_JOIN_REQUEST)
    JoinRequestDecision decide(@Valid @RequestBody JoinRequestDecision request) {
        return rooms.decide(request);
    }
}
