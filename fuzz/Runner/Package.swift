// swift-tools-version: 6.1
// The libFuzzer runner: one binary for every target of FuzzTargets, built with AddressSanitizer. A package of its
// own, so the sanitizer flags never reach the application's build. Built and run by `fuzz/run`.
import PackageDescription

let package = Package(
    name: "AmtswegFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Amtsweg", path: "../..")],
    targets: [
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "AmtswegFuzz", dependencies: ["CLibFuzzer", .product(name: "FuzzTargets", package: "Amtsweg")]),
    ],
    swiftLanguageModes: [.v6]
)
