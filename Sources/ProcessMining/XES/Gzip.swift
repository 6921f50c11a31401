import CompressNIO
import Foundation
import NIOCore

/// gzip, as `.xes.gz` files come (zlib through CompressNIO).
enum Gzip {
    static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B
    }

    /// Decompresses in windows of `window` bytes, handing each to `body` as it is ready, so that a large log
    /// never lies in memory uncompressed.
    static func inflate(
        _ data: Data, file: String, limit: Int, window size: Int = 1 << 20,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        var input = ByteBuffer(bytes: data)
        var window = ByteBufferAllocator().buffer(capacity: size)
        var total = 0
        let decompressor: ZlibDecompressor
        do {
            decompressor = try ZlibDecompressor(algorithm: .gzip, windowSize: ZlibConfiguration().windowSize)
        } catch {
            throw MiningError(file: file, message: "zlib lässt sich nicht starten (\(error)).")
        }
        do {
            try input.decompressStream(with: decompressor, window: &window) { chunk in
                total += chunk.readableBytes
                guard total <= limit else {
                    throw MiningError(
                        file: file,
                        message: "Entpackt größer als erlaubt (\(limit) Bytes) – Datei zu groß oder manipuliert.")
                }
                try chunk.withUnsafeReadableBytes { raw in try body(raw.bindMemory(to: UInt8.self)) }
            }
        } catch let error as CompressNIOError {
            throw MiningError(file: file, message: "Die gzip-Datei ist beschädigt (\(error)).")
        }
    }

    /// The decompressed bytes. Output beyond `limit` bytes (a decompression bomb) and corrupt input are errors;
    /// a truncated file gives truncated XML, which the XML reader then refuses with its position.
    static func decompress(_ data: Data, file: String, limit: Int) throws(MiningError) -> Data {
        var input = ByteBuffer(bytes: data)
        do {
            let output = try input.decompress(with: ZlibAlgorithm.gzip, maxSize: limit)
            return Data(output.readableBytesView)
        } catch let error as CompressNIOError where error == .bufferOverflow {
            throw MiningError(
                file: file, message: "Entpackt größer als erlaubt (\(limit) Bytes) – Datei zu groß oder manipuliert.")
        } catch {
            throw MiningError(file: file, message: "Die gzip-Datei ist beschädigt (\(error)).")
        }
    }

    /// gzip-compressed `bytes`, for writing `.xes.gz`.
    static func compress(_ bytes: [UInt8], file: String) throws(MiningError) -> Data {
        var input = ByteBuffer(bytes: bytes)
        do {
            let output = try input.compress(with: .gzip())
            return Data(output.readableBytesView)
        } catch {
            throw MiningError(file: file, message: "Die Datei lässt sich nicht komprimieren (\(error)).")
        }
    }
}
