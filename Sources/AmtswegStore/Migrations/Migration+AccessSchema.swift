import SQLKit

extension Migration {
    /// Version 4: accounts, their roles per tenant, sessions, access tokens, what the audit log needs beyond the
    /// change log (the object an entry is about), and the privacy choices of each event log. Secrets (passwords, session and access tokens)
    /// are stored only as hashes.
    static let accessSchema = Migration(version: 4, name: "accounts and audit") { db in
        try await db.create(table: "accounts")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull, .unique)
            .column("display_name", type: .text, .notNull)
            .column("password_hash", type: .text, .notNull)
            .column("disabled", type: .bigint, .notNull)
            .column("failed_logins", type: .bigint, .notNull)
            .column("locked_until", type: .text)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(table: "memberships")
            .column("account_id", type: .text, .notNull, .references("accounts", "id"))
            .column("tenant_id", type: .text, .notNull, .references("tenants", "id"))
            .column("role", type: .text, .notNull)
            .column("unit_id", type: .text)
            .primaryKey(["account_id", "tenant_id"])
            .run()
        try await db.create(table: "sessions")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("account_id", type: .text, .notNull, .references("accounts", "id"))
            .column("tenant_id", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .column("expires_at", type: .text, .notNull)
            .run()
        try await db.create(table: "access_tokens")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("token_hash", type: .text, .notNull, .unique)
            .column("account_id", type: .text, .notNull, .references("accounts", "id"))
            .column("tenant_id", type: .text, .notNull)
            .column("label", type: .text, .notNull)
            .column("scope", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .column("last_used_at", type: .text)
            .column("revoked_at", type: .text)
            .run()
        try await db.alter(table: "change_log").column("object", type: .text, .notNull, .default("")).run()
        // What the uploader chose per attribute of an event log (kept, pseudonymised, dropped).
        try await db.alter(table: "event_logs").column("privacy", type: .text, .notNull, .default("")).run()
    }
}
