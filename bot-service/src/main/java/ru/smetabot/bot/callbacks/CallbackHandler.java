package ru.smetabot.bot.callbacks;

import java.util.function.BiConsumer;

/** Handles one kind of {@link Callback}; for room callbacks the router has checked ownership already. */
public interface CallbackHandler<T extends Callback> {

    Class<T> type();

    void handle(CallbackContext context, T callback);

    /** A handler from a lambda, for features that declare their buttons as beans. */
    static <T extends Callback> CallbackHandler<T> of(Class<T> type, BiConsumer<CallbackContext, T> body) {
        return new CallbackHandler<>() {
            @Override
            public Class<T> type() {
                return type;
            }

            @Override
            public void handle(CallbackContext context, T callback) {
                body.accept(context, callback);
            }
        };
    }
}
