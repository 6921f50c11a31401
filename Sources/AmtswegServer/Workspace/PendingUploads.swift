import AmtswegCore
import Foundation
import ProcessMining

/// Uploaded event logs waiting for the uploader's privacy choice per attribute: held in memory only (never
/// stored, cached with analyses or logged), for one person in one tenant, for a few minutes, a few at a time.
actor PendingUploads {
    struct Upload: Sendable {
        var data: Data
        var fileName: String
        var name: String
        var processID: ID<ProcessModel>?
        var units: (data: Data, fileName: String)?
        var attributes: [AttributeSummary]
        var account: ID<Account>
        var tenant: ID<Tenant>
        var createdAt: Date
    }

    private var uploads: [String: Upload] = [:]
    let capacity = 4
    let lifetime: TimeInterval = 15 * 60

    /// Keeps an upload and returns its key; the oldest goes when the store is full.
    func keep(_ upload: Upload) -> String {
        expire()
        while uploads.count >= capacity, let oldest = uploads.min(by: { $0.value.createdAt < $1.value.createdAt }) {
            uploads[oldest.key] = nil
        }
        let key = Secrets.randomToken()
        uploads[key] = upload
        return key
    }

    /// Hands out the upload once, if it belongs to this person and tenant.
    func take(_ key: String, account: ID<Account>, tenant: ID<Tenant>) -> Upload? {
        expire()
        guard let upload = uploads[key], upload.account == account, upload.tenant == tenant else { return nil }
        uploads[key] = nil
        return upload
    }

    private func expire() {
        let cutoff = Date().addingTimeInterval(-lifetime)
        uploads = uploads.filter { $0.value.createdAt > cutoff }
    }
}
