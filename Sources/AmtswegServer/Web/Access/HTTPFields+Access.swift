import Hummingbird

/// Request headers that HTTPTypes does not name, read by the access checks.
extension HTTPFields {
    /// `Host` as the client sent it (HTTP/1.1; HTTP/2 clients name it in the request's authority).
    var host: String? { self[.init("Host")!] }
    /// A browser's statement whether a request comes from the same site.
    var secFetchSite: String? { self[.init("Sec-Fetch-Site")!] }
    /// The scheme the browser used, as a reverse proxy in front of the server reports it.
    var forwardedProto: String? { self[.init("X-Forwarded-Proto")!] }
    /// The addresses a request passed through, the browser's first (the de-facto standard of proxies).
    var forwardedFor: String? { self[.init("X-Forwarded-For")!] }
    /// RFC 7239's standard form of the proxy's report (`Forwarded: for=…;proto=https`).
    var forwarded: String? { self[.init("Forwarded")!] }
}
