/// The broad families of flow elements, as the notation draws them.
extension BPMNElement {
    /// Tasks of every type, sub-processes, transactions and call activities.
    public var isActivity: Bool { SVGRenderer.category(of: kind) == .activity }
    /// Start, intermediate, boundary and end events.
    public var isEvent: Bool { SVGRenderer.category(of: kind) == .event }
    public var isGateway: Bool { SVGRenderer.category(of: kind) == .gateway }
}
