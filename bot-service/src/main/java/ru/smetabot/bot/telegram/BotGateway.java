package ru.smetabot.bot.telegram;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import ru.smetabot.bot.BotProperties;

/**
 * The one way out to the Bot API. Every call is asynchronous with a deadline (a malformed reply
 * must not hang a handler), 429 is retried after Telegram's retry_after, and an edit that changes
 * nothing ("message is not modified") counts as done. Texts, captions, callback answers and inline
 * keyboards pass the {@link ScreenGuard}: over Telegram's limits they are cut, counted and logged.
 */
@Component
public class BotGateway {

    private static final Logger log = LoggerFactory.getLogger(BotGateway.class);
    private static final int MAX_ATTEMPTS = 3;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private final TelegramClient client;
    private final BotMetrics metrics;
    private final Duration timeout;
    private final ScreenGuard guard;

    public BotGateway(TelegramClient client, BotMetrics metrics, BotProperties properties, ScreenGuard guard) {
        this.client = client;
        this.metrics = metrics;
        this.timeout = properties.callTimeout();
        this.guard = guard;
    }

    public Message send(long chatId, Screen screen) {
        SendMessage request = SendMessage.builder().chatId(chatId).text(text("sendMessage", screen.text())).parseMode("HTML")
                .replyMarkup(screen.keyboard() instanceof InlineKeyboardMarkup inline ? guard.keyboard("sendMessage", inline)
                        : screen.keyboard()).build();
        return call("sendMessage", () -> client.executeAsync(request));
    }

    /** Replaces the text and inline keyboard of a message the bot sent. */
    public void edit(long chatId, int messageId, Screen screen) {
        EditMessageText request = EditMessageText.builder().chatId(chatId).messageId(messageId)
                .text(text("editMessageText", screen.text())).parseMode("HTML")
                .replyMarkup(guard.keyboard("editMessageText", screen.inlineKeyboard())).build();
        try {
            call("editMessageText", () -> client.executeAsync(request));
        } catch (BotApiException e) {
            if (e.isNotModified()) {
                return;
            }
            throw e;
        }
    }

    /** Answers a callback query (text cut to Telegram's 200 characters); never throws (an unanswered spinner is the worst case). */
    public void answer(String callbackQueryId, String text, boolean alert) {
        AnswerCallbackQuery request = AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId)
                .text(guard.answer(text)).showAlert(alert).build();
        try {
            call("answerCallbackQuery", () -> client.executeAsync(request));
        } catch (BotApiException e) {
            log.warn("Could not answer callback {}: {}", callbackQueryId, e.getMessage());
        }
    }

    /** Posts a file already on Telegram's side (by file_id), protected from forwarding and saving. */
    public Message sendProtectedDocument(long chatId, String fileId) {
        return sendProtectedDocument(chatId, fileId, null);
    }

    /** As above, with inline buttons under the post (null: none). */
    public Message sendProtectedDocument(long chatId, String fileId, InlineKeyboardMarkup keyboard) {
        SendDocument request = SendDocument.builder().chatId(chatId).document(new InputFile(fileId))
                .protectContent(true).replyMarkup(keyboard == null ? null : guard.keyboard("sendDocument", keyboard)).build();
        return call("sendDocument", () -> client.executeAsync(request));
    }

    /** Uploads a picture (PNG or JPEG bytes) with an HTML caption and inline buttons. */
    public Message sendPhoto(long chatId, byte[] image, String fileName, String caption, InlineKeyboardMarkup keyboard) {
        // A fresh stream per attempt: a retried upload after a 429 must send the whole picture again.
        return call("sendPhoto", () -> client.executeAsync(SendPhoto.builder().chatId(chatId)
                .photo(new InputFile(new ByteArrayInputStream(image), fileName)).caption(caption("sendPhoto", caption)).parseMode("HTML")
                .replyMarkup(guard.keyboard("sendPhoto", keyboard)).build()));
    }

    /** Uploads a file from disk as a document named {@code fileName}, with an HTML caption. */
    public Message sendDocument(long chatId, Path file, String fileName, String caption) {
        return call("sendDocument", () -> client.executeAsync(SendDocument.builder().chatId(chatId)
                .document(new InputFile(file.toFile(), fileName)).caption(caption("sendDocument", caption)).parseMode("HTML").build()));
    }

    /** Replaces only the inline keyboard of a message (text, photo or document) the bot sent. */
    public void editKeyboard(long chatId, int messageId, InlineKeyboardMarkup keyboard) {
        EditMessageReplyMarkup request = EditMessageReplyMarkup.builder().chatId(chatId).messageId(messageId)
                .replyMarkup(guard.keyboard("editMessageReplyMarkup", keyboard)).build();
        try {
            call("editMessageReplyMarkup", () -> client.executeAsync(request));
        } catch (BotApiException e) {
            if (e.isNotModified()) {
                return;
            }
            throw e;
        }
    }

    /** Any other Bot API method (invite links, join requests, members), with the same deadline and 429 handling. */
    public <T extends Serializable> T execute(BotApiMethod<T> method) {
        return call(method.getMethod(), () -> client.executeAsync(method));
    }

    private <T extends Serializable> T call(String method, AsyncCall<T> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return request.start().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BotApiException(method, 0, "interrupted", e);
            } catch (TimeoutException e) {
                metrics.apiError(method, "timeout");
                throw new BotApiException(method, 0, "no answer within " + timeout.toSeconds() + " s", e);
            } catch (ExecutionException | TelegramApiException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                if (cause instanceof TelegramApiRequestException rejected && rejected.getErrorCode() != null) {
                    int code = rejected.getErrorCode();
                    metrics.apiError(method, Integer.toString(code));
                    BotApiException failure = new BotApiException(method, code, rejected.getApiResponse(), rejected);
                    // Telegram's retry_after, read in one place; a 429 without one waits a second.
                    Duration retryAfter = failure.retryAfter().isZero() ? Duration.ofSeconds(1) : failure.retryAfter();
                    if (failure.isFloodWait() && attempt < MAX_ATTEMPTS && retryAfter.compareTo(MAX_RETRY_AFTER) <= 0) {
                        log.info("Bot API asked to wait {} s before {} (attempt {})", retryAfter.toSeconds(), method, attempt);
                        sleep(retryAfter);
                        continue;
                    }
                    throw failure;
                }
                metrics.apiError(method, "io");
                throw new BotApiException(method, 0, String.valueOf(cause), cause);
            }
        }
    }

    private String text(String method, String html) {
        return guard.html(method, "text", html, TelegramLimits.MAX_TEXT);
    }

    private String caption(String method, String html) {
        return guard.html(method, "caption", html, TelegramLimits.MAX_CAPTION);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotApiException("retry", 0, "interrupted while waiting", e);
        }
    }

    @FunctionalInterface
    private interface AsyncCall<T> {
        CompletableFuture<T> start() throws TelegramApiException;
    }
}
