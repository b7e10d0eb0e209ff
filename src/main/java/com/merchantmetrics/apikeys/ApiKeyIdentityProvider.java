package com.merchantmetrics.apikeys;

import jakarta.enterprise.context.ApplicationScoped;

import com.merchantmetrics.apikeys.ApiKeyService.KeyHolder;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns a presented API key into an identity whose principal is the key, never a person. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final ApiKeyService keys;

    ApiKeyIdentityProvider(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            KeyHolder holder = keys.authenticate(request.presentedKey())
                    .orElseThrow(() -> new AuthenticationFailedException("Unknown or revoked API key"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new ApiKeyPrincipal(holder))
                    .build();
        });
    }
}
