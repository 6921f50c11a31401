import Crypto
public import Foundation

/// Replaces the names of people in an event log by pseudonyms, as the staff council and data protection
/// expect by default: `R-` and the first 12 hex digits of HMAC-SHA256 over the name with a secret key.
///
/// The same key gives the same pseudonym for the same person in every log, so hand-overs can be followed over
/// time; without the key a pseudonym cannot be traced back to a name.
public struct ResourcePseudonymizer: Sendable {
    private let key: Data

    public init(key: Data) { self.key = key }

    /// A new random 256-bit key.
    public static func makeKey() -> Data { SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) } }

    public func pseudonym(for name: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(name.utf8), using: SymmetricKey(data: key))
        return "R-" + mac.prefix(6).map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }
}

extension EventLog {
    /// The log with every resource replaced by its pseudonym (the events keep their codes).
    public func pseudonymisingResources(with pseudonymizer: ResourcePseudonymizer) -> EventLog {
        var log = self
        var pool = StringPool()
        var recode: [Int32] = []
        for name in resources.strings { recode.append(pool.code(pseudonymizer.pseudonym(for: name))) }
        log.resources = pool
        log.resource = resource.map { $0 < 0 ? $0 : recode[Int($0)] }
        return log
    }
}
