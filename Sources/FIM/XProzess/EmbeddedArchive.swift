import Foundation
import ZIPFoundation

/// The files of a ZIP archive embedded in an XProzess message, unpacked within limits: no entry may leave the
/// archive's folder (`..`, absolute paths), the entries and their unpacked size are bounded, and an entry that
/// grows beyond the allowed ratio over its packed size is refused as a ZIP bomb — checked while unpacking, not
/// only against the sizes the archive claims.
enum EmbeddedArchive {
    static func isZIP(_ data: Data) -> Bool { data.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// Throws a sentence saying what is wrong (the caller adds file, element and line).
    static func unpack(_ data: Data, limits: XProzessLimits) throws(Failure) -> [(name: String, data: Data)] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw Failure("das eingebettete ZIP-Archiv ist beschädigt")
        }
        // What the archive declares is checked before anything is unpacked (an honest bomb says what it is);
        // while unpacking, the bytes are counted again (a lying one is stopped there).
        var declared = 0
        var entries = 0
        for entry in archive where entry.type == .file {
            entries += 1
            guard entries <= limits.maxZIPEntries else {
                throw Failure("das eingebettete ZIP-Archiv hat mehr als \(limits.maxZIPEntries) Einträge")
            }
            let unpacked = Int(clamping: entry.uncompressedSize)
            let packed = max(min(Int(clamping: entry.compressedSize), data.count), 1)
            declared = declared.addingReportingOverflow(unpacked).partialValue
            if unpacked > 1 << 20, unpacked / packed > limits.maxCompressionRatio {
                throw Failure(
                    "der Eintrag „\(entry.path)“ wächst beim Entpacken über das \(limits.maxCompressionRatio)-Fache "
                        + "(ZIP-Bombe?)")
            }
        }
        guard declared <= limits.maxUnpackedBytes else {
            throw Failure("das eingebettete ZIP-Archiv wird entpackt größer als \(limits.maxUnpackedBytes) Bytes")
        }
        var files: [(name: String, data: Data)] = []
        var total = 0
        var count = 0
        for entry in archive {
            count += 1
            guard count <= limits.maxZIPEntries else {
                throw Failure("das eingebettete ZIP-Archiv hat mehr als \(limits.maxZIPEntries) Einträge")
            }
            let path = entry.path
            let parts = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
            guard !path.hasPrefix("/"), !path.hasPrefix("\\"), !path.contains(":"), !parts.contains("..") else {
                throw Failure("der Eintrag „\(path)“ im eingebetteten ZIP-Archiv zeigt aus dem Archiv heraus")
            }
            guard entry.type == .file else { continue }
            var content = Data()
            let packed = max(min(Int(clamping: entry.compressedSize), data.count), 1)
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    content.append(chunk)
                    total += chunk.count
                    if total > limits.maxUnpackedBytes {
                        throw Failure(
                            "das eingebettete ZIP-Archiv wird entpackt größer als \(limits.maxUnpackedBytes) Bytes")
                    }
                    if content.count > 1 << 20, content.count / packed > limits.maxCompressionRatio {
                        throw Failure(
                            "der Eintrag „\(path)“ wächst beim Entpacken über das \(limits.maxCompressionRatio)-Fache "
                                + "(ZIP-Bombe?)")
                    }
                }
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure("der Eintrag „\(path)“ im eingebetteten ZIP-Archiv ist beschädigt")
            }
            files.append((path, content))
        }
        return files
    }

    /// Packs files into a ZIP archive in memory (deflated).
    static func pack(_ files: [(name: String, data: Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for file in files {
            try archive.addEntry(
                with: file.name, type: .file, uncompressedSize: Int64(file.data.count), compressionMethod: .deflate
            ) { position, size in
                file.data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw Failure("das ZIP-Archiv ließ sich nicht schreiben") }
        return data
    }

    struct Failure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}
