package ru.smetabot.sandbox.state;

/** A pressed inline button and, once the bot answers, its answer. */
public final class CallbackQuery {

    private final String id;
    private final long botId;
    private final long userId;
    private final int messageId;
    private final String data;
    private boolean answered;
    private String answerText;
    private boolean showAlert;

    public CallbackQuery(String id, long botId, long userId, int messageId, String data) {
        this.id = id;
        this.botId = botId;
        this.userId = userId;
        this.messageId = messageId;
        this.data = data;
    }

    public void answer(String text, boolean alert) {
        answered = true;
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
}
