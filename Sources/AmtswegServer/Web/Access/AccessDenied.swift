import AmtswegCore
import Hummingbird

/// Why a request was refused before its handler ran. ``ErrorMiddleware`` turns it into 401 (API), a redirect to
/// the sign-in page (pages read anonymously), 403 or 421.
enum AccessDenied: Error, Sendable {
    /// No account: the request needs a sign-in or a token.
    case signInRequired
    /// The API changes data only with an access token, also for signed-in browsers and in local mode.
    case tokenRequired
    /// An access token that is unknown, revoked or of a disabled account.
    case invalidToken
    /// The person's role does not hold the route's permission, or the object is outside their unit.
    case forbidden(Permission)
    /// A form or write sent from another site (`Origin`, `Sec-Fetch-Site`).
    case crossSite
    /// A `Host` this server does not answer for (DNS rebinding).
    case unknownHost(String)

    var status: HTTPResponse.Status {
        switch self {
        case .signInRequired, .tokenRequired, .invalidToken: .unauthorized
        case .forbidden, .crossSite: .forbidden
        case .unknownHost: .misdirectedRequest
        }
    }

    var message: String {
        switch self {
        case .signInRequired: "Bitte zuerst anmelden."
        case .tokenRequired:
            "Schreibende Aufrufe der JSON-API brauchen einen Zugangsschlüssel (Authorization: Bearer …). "
                + "Einen Schlüssel erstellt „Mein Konto“ oder „amtsweg token create“."
        case .invalidToken: "Der Zugangsschlüssel ist unbekannt, widerrufen oder gehört zu einem gesperrten Konto."
        case .forbidden: "Ihre Rolle erlaubt diese Aktion nicht."
        case .crossSite: "Die Anfrage kommt von einer anderen Website und wurde abgelehnt."
        case .unknownHost(let host): "Dieser Server antwortet nicht für „\(host)“."
        }
    }
}
