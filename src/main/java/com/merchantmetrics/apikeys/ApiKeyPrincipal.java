package com.merchantmetrics.apikeys;

import java.security.Principal;

import com.merchantmetrics.apikeys.ApiKeyService.KeyHolder;

public record ApiKeyPrincipal(KeyHolder holder) implements Principal {

    @Override
    public String getName() {
        return "API key " + holder.keyName();
    }
}
