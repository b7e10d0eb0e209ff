package com.merchantmetrics.apikeys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.core.SecretTokens;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.web.Messages;
import com.merchantmetrics.web.Refusal;

/**
 * API keys give a machine one role in one tenant. A key reads {@code mmk_<prefix>_<secret>}: the prefix finds the
 * row, the SHA-256 of the whole key must match; the key itself is shown once and never stored.
 */
@ApplicationScoped
@Transactional
public class ApiKeyService {

    private static final String KEY_START = "mmk_";
    private static final int PREFIX_LENGTH = 10;

    public record CreatedKey(ApiKey key, String secret) {
    }

    /** Who an accepted key acts for. */
    public record KeyHolder(long keyId, String keyName, long tenantId, String tenantSlug, TenantRole role) {
    }

    private final AuditLog auditLog;

    ApiKeyService(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    public CreatedKey create(long tenantId, String name, String role, Long createdBy, AuditLog.Actor actor) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100) {
            throw new Refusal(Messages::nameTheKey);
        }
        TenantRole keyRole = keyRole(role);
        String token = SecretTokens.newToken();
        String prefix = token.substring(0, PREFIX_LENGTH);
        String secret = KEY_START + prefix + "_" + token.substring(PREFIX_LENGTH);
        ApiKey key = new ApiKey();
        key.tenantId = tenantId;
        key.name = cleanName;
        key.role = keyRole;
        key.prefix = prefix;
        key.secretHash = SecretTokens.hash(secret);
        key.createdBy = createdBy;
        key.persist();
        auditLog.record(actor, tenantId, "api_key.created", cleanName + " (" + keyRole.label() + ", " + prefix + "…)");
        return new CreatedKey(key, secret);
    }

    public List<ApiKey> keys(long tenantId) {
        return ApiKey.listForTenant(tenantId);
    }

    public void revoke(long tenantId, long keyId, AuditLog.Actor actor) {
        ApiKey key = ApiKey.<ApiKey>findByIdOptional(keyId)
                .filter(found -> found.tenantId == tenantId && found.isActive())
                .orElseThrow(() -> new Refusal(Messages::noSuchActiveKey));
        key.revokedAt = Instant.now();
        auditLog.record(actor, tenantId, "api_key.revoked", key.name + " (" + key.prefix + "…)");
    }

    /** The holder of a presented key, or empty for a malformed, unknown or revoked key. Records the use. */
    public Optional<KeyHolder> authenticate(String presented) {
        if (presented == null || !presented.startsWith(KEY_START) || presented.length() < KEY_START.length() + PREFIX_LENGTH + 2) {
            return Optional.empty();
        }
        String prefix = presented.substring(KEY_START.length(), KEY_START.length() + PREFIX_LENGTH);
        return ApiKey.findActiveByPrefix(prefix)
                .filter(key -> SecretTokens.matches(presented, key.secretHash))
                .flatMap(key -> Tenant.<Tenant>findByIdOptional(key.tenantId)
                        .filter(Tenant::isActive)
                        .map(tenant -> {
                            recordUse(key.id);
                            return new KeyHolder(key.id, key.name, tenant.id, tenant.slug, key.role);
                        }));
    }

    /** At most once a minute per key, so a busy integration does not turn every request into a write. */
    private static void recordUse(long keyId) {
        Instant now = Instant.now();
        ApiKey.update("lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)",
                now, keyId, now.minus(Duration.ofMinutes(1)));
    }

    private static TenantRole keyRole(String role) {
        if ("analyst".equals(role)) {
            return TenantRole.analyst;
        }
        if ("viewer".equals(role)) {
            return TenantRole.viewer;
        }
        throw new Refusal(Messages::chooseKeyRole);
    }
}
