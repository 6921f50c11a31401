import SQLKit

/// A value bound to a statement parameter, independent of the driver. Rows for bulk inserts are built from
/// these, so an engine can bind them without going through `Encodable` (the costly part of large imports).
public enum SQLValue: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case real(Double)
    case null

    init(_ text: String?) { self = text.map { .text($0) } ?? .null }
    init(_ integer: Int?) { self = integer.map { .integer($0) } ?? .null }

    /// The value as SQLKit binds it, for the portable path.
    var bind: any SQLExpression {
        switch self {
        case .text(let text): SQLBind(text)
        case .integer(let integer): SQLBind(integer)
        case .real(let real): SQLBind(real)
        case .null: SQLLiteral.null
        }
    }
}
