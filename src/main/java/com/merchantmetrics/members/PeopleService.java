package com.merchantmetrics.members;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.security.AppUser;
import com.merchantmetrics.security.UserDirectory;
import com.merchantmetrics.tenant.AccountManagerAssignment;
import com.merchantmetrics.tenant.Membership;
import com.merchantmetrics.tenant.MembershipService;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.web.Messages;
import com.merchantmetrics.web.Refusal;

/**
 * Who has access to a tenant: granting it by e-mail (the person sees the tenant at first sign-in), changing and
 * removing it, every change in the audit log.
 */
@ApplicationScoped
@Transactional
public class PeopleService {

    /** role is the membership role, null for an account manager who is not also a member. */
    public record Person(long userId, String email, String name, TenantRole role, boolean accountManager,
            boolean signedInYet) {
        public boolean member() {
            return role != null;
        }
    }

    private final UserDirectory directory;
    private final AuditLog auditLog;
    private final MembershipService memberships;

    PeopleService(UserDirectory directory, AuditLog auditLog, MembershipService memberships) {
        this.directory = directory;
        this.auditLog = auditLog;
        this.memberships = memberships;
    }

    public List<Tenant> allTenants() {
        return Tenant.listByName();
    }

    public Tenant tenant(String slug) {
        return Tenant.findBySlug(slug).orElseThrow(NotFoundException::new);
    }

    public List<Person> people(long tenantId) {
        Map<Long, TenantRole> roles = new HashMap<>();
        Membership.listForTenant(tenantId).forEach(membership -> roles.put(membership.userId, membership.role));
        Set<Long> accountManagers = new HashSet<>();
        AccountManagerAssignment.listForTenant(tenantId).forEach(assignment -> accountManagers.add(assignment.userId));
        Set<Long> everyone = new HashSet<>(roles.keySet());
        everyone.addAll(accountManagers);
        List<Person> people = new ArrayList<>();
        for (long userId : everyone) {
            AppUser user = AppUser.findById(userId);
            people.add(new Person(user.id, user.email, user.name, roles.get(userId), accountManagers.contains(userId),
                    user.oidcSubject != null));
        }
        people.sort(Comparator.comparing(Person::email));
        return people;
    }

    /** grant is a membership role (owner, analyst, viewer) or account_manager. */
    public void grant(Tenant tenant, String email, String grant, AuditLog.Actor actor) {
        TenantRole role = parseRole(grant);
        AppUser user = directory.findOrAddByEmail(email);
        memberships.grant(tenant.id, user.id, role);
        auditLog.record(actor, tenant.id, "access.granted", user.email + " as " + role.label());
    }

    public void auditTenantCreated(Tenant tenant, AuditLog.Actor actor) {
        auditLog.record(actor, tenant.id, "tenant.created",
                tenant.name + " (" + tenant.reportingCurrency + ", " + tenant.timeZone + ")");
    }

    private static TenantRole parseRole(String grant) {
        try {
            return TenantRole.valueOf(grant);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Refusal(Messages::chooseAccess);
        }
    }

    public void changeRole(long tenantId, long userId, String role, AuditLog.Actor actor) {
        TenantRole newRole = parseRole(role);
        boolean knownHere = memberships.isMember(tenantId, userId) || AccountManagerAssignment.exists(tenantId, userId);
        if (newRole == TenantRole.account_manager || !knownHere) {
            throw new Refusal(Messages::chooseRoleForMember);
        }
        memberships.grant(tenantId, userId, newRole);
        auditLog.record(actor, tenantId, "member.role_changed", emailOf(userId) + " is now " + newRole.label());
    }

    public void remove(long tenantId, long userId, AuditLog.Actor actor) {
        memberships.remove(tenantId, userId);
        auditLog.record(actor, tenantId, "member.removed", emailOf(userId));
    }

    private static String emailOf(long userId) {
        return AppUser.<AppUser>findByIdOptional(userId).map(user -> user.email).orElse("#" + userId);
    }

}
