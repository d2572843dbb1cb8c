package org.candor.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person. They sign in through any of their identities ({@code account_identity}: a provider's subject, or a verified
 * e-mail address); {@code provider}/{@code providerSubject} name the identity the account was created with. No password,
 * ever.
 */
@Entity
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String provider;

    @Column(name = "provider_subject", nullable = false, updatable = false)
    public String providerSubject;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** The name a staff member acts under in public (replies, notices, the log); the display name when unset. */
    @Column(name = "staff_handle")
    public String staffHandle;

    public String email;

    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role = Role.CUSTOMER;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt = Instant.now();

    /** When {@code candor.bootstrap-admins} made this account admin, if it did; it does so once. */
    @Column(name = "bootstrap_promoted_at")
    public Instant bootstrapPromotedAt;

    /** Marked by an admin as an insider (employee, owner, agency): their reviews are labelled Staff. */
    @Column(nullable = false)
    public boolean insider;

    /**
     * The subjects a moderator is limited to, or null for the whole board. Read with the account (a moderator's every
     * action checks it); written by the roles page alone (policy/RoleService), so never from here.
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "scope_subject_ids", insertable = false, updatable = false)
    public Long[] scopeSubjectIds;

    /** When the person closed the account; a closed account cannot be signed in to. */
    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public int version;

    public String publicHandle() {
        return staffHandle == null || staffHandle.isBlank() ? displayName : staffHandle;
    }
}
