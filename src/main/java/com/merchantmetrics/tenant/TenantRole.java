package com.merchantmetrics.tenant;

/** What a person may do in one tenant. Account managers read unless an owner also makes them analyst. */
public enum TenantRole {
    owner, analyst, viewer, account_manager;

    public boolean canUpload() {
        return this == owner || this == analyst;
    }

    public boolean canManageTenant() {
        return this == owner;
    }

    public String label() {
        return switch (this) {
            case owner -> "Owner";
            case analyst -> "Analyst";
            case viewer -> "Viewer";
            case account_manager -> "Account manager";
        };
    }

    /** The stronger of two grants, for a person who is both a member and the account manager. */
    public static TenantRole strongest(TenantRole a, TenantRole b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
