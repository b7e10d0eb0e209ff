package com.merchantmetrics.apikeys;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String presentedKey;

    public ApiKeyAuthenticationRequest(String presentedKey) {
        this.presentedKey = presentedKey;
    }

    public String presentedKey() {
        return presentedKey;
    }
}
