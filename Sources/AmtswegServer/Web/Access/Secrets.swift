import Crypto
import Foundation
import HummingbirdBcrypt
import NIOPosix
import Synchronization

/// Random tokens, their hashes, and password hashing — the only place that handles secrets.
public enum Secrets {
    /// 32 random bytes as 64 hexadecimal digits, from the system's secure generator.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// SHA-256 of a token as hex: what the store keeps of session and access tokens. They are random and long,
    /// so a fast hash suffices; passwords, chosen by people, get bcrypt.
    /// Asked on every request that brings a token or session, so the hex is written by hand: `String(format:)`
    /// per byte cost a quarter of an API request's time.
    public static func hash(token: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The bcrypt work factor: about a quarter of a second per hash on a server core.
    public static let defaultCost: UInt8 = 11

    /// A bcrypt hash with its own salt, computed off the request executor (it is slow on purpose).
    public static func hash(password: String, cost: UInt8 = defaultCost) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches a bcrypt hash; false for anything that is not one.
    public static func verify(password: String, hash: String) async throws -> Bool {
        guard hash.hasPrefix("$2") else { return false }
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// A bcrypt hash of a random value nobody knows, verified for unknown names so that a wrong name takes as
    /// long as a wrong password (no telling from the time which accounts exist).
    static func decoyHash(cost: UInt8) -> String {
        decoys.withLock { decoys in
            if let hash = decoys[cost] { return hash }
            let hash = Bcrypt.hash(randomToken(), cost: cost)
            decoys[cost] = hash
            return hash
        }
    }

    private static let decoys = Mutex<[UInt8: String]>([:])

    /// What a new password must satisfy; `nil` if it does, else the reason in German.
    public static func problem(withPassword password: String) -> String? {
        if password.count < 10 { return "Das Passwort muss mindestens 10 Zeichen lang sein." }
        if password.utf8.count > 72 { return "Das Passwort darf höchstens 72 Bytes lang sein." }
        return nil
    }
}
