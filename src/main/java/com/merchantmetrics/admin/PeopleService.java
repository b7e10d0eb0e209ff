package com.merchantmetrics.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.merchantmetrics.audit.AuditLog;
import com.merchantmetrics.security.AppUser;
import com.merchantmetrics.security.UserDirectory;
import com.merchantmetrics.tenant.AccountManagerAssignment;
import com.merchantmetrics.tenant.Membership;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

/** Who has access to a tenant, and granting it by e-mail (the person sees the tenant at first sign-in). */
@ApplicationScoped
@Transactional
public class PeopleService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public record Person(String email, String name, String access, boolean signedInYet) {
    }

    private final UserDirectory directory;
    private final AuditLog auditLog;

    PeopleService(UserDirectory directory, AuditLog auditLog) {
        this.directory = directory;
        this.auditLog = auditLog;
    }

    public List<Tenant> allTenants() {
        return Tenant.listByName();
    }

    public Tenant tenant(String slug) {
        return Tenant.findBySlug(slug).orElseThrow(NotFoundException::new);
    }

    public List<Person> people(Tenant tenant) {
        List<Person> people = new ArrayList<>();
        for (Membership membership : Membership.listForTenant(tenant.id)) {
            people.add(person(AppUser.findById(membership.userId), membership.role));
        }
        for (AccountManagerAssignment assignment : AccountManagerAssignment.listForTenant(tenant.id)) {
            people.add(person(AppUser.findById(assignment.userId), TenantRole.account_manager));
        }
        people.sort(Comparator.comparing(Person::email));
        return people;
    }

    /** grant is a membership role (owner, analyst, viewer) or account_manager. */
    public void grant(Tenant tenant, String email, String grant, AuditLog.Actor actor) {
        if (email == null || !EMAIL.matcher(email.trim()).matches()) {
            throw new IllegalArgumentException("Enter a valid e-mail address");
        }
        TenantRole role = parseRole(grant);
        AppUser user = directory.findOrAddByEmail(email);
        if (role == TenantRole.account_manager) {
            if (!AccountManagerAssignment.exists(tenant.id, user.id)) {
                AccountManagerAssignment assignment = new AccountManagerAssignment();
                assignment.tenantId = tenant.id;
                assignment.userId = user.id;
                assignment.persist();
            }
        } else {
            Membership membership = Membership.findFor(tenant.id, user.id).orElseGet(() -> {
                Membership created = new Membership();
                created.tenantId = tenant.id;
                created.userId = user.id;
                return created;
            });
            membership.role = role;
            membership.persist();
        }
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

    private static Person person(AppUser user, TenantRole role) {
        return new Person(user.email, user.name, role.label(), user.oidcSubject != null);
    }
}
