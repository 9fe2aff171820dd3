package ru.smetabot.sandbox.state;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * The whole in-memory Telegram. Callers read and change it only inside {@link #locked}: one lock keeps
 * every operation atomic (a join request touches the channel, the link and the update queues together)
 * and is cheap enough for tens of thousands of operations per second.
 * <p>
 * With a data directory, its non-transient fields are the saved world (the persistence package writes and
 * reads them with Jackson, field by field): a field added here is saved too; mark working fields
 * {@code transient}.
 */
@Component
public class SandboxState {

    private static final String URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final long FIRST_USER_ID = 100_000_001L;
    private static final long FIRST_CHANNEL_ID = 1_000_000_001L;

    private final transient ReentrantLock lock = new ReentrantLock();
    private final transient SecureRandom random = new SecureRandom();
    private final transient IdCeilings ceilings;
    private transient long changes;
    private final Map<Long, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Long> botsByToken = new HashMap<>();
    private final Map<Long, Channel> channels = new LinkedHashMap<>();
    private final Map<String, Dialog> dialogs = new LinkedHashMap<>();
    private final Map<String, StoredFile> files = new HashMap<>();
    private final Map<String, CallbackQuery> callbacks = new HashMap<>();
    private long nextUserId = FIRST_USER_ID;
    private long nextChannelId = FIRST_CHANNEL_ID;
    private long nextFile = 1;

    public SandboxState(IdCeilings ceilings) {
        this.ceilings = ceilings;
    }

    public <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            changes++;
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public void locked(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Grows with every {@link #locked} call (reads too: a cheap, safe over-estimate of changes); read it under
     * the lock.
     */
    public long changes() {
        return changes;
    }

    public void reset() {
        locked(() -> {
            accounts.clear();
            botsByToken.clear();
            channels.clear();
            dialogs.clear();
            files.clear();
            callbacks.clear();
            nextUserId = FIRST_USER_ID;
            nextChannelId = FIRST_CHANNEL_ID;
        });
    }

    public Account putAccount(Account account) {
        Account previous = accounts.put(account.id(), account);
        if (previous != null && previous.token() != null) {
            botsByToken.remove(previous.token());
        }
        if (account.token() != null) {
            botsByToken.put(account.token(), account.id());
        }
        nextUserId = Math.max(nextUserId, account.id() + 1);
        return account;
    }

    public long newUserId() {
        long id = ceilings.take("user", nextUserId);
        while (accounts.containsKey(id)) {
            id = ceilings.take("user", id + 1);
        }
        nextUserId = id + 1;
        return id;
    }

    public Optional<Account> account(long id) {
        return Optional.ofNullable(accounts.get(id));
    }

    public Account requireAccount(long id) {
        return account(id).orElseThrow(() -> SandboxException.badRequest("user not found", "USER_ID_INVALID"));
    }

    public Optional<Account> botByToken(String token) {
        return Optional.ofNullable(botsByToken.get(token)).map(accounts::get);
    }

    public List<Account> accounts() {
        return new ArrayList<>(accounts.values());
    }

    /** Channels use the Bot API form: -100 followed by the channel's own id. */
    public Channel newChannel(long ownerId, String title, long date) {
        nextChannelId = ceilings.take("channel", nextChannelId);
        long id = -(1_000_000_000_000L + nextChannelId++);
        Channel channel = new Channel(id, ownerId, title, date);
        channels.put(id, channel);
        return channel;
    }

    public Optional<Channel> channel(long id) {
        return Optional.ofNullable(channels.get(id));
    }

    public Channel requireChannel(long id) {
        return channel(id).orElseThrow(SandboxException::chatNotFound);
    }

    public Optional<Channel> channelByUsername(String username) {
        return channels.values().stream().filter(c -> username.equalsIgnoreCase(c.username())).findFirst();
    }

    public List<Channel> channels() {
        return new ArrayList<>(channels.values());
    }

    public Optional<Dialog> dialog(long botId, long userId) {
        return Optional.ofNullable(dialogs.get(botId + ":" + userId));
    }

    public Dialog openDialog(long botId, long userId) {
        return dialogs.computeIfAbsent(botId + ":" + userId, k -> new Dialog(botId, userId));
    }

    public List<Dialog> dialogsOf(long userId) {
        return dialogs.values().stream().filter(d -> d.userId() == userId).toList();
    }

    public StoredFile storeFile(String fileName, String mimeType, byte[] content) {
        nextFile = ceilings.take("file", nextFile);
        long n = nextFile++;
        StoredFile file = new StoredFile("BQACAgI" + n + "_" + randomToken(12), "AgAD" + n, fileName, mimeType,
                content);
        files.put(file.fileId(), file);
        return file;
    }

    public Optional<StoredFile> file(String fileId) {
        return Optional.ofNullable(files.get(fileId));
    }

    public CallbackQuery putCallback(CallbackQuery query) {
        callbacks.put(query.id(), query);
        return query;
    }

    public Optional<CallbackQuery> callback(String id) {
        return Optional.ofNullable(callbacks.get(id));
    }

    public String randomToken(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(URL_SAFE.charAt(random.nextInt(URL_SAFE.length())));
        }
        return sb.toString();
    }
}
