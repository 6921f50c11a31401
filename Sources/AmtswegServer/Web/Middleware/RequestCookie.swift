import Hummingbird

extension Request {
    /// The value of the first cookie called `name` in the request's `Cookie` fields, or nil. Read on every request
    /// by three middlewares, so it scans the field's bytes once per lookup and copies only the value found
    /// (Hummingbird's `cookies` splits the whole field into characters and parses each cookie anew on every
    /// access — about a seventh of the time a kept page takes to serve). Cookies are `name=value` pairs
    /// separated by `;` and optional spaces (RFC 6265, 4.2.1); the names read here are ASCII.
    func cookie(_ name: String) -> String? {
        let wanted = Array(name.utf8)
        for field in headers[values: .cookie] {
            let bytes = Array(field.utf8)
            var start = 0
            while start < bytes.count {
                while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") {
                    start += 1
                }
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
                let nameEnd = start + wanted.count
                if nameEnd < end, bytes[nameEnd] == UInt8(ascii: "="), bytes[start..<nameEnd].elementsEqual(wanted) {
                    return String(decoding: bytes[(nameEnd + 1)..<end], as: UTF8.self)
                }
                start = end + 1
            }
        }
        return nil
    }
}
