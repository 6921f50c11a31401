public import SQLKit

/// A database engine the portable SQL code runs on. The engine-specific parts — opening connections,
/// pragmas, how a transaction begins — live behind this protocol; everything above it is plain SQLKit.
public protocol SQLEngine: Sendable {
    /// Runs `body` with a database for reading.
    func read<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R

    /// Runs `body` in a read-only transaction, so that several reads see one consistent state.
    func snapshot<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R

    /// Runs `body` inside one transaction: committed when it returns, rolled back when it throws.
    func transaction<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R

    /// The most bind parameters one statement may carry; inserts are batched below it.
    var maxBindsPerStatement: Int { get }

    /// Turns a driver error into a ``StoreError``.
    func storeError(for error: any Error) -> StoreError
}
