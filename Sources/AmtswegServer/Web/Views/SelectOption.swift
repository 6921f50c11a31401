/// One choice of a `<select>` in a form or filter, with whether it is the chosen one.
struct SelectOption: Sendable {
    var value: String
    var label: String
    var isSelected: Bool
}

/// One checkbox of a group in a form, with the element id its label points to.
struct CheckOption: Sendable {
    var value: String
    var label: String
    var isChecked: Bool
    var elementID: String
}
