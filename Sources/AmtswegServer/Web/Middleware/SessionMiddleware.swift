import Hummingbird

/// Gives every visitor a form token and a language, both kept in cookies. (Who the visitor is and which
/// tenant they work in is ``AccessMiddleware``'s.)
///
/// The form token is a double-submit cookie: a random value in a `SameSite=Strict` cookie that every form
/// repeats in a hidden field; another site can neither read the cookie nor guess the value. It needs no
/// server-side session, so several server instances can share the load. `?lang=en` switches the language
/// and remembers the choice.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let tokenCookie = "amtsweg_form"
    static let languageCookie = "amtsweg_lang"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        var setCookies: [Cookie] = []
        if let token = request.cookie(Self.tokenCookie), token.utf8.count == 64,
            token.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) || (65...70).contains($0) })
        {
            context.csrfToken = token
        } else {
            context.csrfToken = Self.makeToken()
            // An API client with its access token posts no forms: it gets no cookie (one per request, useless to
            // it, and an answer that sets a cookie is never replayed, see ``ReplayedAnswers``).
            if request.headers[.authorization] == nil {
                setCookies.append(
                    Cookie(
                        name: Self.tokenCookie, value: context.csrfToken, path: "/", httpOnly: true, sameSite: .strict))
            }
        }
        if let chosen = request.uri.queryParameters["lang"].flatMap({ Language(rawValue: String($0)) }) {
            context.language = chosen
            setCookies.append(
                Cookie(
                    name: Self.languageCookie, value: chosen.rawValue, maxAge: 365 * 86_400, path: "/",
                    httpOnly: true, sameSite: .lax))
        } else if let stored = request.cookie(Self.languageCookie).flatMap(Language.init(rawValue:)) {
            context.language = stored
        }
        var response = try await next(request, context)
        for cookie in setCookies { response.setCookie(cookie) }
        return response
    }

    /// 64 hex digits from the system's random source, written into one buffer (a visitor without the cookie —
    /// every API client — gets one per request).
    static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(unsafeUninitializedCapacity: 64) { digits in
            for word in 0..<4 {
                var value = generator.next() as UInt64
                for digit in 0..<16 {
                    digits[word * 16 + digit] = hexDigits[Int(value >> 60)]
                    value <<= 4
                }
            }
            return 64
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
