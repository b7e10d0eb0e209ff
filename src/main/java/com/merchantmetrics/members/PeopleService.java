package com.merchantmetrics.members;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

/**
 * Who has access to a tenant: granting it by e-mail (the person sees the tenant at first sign-in), changing and
 * removing it, every change in the audit log.
 */
@ApplicationScoped
@Transactional
public class PeopleService {

    public record Person(long userId, String email, String name, TenantRole role, boolean signedInYet) {
        public String access() {
            return role.label();
        }

        public boolean accountManager() {
            return role == TenantRole.account_manager;
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
        List<Person> people = new ArrayList<>();
        for (Membership membership : Membership.listForTenant(tenantId)) {
            people.add(person(AppUser.findById(membership.userId), membership.role));
        }
        for (AccountManagerAssignment assignment : AccountManagerAssignment.listForTenant(tenantId)) {
            people.add(person(AppUser.findById(assignment.userId), TenantRole.account_manager));
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
            throw new IllegalArgumentException("Choose owner, analyst, viewer or account manager");
        }
    }

    public void changeRole(long tenantId, long userId, String role, AuditLog.Actor actor) {
        TenantRole newRole = parseRole(role);
        if (newRole == TenantRole.account_manager || !memberships.isMember(tenantId, userId)) {
            throw new IllegalArgumentException("Choose owner, analyst or viewer for a member of this tenant");
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

    private static Person person(AppUser user, TenantRole role) {
        return new Person(user.id, user.email, user.name, role, user.oidcSubject != null);
    }
}
