package ru.smetabot.userbot.tdlib;

/**
 * TDLib's JSON interface (td_json_client.h), the four functions the gateway uses. The native
 * implementation is {@link TdJsonNative}; tests use a fake.
 */
public interface TdJson {

    /** A new client id; the client starts when the first request is sent to it. */
    int createClientId();

    void send(int clientId, String request);

    /** The next reply or update of any client, or null after {@code timeoutSeconds}. */
    String receive(double timeoutSeconds);

    /** Synchronous requests that need no client (getOption version, setLogVerbosityLevel…). */
    String execute(String request);
}
