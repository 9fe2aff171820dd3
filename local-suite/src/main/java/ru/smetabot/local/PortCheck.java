package ru.smetabot.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before anything starts: every port the suite will listen on must be free on its address, and no two
 * processes may be given the same port. A taken port is named with the variable that moves it, so a person
 * does not have to read a Java stack trace from the fourth process to start.
 */
final class PortCheck {

    private static final int SEARCH = 200;

    private PortCheck() {
    }

    static void requireFree(String bindAddress, Map<String, Integer> portsByVariable) throws IOException {
        InetAddress address = InetAddress.getByName(bindAddress);
        List<String> problems = new ArrayList<>();
        Map<Integer, String> owner = new HashMap<>();
        Set<Integer> taken = new HashSet<>(portsByVariable.values());
        portsByVariable.forEach((variable, port) -> {
            String other = owner.putIfAbsent(port, variable);
            if (other != null) {
                problems.add("port " + port + " is given to both " + other + " and " + variable + "; set " + variable
                        + "=" + suggest(address, port, taken) + " (or another free port)");
            } else if (!free(address, port)) {
                problems.add("port " + port + " (" + variable + ") is in use by another program; set " + variable
                        + "=" + suggest(address, port, taken) + " (or another free port)");
            }
        });
        if (!problems.isEmpty()) {
            throw new IOException("nothing was started:\n  " + String.join("\n  ", problems));
        }
    }

    private static boolean free(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The first free port above {@code port} that no other process of the suite is given or suggested. */
    private static String suggest(InetAddress address, int port, Set<Integer> taken) {
        for (int candidate = port + 1; candidate <= Math.min(65535, port + SEARCH); candidate++) {
            if (!taken.contains(candidate) && free(address, candidate)) {
                taken.add(candidate);
                return Integer.toString(candidate);
            }
        }
        return "…";
    }
}
