/// One choice of a `<select>` in a form or filter, with whether it is the chosen one.
struct SelectOption: Sendable {
    var value: String
    var label: String
    var isSelected: Bool
}
