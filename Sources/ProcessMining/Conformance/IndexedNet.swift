/// A Petri net in the form replay and alignment run on: places and transitions by index, each transition's
/// preset and postset as (place, weight) lists, markings as token vectors.
struct IndexedNet {
    struct Arc {
        var place: Int
        var weight: Int
    }

    let net: PetriNet
    let placeCount: Int
    /// Per transition: the places it consumes from and produces into.
    let preset: [[Arc]]
    let postset: [[Arc]]
    /// Per place: the transitions that consume from it (to find enabled transitions from marked places).
    let consumers: [[Int]]
    let initialMarking: [Int]
    let finalMarking: [Int]
    /// The same arcs flat, for the hot loops of replay and search: transition `t` consumes from
    /// `inputPlace[inputs[t]]` and produces into `outputPlace[outputs[t]]`, with the weights beside them.
    let inputs: [Range<Int>]
    let inputPlace: [Int]
    let inputWeight: [Int]
    let outputs: [Range<Int>]
    let outputPlace: [Int]
    let outputWeight: [Int]

    init(_ net: PetriNet) throws(MiningError) {
        self.net = net
        var placeIndex: [String: Int] = [:]
        for (index, place) in net.places.enumerated() { placeIndex[place.id] = index }
        var transitionIndex: [String: Int] = [:]
        for (index, transition) in net.transitions.enumerated() { transitionIndex[transition.id] = index }
        var preset = Array(repeating: [Arc](), count: net.transitions.count)
        var postset = preset
        var consumers = Array(repeating: [Int](), count: net.places.count)
        for arc in net.arcs {
            guard arc.weight > 0 else {
                throw Self.invalid(net, "Die Kante \(arc.source) → \(arc.target) hat kein positives Gewicht.")
            }
            if let place = placeIndex[arc.source], let transition = transitionIndex[arc.target] {
                preset[transition].append(Arc(place: place, weight: arc.weight))
                consumers[place].append(transition)
            } else if let transition = transitionIndex[arc.source], let place = placeIndex[arc.target] {
                postset[transition].append(Arc(place: place, weight: arc.weight))
            } else {
                throw Self.invalid(
                    net, "Die Kante \(arc.source) → \(arc.target) verbindet nicht eine Stelle mit einer Transition.")
            }
        }
        func vector(_ marking: [String: Int]) throws(MiningError) -> [Int] {
            var tokens = Array(repeating: 0, count: net.places.count)
            for (id, count) in marking {
                guard let place = placeIndex[id] else {
                    throw Self.invalid(net, "Die Markierung nennt die unbekannte Stelle \(id).")
                }
                tokens[place] = count
            }
            return tokens
        }
        placeCount = net.places.count
        self.preset = preset
        self.postset = postset
        self.consumers = consumers.map { Array(Set($0)).sorted() }
        initialMarking = try vector(net.initialMarking)
        finalMarking = try vector(net.finalMarking)
        func flat(_ arcs: [[Arc]]) -> (ranges: [Range<Int>], places: [Int], weights: [Int]) {
            var ranges: [Range<Int>] = [], places: [Int] = [], weights: [Int] = []
            for list in arcs {
                ranges.append(places.count..<(places.count + list.count))
                places += list.map(\.place)
                weights += list.map(\.weight)
            }
            return (ranges, places, weights)
        }
        (inputs, inputPlace, inputWeight) = flat(preset)
        (outputs, outputPlace, outputWeight) = flat(postset)
    }

    func isEnabled(_ transition: Int, in marking: [Int]) -> Bool {
        for arc in inputs[transition] where marking[inputPlace[arc]] < inputWeight[arc] { return false }
        return true
    }

    var transitionCount: Int { preset.count }

    func label(_ transition: Int) -> String? { net.transitions[transition].label }

    private static func invalid(_ net: PetriNet, _ message: String) -> MiningError {
        MiningError(file: net.id, message: message)
    }
}
