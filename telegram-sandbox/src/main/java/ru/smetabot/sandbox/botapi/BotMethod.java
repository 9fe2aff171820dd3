package ru.smetabot.sandbox.botapi;

import ru.smetabot.sandbox.state.Account;

/** One Bot API method: the calling bot and its parameters in, the "result" value out. */
@FunctionalInterface
interface BotMethod {

    Object call(Account bot, BotRequest request);
}
