package ru.smetabot.sandbox.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.smetabot.sandbox.dialogs.DialogService;
import ru.smetabot.sandbox.state.CallbackQuery;
import ru.smetabot.sandbox.state.Dialog;
import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.state.SandboxState;
import ru.smetabot.sandbox.state.StoredFile;
import ru.smetabot.sandbox.updates.Json;
import ru.smetabot.sandbox.control.Views.DialogView;
import ru.smetabot.sandbox.control.Views.MessageView;

/** A user's private chats with bots: write, tap reply buttons, press inline buttons, send files, read. */
@RestController
@RequestMapping("/sandbox/api")
class DialogsController {

    private final SandboxState state;
    private final DialogService dialogs;
    private final MessageWaiter waiter;

    DialogsController(SandboxState state, DialogService dialogs, MessageWaiter waiter) {
        this.state = state;
        this.dialogs = dialogs;
        this.waiter = waiter;
    }

    record Text(String text) {
    }

    record Press(int messageId, String data) {
    }

    record Upload(String fileName, String mimeType, String contentBase64, String caption) {
    }

    @PostMapping("/users/{userId}/bots/{botId}/messages")
    MessageView send(@PathVariable long userId, @PathVariable long botId, @RequestBody Text body) {
        if (body.text() == null || body.text().isBlank()) {
            throw SandboxException.badRequest("message text is empty", null);
        }
        return state.locked(() -> Views.message(dialogs.userSends(userId, botId, body.text(), null), userId, false));
    }

    @PostMapping("/users/{userId}/bots/{botId}/reply-button")
    MessageView replyButton(@PathVariable long userId, @PathVariable long botId, @RequestBody Text body) {
        return state.locked(() -> Views.message(dialogs.userPressesReplyButton(userId, botId, body.text()),
                userId, false));
    }

    @PostMapping("/users/{userId}/bots/{botId}/callback")
    Map<String, Object> press(@PathVariable long userId, @PathVariable long botId, @RequestBody Press body) {
        CallbackQuery query = dialogs.userPressesInlineButton(userId, botId, body.messageId(), body.data());
        return Json.obj("callback_id", query.id());
    }

    /** The bot's answerCallbackQuery, once given: {"answered":true,"text":"...","show_alert":false}. */
    @GetMapping("/callbacks/{callbackId}")
    Map<String, Object> callback(@PathVariable String callbackId) {
        return state.locked(() -> state.callback(callbackId)
                .map(q -> Json.obj("callback_id", q.id(), "answered", q.answered(), "text", q.answerText(),
                        "show_alert", q.showAlert()))
                .orElseThrow(() -> SandboxException.badRequest("no such callback query", null)));
    }

    /**
     * Waits (up to {@code timeout_ms}, default 10 s) until the message the button was on has been edited
     * since the press; answers the press, answer and edit times (wall-clock milliseconds) and the message.
     * 408 when no edit came in time. For timing a screen from the tap to its new content.
     */
    @GetMapping("/callbacks/{callbackId}/edit")
    ResponseEntity<?> awaitEdit(@PathVariable String callbackId,
                                @RequestParam(name = "timeout_ms", defaultValue = "10000") long timeoutMs) {
        CallbackQuery query = state.locked(() -> state.callback(callbackId))
                .orElseThrow(() -> SandboxException.badRequest("no such callback query", null));
        return waiter.awaitEdit(query, timeoutMs)
                .<ResponseEntity<?>>map(m -> ResponseEntity.ok(state.locked(() -> Json.obj("callback_id", query.id(),
                        "answered", query.answered(), "text", query.answerText(), "show_alert", query.showAlert(),
                        "pressed_at_ms", query.pressedAtMs(), "answered_at_ms", query.answeredAtMs(),
                        "edited_at_ms", m.editedAtMs(), "message", Views.message(m, query.userId(), false)))))
                .orElseGet(() -> ResponseEntity.status(408).body(state.locked(() -> Json.obj("error",
                        "the message was not edited in time", "answered", query.answered(), "text", query.answerText()))));
    }

    @PostMapping("/users/{userId}/bots/{botId}/documents")
    MessageView document(@PathVariable long userId, @PathVariable long botId, @RequestBody Upload body) {
        if (body.fileName() == null || body.contentBase64() == null) {
            throw SandboxException.badRequest("file_name and content_base64 are required", null);
        }
        byte[] content = Base64.getDecoder().decode(body.contentBase64());
        String mime = body.mimeType() == null ? "application/octet-stream" : body.mimeType();
        return state.locked(() -> {
            StoredFile file = state.storeFile(body.fileName(), mime, content);
            return Views.message(dialogs.userSends(userId, botId, body.caption(), file), userId, false);
        });
    }

    @GetMapping("/users/{userId}/bots/{botId}")
    DialogView dialog(@PathVariable long userId, @PathVariable long botId) {
        return state.locked(() -> {
            Dialog dialog = dialogs.requireDialog(botId, userId);
            List<MessageView> messages = dialog.messages().values().stream()
                    .map(m -> Views.message(m, userId, false)).toList();
            Map<String, Object> keyboard = dialog.replyKeyboard();
            return new DialogView(Views.account(state.requireAccount(botId)), userId, messages,
                    keyboard == null ? null : keyboard.get("keyboard"));
        });
    }

    /**
     * Waits (up to {@code timeout_ms}, default 10 s) for a message from the bot with id above
     * {@code after_message_id} whose text contains {@code text_contains}; 408 when none arrives.
     */
    @GetMapping("/users/{userId}/bots/{botId}/wait")
    ResponseEntity<?> await(@PathVariable long userId, @PathVariable long botId,
                            @RequestParam(name = "text_contains", defaultValue = "") String textContains,
                            @RequestParam(name = "after_message_id", defaultValue = "0") int afterMessageId,
                            @RequestParam(name = "edited", defaultValue = "false") boolean edited,
                            @RequestParam(name = "timeout_ms", defaultValue = "10000") long timeoutMs) {
        return waiter.await(userId, botId, textContains, afterMessageId, edited, timeoutMs)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(408).body(Json.obj("error", "no matching message")));
    }

    @GetMapping("/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable String fileId) {
        return state.locked(() -> state.file(fileId))
                .map(f -> ResponseEntity.ok().header("Content-Type", f.mimeType())
                        .header("Content-Disposition", disposition(f).toString())
                        .body(f.content()))
                .orElse(ResponseEntity.notFound().build());
    }

    /** Images open in the page (photos are shown inline); anything else downloads under its name, in UTF-8. */
    private static ContentDisposition disposition(StoredFile f) {
        ContentDisposition.Builder builder = f.mimeType() != null && f.mimeType().startsWith("image/")
                ? ContentDisposition.inline() : ContentDisposition.attachment();
        return builder.filename(f.fileName(), StandardCharsets.UTF_8).build();
    }
}
