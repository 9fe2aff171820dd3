package ru.smetabot.sandbox.state;

import java.time.Instant;

/**
 * A pressed inline button and, once the bot answers, its answer. Wall-clock milliseconds of the press
 * and the answer, and how often its message had been edited before, let a benchmark time the screen's edit.
 */
public final class CallbackQuery {

    private final String id;
    private final long botId;
    private final long userId;
    private final int messageId;
    private final String data;
    private final long pressedAtMs = System.currentTimeMillis();
    private final int editsBefore;
    private long answeredAtMs;
    /** The press on the sandbox clock (which tests can move), for the answer window. */
    private Instant pressedAt = Instant.now();
    private boolean answered;
    private String answerText;
    private boolean showAlert;

    public CallbackQuery(String id, long botId, long userId, int messageId, String data, int editsBefore) {
        this.id = id;
        this.editsBefore = editsBefore;
        this.botId = botId;
        this.userId = userId;
        this.messageId = messageId;
        this.data = data;
    }

    public void answer(String text, boolean alert) {
        answered = true;
        answeredAtMs = System.currentTimeMillis();
        answerText = text;
        showAlert = alert;
    }

    public String id() { return id; }
    public long botId() { return botId; }
    public long userId() { return userId; }
    public int messageId() { return messageId; }
    public String data() { return data; }
    public boolean answered() { return answered; }
    public String answerText() { return answerText; }
    public boolean showAlert() { return showAlert; }
    public long pressedAtMs() { return pressedAtMs; }
    public long answeredAtMs() { return answeredAtMs; }
    public int editsBefore() { return editsBefore; }
    public Instant pressedAt() { return pressedAt; }
    public void pressedAt(Instant when) { pressedAt = when; }
}
