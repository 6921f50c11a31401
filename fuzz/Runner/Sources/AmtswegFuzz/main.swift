import CLibFuzzer
import Foundation
import FuzzTargets

// Built with -sanitize=fuzzer,address -parse-as-library (fuzz/run). The target comes from AMTSWEG_FUZZ_TARGET.
let target: @Sendable (Data) -> Void = {
    let name = ProcessInfo.processInfo.environment["AMTSWEG_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTargets.all[name] else {
        FileHandle.standardError.write(
            Data("AMTSWEG_FUZZ_TARGET must be one of: \(FuzzTargets.all.keys.sorted().joined(separator: ", "))\n".utf8))
        exit(2)
    }
    return target
}()

/// The executable's entry point as SwiftPM links it on Linux (`main` is defined to be `AmtswegFuzz_main`):
/// hands the command line to libFuzzer's driver with the target as its callback.
@_cdecl("AmtswegFuzz_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { bytes, size in
        target(bytes.map { Data(bytes: $0, count: size) } ?? Data())
        return 0
    }
}
