package com.merchantmetrics.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.merchantmetrics.web.Messages;
import com.merchantmetrics.web.Refusal;

/** Grants, changes and removes access to a tenant, keeping at least one owner at all times. */
@ApplicationScoped
@Transactional
public class MembershipService {

    public static class LastOwnerException extends Refusal {
        LastOwnerException() {
            super(Messages::lastOwner);
        }
    }

    /** grant is a membership role, or account_manager for an assignment. */
    public void grant(long tenantId, long userId, TenantRole grant) {
        if (grant == TenantRole.account_manager) {
            if (!AccountManagerAssignment.exists(tenantId, userId)) {
                AccountManagerAssignment assignment = new AccountManagerAssignment();
                assignment.tenantId = tenantId;
                assignment.userId = userId;
                assignment.persist();
            }
            return;
        }
        Membership membership = Membership.findFor(tenantId, userId).orElseGet(() -> {
            Membership created = new Membership();
            created.tenantId = tenantId;
            created.userId = userId;
            return created;
        });
        if (membership.role == TenantRole.owner && grant != TenantRole.owner) {
            requireAnotherOwner(tenantId);
        }
        membership.role = grant;
        membership.persist();
    }

    public void remove(long tenantId, long userId) {
        Membership membership = Membership.findFor(tenantId, userId)
                .orElseThrow(() -> new Refusal(Messages::notAMember));
        if (membership.role == TenantRole.owner) {
            requireAnotherOwner(tenantId);
        }
        membership.delete();
    }

    public boolean isMember(long tenantId, long userId) {
        return Membership.findFor(tenantId, userId).isPresent();
    }

    private static void requireAnotherOwner(long tenantId) {
        if (Membership.count("tenantId = ?1 and role = ?2", tenantId, TenantRole.owner) <= 1) {
            throw new LastOwnerException();
        }
    }
}
