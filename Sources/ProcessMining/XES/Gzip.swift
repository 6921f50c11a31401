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
    ///
    /// The loop is ours, not CompressNIO's `decompressStream(with:window:process:)`: that one loops for ever when
    /// bytes follow the end of the compressed stream (found by the fuzzer: 468 bytes kept a thread busy without
    /// end). Here a step that neither reads nor writes ends the member; what follows is another gzip member
    /// (`cat a.gz b.gz` is a valid gzip file), zero padding (ignored, as gzip and Python do), or an error.
    static func inflate(
        _ data: Data, file: String, limit: Int, window size: Int = 1 << 20,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        var input = ByteBuffer(bytes: data)
        var window = ByteBufferAllocator().buffer(capacity: size)
        var total = 0
        func decompressor() throws -> ZlibDecompressor {
            do {
                return try ZlibDecompressor(algorithm: .gzip, windowSize: ZlibConfiguration().windowSize)
            } catch {
                throw MiningError(file: file, message: "zlib lässt sich nicht starten (\(error)).")
            }
        }
        func deliver() throws {
            total += window.readableBytes
            guard total <= limit else {
                throw MiningError(
                    file: file,
                    message: "Entpackt größer als erlaubt (\(limit) Bytes) – Datei zu groß oder manipuliert.")
            }
            try window.withUnsafeReadableBytes { raw in try body(raw.bindMemory(to: UInt8.self)) }
            window.clear()
        }
        var member = try decompressor()
        while input.readableBytes > 0 {
            let unread = input.readableBytes, written = window.readableBytes
            do {
                try input.decompressStream(to: &window, with: member)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                try deliver()
                continue
            } catch let error as CompressNIOError where error == .inputBufferOverflow {
                // More input wanted: the stream is cut short; the XML reader reports where it ends.
            } catch let error as MiningError {
                throw error
            } catch {
                throw MiningError(file: file, message: "Die gzip-Datei ist beschädigt (\(error)).")
            }
            guard input.readableBytes == unread, window.readableBytes == written else { continue }
            let rest = input.readableBytesView
            if rest.allSatisfy({ $0 == 0 }) { break }
            guard rest.starts(with: [0x1F, 0x8B]) else {
                throw MiningError(
                    file: file,
                    message: "Nach dem Ende der gzip-Daten folgen \(rest.count) weitere Bytes – Datei beschädigt.")
            }
            member = try decompressor()
        }
        if window.readableBytes > 0 { try deliver() }
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
