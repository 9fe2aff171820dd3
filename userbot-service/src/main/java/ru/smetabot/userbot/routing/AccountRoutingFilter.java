package ru.smetabot.userbot.routing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.smetabot.userbot.lease.AccountLeases;
import ru.smetabot.userbot.lease.InstanceProperties;
import ru.smetabot.userbot.lease.LeaseStore;
import ru.smetabot.userbot.lease.Route;
import ru.smetabot.userbot.web.ProblemWriter;
import ru.smetabot.userbotapi.UserbotApi;
import ru.smetabot.userbotapi.UserbotProblems;

/**
 * Serves each account-scoped request on the instance holding the account's lease. Here when this instance holds it
 * or takes it (nobody holds it, or the holder's lease ended); else the request goes once to the holder (same method,
 * path, token and body; its status, headers and body come back). A holder that accepts no connection is waited for
 * until its lease expires (at most USERBOT_LEASE_TTL), then the account is taken over here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class AccountRoutingFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccountRoutingFilter.class);
    private static final Set<String> ACCOUNT_SCOPED = Set.of(UserbotApi.SESSION_STATUS, UserbotApi.LOGIN_START,
            UserbotApi.LOGIN_CODE, UserbotApi.LOGIN_PASSWORD, UserbotApi.LOGOUT, UserbotApi.CREATE_ROOM,
            UserbotApi.ADD_BOT_ADMIN, UserbotApi.GET_VIEWS, UserbotApi.GET_ADMINS, UserbotApi.MEMBER_COUNT,
            UserbotApi.MEMBERS, UserbotApi.JOIN_REQUESTS, UserbotApi.DECIDE_JOIN_REQUEST);
    private static final Duration POLL = Duration.ofMillis(200);

    private final AccountLeases leases;
    private final RequestAccounts accounts;
    private final InstanceForwarder forwarder;
    private final AllInstancesStatus allInstances;
    private final Duration waitForExpiry;

    AccountRoutingFilter(AccountLeases leases, RequestAccounts accounts, InstanceForwarder forwarder,
            AllInstancesStatus allInstances, InstanceProperties properties) {
        this.leases = leases;
        this.allInstances = allInstances;
        this.accounts = accounts;
        this.forwarder = forwarder;
        this.waitForExpiry = properties.leaseTtl().plusSeconds(2);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!ACCOUNT_SCOPED.contains(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        if (overview(request)) {
            try {
                allInstances.serve(request, response, chain);
            } catch (DataAccessException e) {
                databaseDown(response, e);
            }
            return;
        }
        byte[] body;
        try {
            body = "POST".equals(request.getMethod()) ? request.getInputStream().readAllBytes() : new byte[0];
        } catch (IOException e) {
            ProblemWriter.write(response, HttpStatus.BAD_REQUEST, UserbotProblems.INVALID_REQUEST,
                    "the request body could not be read: " + e.getMessage());
            return;
        }
        ReplayedRequest replayed = new ReplayedRequest(request, body);
        Long account;
        try {
            account = accounts.of(request, body);
        } catch (DataAccessException e) {
            databaseDown(response, e);
            return;
        }
        if (account == null) {
            chain.doFilter(replayed, response); // malformed or without an account: the controller answers 400 / 404
            return;
        }
        leases.begin(account);
        try {
            serve(account, replayed, body, response, chain);
        } catch (DataAccessException e) {
            databaseDown(response, e);
        } finally {
            leases.end(account);
        }
    }

    private void serve(long account, HttpServletRequest request, byte[] body, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long giveUpAt = System.nanoTime() + waitForExpiry.toNanos();
        while (true) {
            Route route = leases.route(account);
            if (route instanceof Route.Local) {
                response.setHeader(ServedBy.HEADER, leases.instance().id());
                chain.doFilter(request, response);
                return;
            }
            LeaseStore.Holder holder = ((Route.Remote) route).holder();
            String forwardedBy = request.getHeader(InstanceForwarder.FORWARDED_BY);
            if (forwardedBy != null) {
                log.warn("account {}: request {} forwarded by instance {} reached instance {}, but instance {} holds the "
                        + "account now; answered 503 so the caller retries (the lease moved meanwhile)", account,
                        request.getRequestURI(), forwardedBy, leases.instance().id(), holder.instanceId());
                ProblemWriter.write(response, HttpStatus.SERVICE_UNAVAILABLE, UserbotProblems.TELEGRAM_UNAVAILABLE,
                        "account " + account + " moved to another userbot instance while this request was on its way; retry");
                return;
            }
            try {
                write(response, forwarder.forward(holder.url(), request.getMethod(), pathAndQuery(request),
                        headers(request), body, leases.instance().id()));
                return;
            } catch (InstanceForwarder.Unreachable e) {
                if (System.nanoTime() - giveUpAt >= 0) {
                    unavailable(response, account, holder, "is unreachable and its lease did not expire in time");
                    return;
                }
                log.warn("account {}: instance {} holding it is unreachable ({}); instance {} takes it over when the lease "
                        + "expires at {}", account, holder.instanceId(), e.getMessage(), leases.instance().id(), holder.expiresAt());
                pause();
            } catch (IOException e) {
                log.warn("account {}: instance {} failed while answering {} ({}); answered 503, the caller retries", account,
                        holder.instanceId(), request.getRequestURI(), e.toString());
                unavailable(response, account, holder, "failed while answering (" + e.getClass().getSimpleName() + ")");
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unavailable(response, account, holder, "did not answer before this instance stopped");
                return;
            }
        }
    }

    /** Waits a little before asking the database again whether the unreachable holder's lease expired. */
    private static void pause() throws IOException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for a lease to expire", e);
        }
    }

    private static void unavailable(HttpServletResponse response, long account, LeaseStore.Holder holder, String what)
            throws IOException {
        ProblemWriter.write(response, HttpStatus.SERVICE_UNAVAILABLE, UserbotProblems.TELEGRAM_UNAVAILABLE, "userbot instance "
                + holder.instanceId() + " (" + holder.url() + "), which holds account " + account + ", " + what + "; retry");
    }

    private static void databaseDown(HttpServletResponse response, DataAccessException e) throws IOException {
        log.error("the accounts' leases cannot be read ({}): check DATABASE_URL and that PostgreSQL is up", e.toString());
        ProblemWriter.write(response, HttpStatus.SERVICE_UNAVAILABLE, UserbotProblems.TELEGRAM_UNAVAILABLE,
                "the userbot's database is unreachable, so the instance serving this account is unknown; retry");
    }

    /** GET /session/status without an account, not forwarded: the overview of every instance's accounts. */
    private static boolean overview(HttpServletRequest request) {
        return UserbotApi.SESSION_STATUS.equals(request.getRequestURI()) && "GET".equals(request.getMethod())
                && request.getParameter("account") == null && request.getHeader(InstanceForwarder.FORWARDED_BY) == null;
    }

    private static String pathAndQuery(HttpServletRequest request) {
        return request.getQueryString() == null ? request.getRequestURI() : request.getRequestURI() + "?" + request.getQueryString();
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : new String[] {"Authorization", "Content-Type", "Accept"}) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private static void write(HttpServletResponse response, InstanceForwarder.Answer answer) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }
}
