package ru.smetabot.bot.joinrequests;

import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.ChatJoinRequest;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import ru.smetabot.bot.telegram.UpdateHandler;
import ru.smetabot.bot.telegram.UpdateKind;

/** chat_join_request updates → {@link JoinRequestService}. */
@Component
class JoinRequestHandler implements UpdateHandler {

    private final JoinRequestService service;

    JoinRequestHandler(JoinRequestService service) {
        this.service = service;
    }

    @Override
    public UpdateKind kind() {
        return UpdateKind.CHAT_JOIN_REQUEST;
    }

    @Override
    public void handle(Update update) {
        ChatJoinRequest request = update.getChatJoinRequest();
        User user = request.getUser();
        String link = request.getInviteLink() == null ? null : request.getInviteLink().getInviteLink();
        service.handle(new JoinRequest(request.getChat().getId(), user.getId(), user.getFirstName(), user.getLastName(),
                user.getUserName(), link, JoinRequestService.at(request.getDate()), JoinRequest.Source.UPDATE));
    }
}
