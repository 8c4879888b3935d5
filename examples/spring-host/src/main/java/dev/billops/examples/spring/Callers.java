package dev.billops.examples.spring;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TenantId;
import dev.billops.core.party.Actor;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who is calling: the token's subject is the actor of every library call (the audit log's "who"),
 * its {@code tenant} claim (or the default) the tenant, and for role CLIENT its {@code client_id} the
 * only client whose documents it may see. The one place the controllers get a {@link TenantBilling} from.
 */
@Component
public class Callers {

    private final Billing billing;
    private final HostProperties properties;

    public Callers(Billing billing, HostProperties properties) {
        this.billing = Objects.requireNonNull(billing, "billing");
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    /** The library operations of the caller's tenant, attributed to the caller. */
    public TenantBilling billing() {
        JwtAuthenticationToken token = token();
        return billing.tenant(tenant(token), Actor.user(token.getName()));
    }

    /** The caller's tenant. */
    public TenantId tenantId() {
        return tenant(token());
    }

    /** The caller's user name (the token's subject). */
    public String user() {
        return token().getName();
    }

    /**
     * The client a CLIENT token is bound to; empty for every other role.
     *
     * @throws NotFoundException (answered 404) for a CLIENT token that names no client
     */
    public Optional<ClientId> boundClient() {
        JwtAuthenticationToken token = token();
        boolean client = token.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.CLIENT));
        boolean staff = token.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.ADMIN)
                || a.getAuthority().equals("ROLE_" + Roles.ACCOUNTANT) || a.getAuthority().equals("ROLE_" + Roles.VIEWER));
        if (!client || staff) {
            return Optional.empty();
        }
        String id = token.getToken().getClaimAsString("client_id");
        if (id == null || id.isBlank()) {
            throw new NotFoundException("client", "(none bound to the token)");
        }
        return Optional.of(ClientId.of(id));
    }

    /**
     * Refuses, as not found, a document of another client than the one a CLIENT token is bound to,
     * so such a caller cannot even tell that it exists.
     */
    public void requireVisible(String kind, String id, ClientId owner) {
        Optional<ClientId> bound = boundClient();
        if (bound.isPresent() && !bound.get().equals(owner)) {
            throw new NotFoundException(kind, id);
        }
    }

    private TenantId tenant(JwtAuthenticationToken token) {
        String claim = token.getToken().getClaimAsString("tenant");
        return TenantId.of(claim == null || claim.isBlank() ? properties.defaultTenant() : claim);
    }

    private static JwtAuthenticationToken token() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a instanceof JwtAuthenticationToken jwt) {
            return jwt;
        }
        throw new IllegalStateException("no bearer token in the security context");
    }
}
