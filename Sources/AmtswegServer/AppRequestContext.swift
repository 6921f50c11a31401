public import AmtswegCore
public import Foundation
public import Hummingbird
import NIOCore

/// What every request carries beside the request itself: the tenant it works on and the author of its writes.
///
/// ``AccessMiddleware`` sets the tenant and the author from the access token, the session, or — in local
/// mode — the local administrator; handlers never resolve either themselves.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var tenantID: ID<Tenant>?
    public var author: Author
    /// Who the request acts for; `nil` for anonymous visitors. Set by ``AccessMiddleware``.
    public var access: Access?
    /// The form token of this browser (double-submit cookie), set by ``SessionMiddleware``.
    public var csrfToken: String
    /// The language of the pages: German unless the visitor chose English.
    public var language: Language
    /// The client's IP address, for throttling sign-in attempts; empty when unknown.
    public var clientAddress: String
    /// The counts an answer to this request is made under, read before anything else (``ReplayedAnswers``); `nil`
    /// when answers are not replayed.
    var replayBasis: ReplayedAnswers.Basis?

    public init(source: Source) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? ""
        tenantID = nil
        author = .local
        access = nil
        csrfToken = ""
        language = .german
        replayBasis = nil
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
