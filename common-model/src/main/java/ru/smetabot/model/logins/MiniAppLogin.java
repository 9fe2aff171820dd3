package ru.smetabot.model.logins;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A Mini App login in progress: the userbot's loginId, the Telegram user who started it (the only one who may
 * continue it) and when it expires. Written by bot-service's {@code LoginOwners}, shared by all bot instances.
 */
@Entity
@Table(schema = "core", name = "mini_app_logins")
public class MiniAppLogin {

    @Id
    @Column(name = "login_id")
    private String loginId;

    @Column(name = "tg_user_id", nullable = false)
    private long tgUserId;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected MiniAppLogin() {
    }

    public String getLoginId() {
        return loginId;
    }

    public long getTgUserId() {
        return tgUserId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
