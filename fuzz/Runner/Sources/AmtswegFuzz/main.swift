import FuzzTargets
import Foundation

// libFuzzer's entry point (the binary is built with -sanitize=fuzzer,address -parse-as-library, so libFuzzer
// brings `main`). The target comes from AMTSWEG_FUZZ_TARGET, which `fuzz/run` sets.
let target: @Sendable (Data) -> Void = {
    let name = ProcessInfo.processInfo.environment["AMTSWEG_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTargets.all[name] else {
        FileHandle.standardError.write(
            Data("AMTSWEG_FUZZ_TARGET must be one of: \(FuzzTargets.all.keys.sorted().joined(separator: ", "))\n".utf8))
        exit(2)
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    target(Data(bytes: start, count: count))
    return 0
}
