public import Foundation

extension XMLDocument {
    /// Reads a whole document into a tree. For documents of modest size (models, not event logs).
    public init(data: Data, file: String, limits: XMLLimits = .default) throws(XMLError) {
        var parser = try XMLPullParser(data: data, file: file, limits: limits)
        var prolog: [XMLNode] = [], epilog: [XMLNode] = []
        var stack: [XMLElement] = []
        var root: XMLElement?
        while let event = try parser.next() {
            switch event {
            case .startElement(let start):
                stack.append(
                    XMLElement(
                        name: start.name, attributes: start.attributes,
                        namespaceDeclarations: start.namespaceDeclarations,
                        line: start.line, column: start.column))
            case .endElement:
                let element = stack.removeLast()
                if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(.element(element)) }
            case .text(let text):
                stack[stack.count - 1].children.append(.text(text))
            case .cdata(let text):
                stack[stack.count - 1].children.append(.cdata(text))
            case .comment(let text):
                let node = XMLNode.comment(text)
                if !stack.isEmpty {
                    stack[stack.count - 1].children.append(node)
                } else if root == nil {
                    prolog.append(node)
                } else {
                    epilog.append(node)
                }
            case .processingInstruction(let target, let data):
                let node = XMLNode.processingInstruction(target: target, data: data)
                if !stack.isEmpty {
                    stack[stack.count - 1].children.append(node)
                } else if root == nil {
                    prolog.append(node)
                } else {
                    epilog.append(node)
                }
            }
        }
        self.init(prolog: prolog, root: root!, epilog: epilog)
    }

    /// Reads a file, refusing files over the size limit before reading them.
    public init(contentsOf url: URL, limits: XMLLimits = .default) throws(XMLError) {
        let file = url.path
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? nil
        guard let size else {
            throw XMLError(.unreadable, file: file, line: 0, column: 0, message: "Die Datei lässt sich nicht lesen.")
        }
        guard size <= limits.maxBytes else {
            throw XMLError(
                .limitExceeded, file: file, line: 0, column: 0,
                message: "Die Datei ist mit \(size) Bytes größer als erlaubt (\(limits.maxBytes) Bytes).")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw XMLError(.unreadable, file: file, line: 0, column: 0, message: "Die Datei lässt sich nicht lesen.")
        }
        try self.init(data: data, file: file, limits: limits)
    }
}
