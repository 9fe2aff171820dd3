package ru.smetabot.userbot.tdlib;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** libtdjson.so loaded through JNA. */
public final class TdJsonNative implements TdJson {

    interface Lib extends Library {
        int td_create_client_id();

        void td_send(int clientId, String request);

        String td_receive(double timeout);

        String td_execute(String request);
    }

    private final Lib lib;

    private TdJsonNative(Lib lib) {
        this.lib = lib;
    }

    /** Loads the library; a missing file fails with a message saying how to get it. */
    public static TdJsonNative load(Path library) {
        if (!Files.isRegularFile(library)) {
            throw new IllegalStateException("TDLib not found at " + library.toAbsolutePath()
                    + ": run scripts/fetch-tdlib.sh (or set TDLIB_PATH to libtdjson.so 1.8.67)");
        }
        Lib lib = Native.load(library.toAbsolutePath().toString(), Lib.class,
                Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
        return new TdJsonNative(lib);
    }

    @Override
    public int createClientId() {
        return lib.td_create_client_id();
    }

    @Override
    public void send(int clientId, String request) {
        lib.td_send(clientId, request);
    }

    @Override
    public String receive(double timeoutSeconds) {
        return lib.td_receive(timeoutSeconds);
    }

    @Override
    public String execute(String request) {
        return lib.td_execute(request);
    }
}
