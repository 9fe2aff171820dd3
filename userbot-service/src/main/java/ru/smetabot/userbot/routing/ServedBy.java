package ru.smetabot.userbot.routing;

/** The response header naming the instance that served an account's request (for operators and tests). */
final class ServedBy {

    static final String HEADER = "X-Userbot-Instance";

    private ServedBy() {
    }
}
