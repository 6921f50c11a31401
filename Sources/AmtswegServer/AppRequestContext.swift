public import AmtswegCore
public import Foundation
public import Hummingbird

/// What every request carries beside the request itself: the tenant it works on and the author of its writes.
///
/// Local single-user mode resolves the tenant to the store's only (or first) one and writes as
/// ``Author/local``; the accounts and tenants of a later issue set both from the session instead,
/// without changing a handler.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var tenantID: ID<Tenant>?
    public var author: Author
    /// The form token of this browser (double-submit cookie), set by ``CSRFMiddleware``.
    public var csrfToken: String
    /// The language of the pages: German unless the visitor chose English.
    public var language: Language

    public init(source: Source) {
        coreContext = .init(source: source)
        tenantID = nil
        author = .local
        csrfToken = ""
        language = .german
    }

    /// Uploads are read by the handlers themselves, each with its own limit; this bounds JSON bodies.
    public var maxUploadSize: Int { 1 << 20 }

    /// API responses with sorted keys and ISO 8601 dates, so that they are stable and diffable.
    public var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

/// The languages of the user interface.
public enum Language: String, Sendable, CaseIterable {
    case german = "de"
    case english = "en"
}
