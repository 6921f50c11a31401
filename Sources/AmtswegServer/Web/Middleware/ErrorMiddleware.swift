import AmtswegStore
import Hummingbird

/// Turns every error into what the client can use, in one place: pages get an error page in the visitor's
/// language, the API gets `application/problem+json`. Store errors never leak driver details.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let renderer: PageRenderer

    struct ErrorView: Sendable {
        var status: Int
        var heading: String
        var message: String
        var advice: String
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch AccessDenied.signInRequired
            where !request.uri.path.hasPrefix(Paths.api + "/") && [.get, .head].contains(request.method)
        {
            // A page read anonymously: to the sign-in page, and back here afterwards.
            let next = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            return Response(
                status: .seeOther,
                headers: [.location: Paths.login(next: next)])
        } catch {
            let (status, message) = Self.classify(error)
            if status == .internalServerError {
                context.logger.error("\(request.method) \(request.uri.path): \(String(describing: error))")
            }
            if request.uri.path.hasPrefix(Paths.api + "/") {
                var problem = ProblemDetails(title: status.reasonPhrase, status: status.code, detail: message)
                if case StoreError.invalid(let issues) = error {
                    problem.errors = Dictionary(grouping: issues) { "\($0.kind.rawValue):\($0.id)" }
                        .mapValues { $0.map(\.message) }
                }
                if case StoreError.invalidRoadmap(let problems) = error { problem.errors = ["roadmap": problems] }
                if case StoreError.invalidData(_, let problems) = error { problem.errors = ["data": problems] }
                var response = try problem.response(from: request, context: context)
                if let error = error as? HTTPError { response.headers.append(contentsOf: error.headers) }
                if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"amtsweg\"" }
                return response
            }
            // The session middleware runs inside this one; the language comes from its cookie directly.
            let german =
                request.uri.queryParameters["lang"] == "en"
                ? false : request.cookie(SessionMiddleware.languageCookie) != "en"
            let view = ErrorView(
                status: status.code, heading: Self.heading(status, german: german), message: message,
                advice: german
                    ? "Zurück zur Startseite oder über die Suche weiter."
                    : "Go back to the start page or use the search.")
            var pageContext = context
            pageContext.language = german ? .german : .english
            var response = try renderer.page(
                "error", title: view.heading, section: .none, content: view, context: pageContext, tenantName: "",
                status: status
            ).response(from: request, context: context)
            if let error = error as? HTTPError { response.headers.append(contentsOf: error.headers) }
            return response
        }
    }

    static func classify(_ error: any Error) -> (HTTPResponse.Status, String) {
        switch error {
        case let error as AccessDenied:
            return (error.status, error.message)
        case let error as HTTPError:
            return (error.status, error.body ?? error.status.reasonPhrase)
        case let error as any HTTPResponseError:
            return (error.status, error.status.reasonPhrase)
        case StoreError.notFound(let kind, let id):
            return (.notFound, "\(kind.label) „\(id)“ gibt es nicht.")
        case StoreError.invalid(let issues):
            return (.unprocessableContent, issues.map(String.init(describing:)).joined(separator: " "))
        case StoreError.conflict(let reason):
            return (.conflict, reason)
        case StoreError.version(let error):
            return (.conflict, error.description)
        case StoreError.invalidRoadmap(let problems):
            return (.unprocessableContent, problems.joined(separator: " "))
        case StoreError.invalidData(let what, let problems):
            return (.unprocessableContent, "\(what): " + problems.joined(separator: "; "))
        default:
            return (.internalServerError, "Ein unerwarteter Fehler ist aufgetreten.")
        }
    }

    static func heading(_ status: HTTPResponse.Status, german: Bool) -> String {
        switch status.code {
        case 404: german ? "Seite nicht gefunden" : "Page not found"
        case 401: german ? "Anmeldung erforderlich" : "Sign-in required"
        case 403: german ? "Aktion nicht erlaubt" : "Action not allowed"
        case 421: german ? "Unbekannte Adresse" : "Unknown address"
        case 413: german ? "Datei zu groß" : "File too large"
        case 400, 422: german ? "Eingabe nicht verwendbar" : "Input not usable"
        default: german ? "Ein Fehler ist aufgetreten" : "An error occurred"
        }
    }
}
