package ru.smetabot.sandbox.botapi;

import java.util.Map;

/** A set of related Bot API methods, keyed by their names (any case). */
interface BotMethodGroup {

    Map<String, BotMethod> methods();
}
