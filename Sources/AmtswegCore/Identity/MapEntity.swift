/// An object with a typed identifier of its own.
///
/// Used instead of `Identifiable`, whose associated type `ID` would shadow the generic ``ID`` inside
/// every conforming type.
public protocol MapEntity {
    var id: ID<Self> { get }
}
