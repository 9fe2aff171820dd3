package ru.smetabot.bot.session;

/** The steps of the Mini App login; also the {@code step} tag of the login metric. */
enum LoginStep {
    START, CODE, PASSWORD, DISCONNECT;

    String tag() {
        return name().toLowerCase();
    }
}
