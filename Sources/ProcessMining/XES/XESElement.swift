/// The elements of XES a reader tells apart.
enum XESElement: Equatable {
    case log, trace, event, values, other
    case attribute(AttributeType)

    enum AttributeType: Equatable {
        case string, date, int, float, boolean, id, list, container
    }

    init(localName: String) {
        switch localName {
        case "log": self = .log
        case "trace": self = .trace
        case "event": self = .event
        case "values": self = .values
        case "string": self = .attribute(.string)
        case "date": self = .attribute(.date)
        case "int": self = .attribute(.int)
        case "float": self = .attribute(.float)
        case "boolean": self = .attribute(.boolean)
        case "id": self = .attribute(.id)
        case "list": self = .attribute(.list)
        case "container": self = .attribute(.container)
        default: self = .other
        }
    }
}
