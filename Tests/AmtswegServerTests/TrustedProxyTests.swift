import Foundation
import Hummingbird
import Testing

@testable import AmtswegServer

/// Behind a reverse proxy every request comes from the proxy: only a configured proxy may say whose request it
/// forwards, so sign-in throttling counts browsers — and a client that writes the header itself changes nothing.
@Suite struct TrustedProxyTests {
    static func configuration(proxies: Set<String>) -> ServerConfiguration {
        var configuration = ServerConfiguration(
            database: .sqlite(path: "/dev/null"), pseudonymizer: .init(key: Data(repeating: 1, count: 32)))
        configuration.trustedProxies = proxies
        return configuration
    }

    @Test func onlyATrustedProxyNamesTheClient() {
        let configuration = Self.configuration(proxies: ["10.0.0.2", "10.0.0.3"])
        let forwarded: HTTPFields = [.init("X-Forwarded-For")!: "203.0.113.9, 198.51.100.4, 10.0.0.3"]
        // Through two proxies: the nearest address that is not a proxy; what the client itself claimed (the
        // leftmost entry) is not believed.
        #expect(configuration.clientAddress(peer: "10.0.0.2", headers: forwarded) == "198.51.100.4")
        // Straight from a client that writes the header itself: its own address counts.
        #expect(configuration.clientAddress(peer: "198.51.100.77", headers: forwarded) == "198.51.100.77")
        #expect(
            configuration.clientAddress(
                peer: "10.0.0.2", headers: [.init("Forwarded")!: #"for="[2001:db8::1]:4711";proto=https"#])
                == "2001:db8::1")
        #expect(configuration.clientAddress(peer: "10.0.0.2", headers: [:]) == "10.0.0.2")
        #expect(Self.configuration(proxies: []).clientAddress(peer: "10.0.0.2", headers: forwarded) == "10.0.0.2")
    }
}
