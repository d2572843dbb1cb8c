package org.candor.account;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Settles who a signed-in visitor is before the resource runs. Authentication is lazy (not proactive), so otherwise
 * the account lookup ({@link AccountAugmentor}) ran in the middle of a page, in a transaction of its own, while the
 * page's reads held their connection: two connections per request, and under load every connection of the pool held
 * by a request waiting for a second one (the benchmark showed acquisition timeouts, docs/benchmarks.md).
 */
class IdentityFirst {

    private final CurrentIdentityAssociation identity;

    IdentityFirst(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @ServerRequestFilter(preMatching = true)
    Uni<Void> resolve(ContainerRequestContext request) {
        String cookies = request.getHeaderString(HttpHeaders.COOKIE);
        if (cookies == null || !cookies.contains(CandorSession.COOKIE)) {
            return Uni.createFrom().voidItem();
        }
        // a failure is remembered by the association and met again, as before, where the page asks who is there
        return identity.getDeferredIdentity().replaceWithVoid().onFailure().recoverWithNull();
    }
}
