package ru.smetabot.userbot.lease;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This instance among several (variable names in application.yml).
 *
 * @param id       USERBOT_INSTANCE_ID: unique per running instance; default the host name and 6 random hex digits
 * @param url      USERBOT_INSTANCE_URL: base URL other instances reach this one at; null = http://localhost:&lt;the
 *                 port the API listens on&gt; (right only when all instances share a host)
 * @param leaseTtl USERBOT_LEASE_TTL: how long an account's lease lasts without renewal (default 30s; renewed every
 *                 third of it); after a crash the account moves to another instance within about this time
 */
@ConfigurationProperties("smetabot.userbot.instance")
public record InstanceProperties(String id, URI url, Duration leaseTtl) {

    public InstanceProperties {
        id = id == null || id.isBlank() ? generatedId() : id.strip();
        url = url == null || url.toString().isBlank() ? null : url;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(30) : leaseTtl;
        if (leaseTtl.compareTo(Duration.ofMillis(300)) < 0) {
            throw new IllegalArgumentException("USERBOT_LEASE_TTL=" + leaseTtl + " is too short: at least 300ms "
                    + "(renewals run every third of it), 30s is the default");
        }
    }

    /** Renewals run every third of the TTL, so two may fail before the lease expires. */
    public Duration renewEvery() {
        return leaseTtl.dividedBy(3);
    }

    private static String generatedId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "userbot";
        }
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        return host + "-" + HexFormat.of().formatHex(random);
    }
}
