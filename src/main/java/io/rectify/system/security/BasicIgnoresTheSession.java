package io.rectify.system.security;


import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The API's sign-in state: a request that brings HTTP Basic credentials is judged by them alone,
 * never by a session it may carry as well, so HTTP Basic either authenticates it or answers 401.
 * Only then may such a request skip the CSRF check. Any other request is judged by its session
 * (the browser's door), as Spring Security does by default.
 */
final class BasicIgnoresTheSession implements SecurityContextRepository {

    private final SecurityContextRepository byDefault = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final SecurityContextRepository thisRequestOnly = new RequestAttributeSecurityContextRepository();

    static boolean bringsBasic(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return bringsBasic(request) ? thisRequestOnly.loadDeferredContext(request) : byDefault.loadDeferredContext(request);
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(org.springframework.security.web.context.HttpRequestResponseHolder holder) {
        return bringsBasic(holder.getRequest()) ? thisRequestOnly.loadContext(holder) : byDefault.loadContext(holder);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        (bringsBasic(request) ? thisRequestOnly : byDefault).saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return (bringsBasic(request) ? thisRequestOnly : byDefault).containsContext(request);
    }
}
