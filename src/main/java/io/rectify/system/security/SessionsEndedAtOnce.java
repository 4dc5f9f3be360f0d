package io.rectify.system.security;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * The signed-in sessions of a user, read from the session table (so every node sees the same),
 * where a session over the user's limit is ended at once: deleted, for the pages and the API alike.
 * Spring Session's own registry only marks it expired, which only the pages' filter would notice.
 */
final class SessionsEndedAtOnce implements SessionRegistry {

    private final SpringSessionBackedSessionRegistry<? extends Session> registry;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionsEndedAtOnce(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.registry = new SpringSessionBackedSessionRegistry<>(sessions);
        this.sessions = sessions;
    }

    @Override
    public List<Object> getAllPrincipals() {
        return registry.getAllPrincipals();
    }

    @Override
    public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
        // a list the caller may sort: the concurrency check orders it by last use
        return registry.getAllSessions(principal, includeExpiredSessions).stream()
                .map(session -> (SessionInformation) new Ending(session))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    @Override
    public SessionInformation getSessionInformation(String sessionId) {
        return registry.getSessionInformation(sessionId);
    }

    @Override
    public void refreshLastRequest(String sessionId) {
        registry.refreshLastRequest(sessionId);
    }

    @Override
    public void registerNewSession(String sessionId, Object principal) {
        registry.registerNewSession(sessionId, principal);
    }

    @Override
    public void removeSessionInformation(String sessionId) {
        registry.removeSessionInformation(sessionId);
    }

    private final class Ending extends SessionInformation {

        Ending(SessionInformation session) {
            super(session.getPrincipal(), session.getSessionId(), session.getLastRequest());
        }

        @Override
        public void expireNow() {
            super.expireNow();
            sessions.deleteById(getSessionId());
        }
    }
}
