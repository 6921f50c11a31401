import AmtswegStore
import Foundation
import SQLKit
import Testing

/// A server's SQLite engine keeps connections open between operations: a connection whose transaction failed is
/// not used again, operations at once each have their own, and closing the kept ones leaves the file whole.
@Suite struct SQLiteConnectionPoolTests {
    @Test func keptConnectionsStartEveryOperationClean() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pool-\(UUID().uuidString).sqlite")
            .path
        let engine = try await SQLiteEngine(path: path, keptConnections: 2)
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await engine.transaction { db in try await db.raw("CREATE TABLE t (x INTEGER NOT NULL)").run() }
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            try await engine.transaction { db in
                try await db.raw("INSERT INTO t (x) VALUES (1)").run()
                throw Refused()
            }
        }
        // Nothing of the failed transaction, and no transaction left open for the next operation.
        try await engine.transaction { db in try await db.raw("INSERT INTO t (x) VALUES (2)").run() }
        // 40 operations at once on 2 kept connections: each has its own (a shared one would fail with nested BEGINs).
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<40 {
                group.addTask {
                    if number % 4 == 0 {
                        try await engine.transaction { db in
                            try await db.raw("INSERT INTO t (x) VALUES (\(bind: 100 + number))").run()
                        }
                    } else {
                        _ = try await engine.snapshot { db in try await db.raw("SELECT COUNT(*) FROM t").all().count }
                    }
                }
            }
            try await group.waitForAll()
        }
        let values = try await engine.read { db in
            try await db.raw("SELECT x FROM t ORDER BY x").all().map { try $0.decode(column: "x", as: Int.self) }
        }
        #expect(values == [2] + stride(from: 100, to: 140, by: 4).map { $0 })
        #expect(engine.connectionUse.inUse == 0)
        // Kept connections hold the write-ahead log open; once they are closed, the last close folds it into the file.
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        await engine.closeKeptConnections()
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        // Still usable afterwards, one connection per operation.
        #expect(
            try await engine.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM t").first()?.decode(column: "n", as: Int.self)
            } == 11)
    }
}
