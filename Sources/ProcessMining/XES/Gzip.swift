import CompressNIO
import Foundation
import NIOCore

/// gzip, as `.xes.gz` files come (zlib through CompressNIO).
enum Gzip {
    static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B
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
}
