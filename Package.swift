// swift-tools-version:6.0
//
// JobMatch: a job-matching engine with competency profiling for Danish municipalities.
// No third-party packages: the standard library, Foundation, Dispatch, XCTest, and the
// machine's libsqlite3 through the `CSQLite` system-library target.
import PackageDescription
import Foundation

/// The CPU the optimised targets are compiled for. The SIMD kernel needs the machine's vector
/// instructions (FMA, AVX2/AVX-512) or Swift lowers every lane of `addingProduct` to a call of
/// `fmaf`. Set `JOBMATCH_TARGET_CPU` to another LLVM CPU name (`haswell`, `znver4`, ...; swiftc takes CPU names, not `x86-64-v3`) or to
/// `portable` for a build that runs on any x86-64 machine.
let targetCPU: String? = {
    let requested = ProcessInfo.processInfo.environment["JOBMATCH_TARGET_CPU"] ?? "native"
    if requested.isEmpty || requested == "portable" { return nil }
    #if arch(x86_64) || arch(arm64)
    return requested
    #else
    return nil
    #endif
}()

let fastSettings: [SwiftSetting] = targetCPU.map { [.unsafeFlags(["-target-cpu", $0])] } ?? []

let package = Package(
    name: "JobMatch",
    products: [
        .library(name: "JobMatch", targets: ["JobMatch"]),
        .executable(name: "jobmatch", targets: ["jobmatch"]),
        .executable(name: "jobmatch-bench", targets: ["jobmatch-bench"]),
    ],
    targets: [
        // System SQLite (Debian: libsqlite3-dev).
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),

        // The stages a profile flows through, one module each; data flows one way.
        .target(name: "JobMatchModel", swiftSettings: fastSettings),
        .target(name: "JobMatchText", swiftSettings: fastSettings),
        .target(name: "JobMatchTaxonomy", dependencies: ["JobMatchModel", "JobMatchText"], swiftSettings: fastSettings),
        // Reading job ads: requirements, strengths and hard statements from an offer's title and text.
        .target(name: "JobMatchAds", dependencies: ["JobMatchModel", "JobMatchText", "JobMatchTaxonomy"], swiftSettings: fastSettings),
        .target(name: "JobMatchScoring", dependencies: ["JobMatchModel", "JobMatchText", "JobMatchTaxonomy", "JobMatchAds"], swiftSettings: fastSettings),
        .target(name: "JobMatchKernel", dependencies: ["JobMatchScoring"], exclude: ["README.md"], swiftSettings: fastSettings),
        // Cohort planning: the optimal assignment of people to offers under the offers' places,
        // on the sparse candidate graph the kernel produces.
        .target(name: "JobMatchAssignment", dependencies: ["JobMatchKernel"], swiftSettings: fastSettings),
        .target(name: "JobMatchImport", dependencies: ["JobMatchModel"], swiftSettings: fastSettings),
        .target(name: "JobMatchStore", dependencies: ["JobMatchModel", "CSQLite"], swiftSettings: fastSettings),
        // What happened after the match: the results report over placements, profiles and offers
        // (plain values, no SQL).
        .target(name: "JobMatchResults", dependencies: ["JobMatchModel"], swiftSettings: fastSettings),
        // The umbrella library: re-exports the stages and adds the engine and the Corpus loader.
        .target(
            name: "JobMatch",
            dependencies: ["JobMatchModel", "JobMatchText", "JobMatchTaxonomy", "JobMatchAds", "JobMatchScoring",
                           "JobMatchKernel", "JobMatchAssignment", "JobMatchImport", "JobMatchStore", "JobMatchResults"],
            swiftSettings: fastSettings),
        // Personal data as a municipality must handle it: a person's copy of their data, the
        // explanation written for the person (the store keeps the access log, blocks, erasure).
        .target(name: "JobMatchPrivacy", dependencies: ["JobMatch"]),
        // The command-line tool, a thin shell over the library.
        .executableTarget(name: "jobmatch", dependencies: ["JobMatch", "JobMatchPrivacy"], swiftSettings: fastSettings),
        // The benchmark suite.
        .executableTarget(name: "jobmatch-bench", dependencies: ["JobMatch"], path: "Benchmarks/jobmatch-bench",
                          swiftSettings: fastSettings),

        // What the tests share (the seeded generator of the randomized tests).
        .target(name: "JobMatchTestSupport", path: "Tests/JobMatchTestSupport"),
        .testTarget(name: "JobMatchModelTests", dependencies: ["JobMatchModel", "JobMatchTestSupport"]),
        .testTarget(name: "JobMatchTextTests", dependencies: ["JobMatchText"]),
        .testTarget(name: "JobMatchTaxonomyTests", dependencies: ["JobMatch", "JobMatchTestSupport"]),
        .testTarget(name: "JobMatchAdsTests", dependencies: ["JobMatch", "JobMatchTestSupport"], exclude: ["ad-sentences.txt"]),
        .testTarget(name: "JobMatchScoringTests", dependencies: ["JobMatch", "JobMatchTestSupport"]),
        .testTarget(name: "JobMatchKernelTests", dependencies: ["JobMatch", "JobMatchTestSupport"]),
        .testTarget(name: "JobMatchAssignmentTests", dependencies: ["JobMatch", "JobMatchAssignment", "JobMatchTestSupport"]),
        .testTarget(name: "JobMatchImportTests", dependencies: ["JobMatch", "JobMatchTestSupport"]),
        .testTarget(name: "JobMatchStoreTests", dependencies: ["JobMatch", "JobMatchTestSupport"]),
        .testTarget(name: "JobMatchResultsTests", dependencies: ["JobMatch", "JobMatchTestSupport"]),
        .testTarget(name: "JobMatchTests", dependencies: ["JobMatch", "JobMatchTestSupport"]),
        .testTarget(name: "JobMatchPrivacyTests", dependencies: ["JobMatchPrivacy", "JobMatch", "JobMatchTestSupport"]),
        .testTarget(name: "jobmatchCLITests", dependencies: ["JobMatch", "jobmatch", "JobMatchTestSupport"]),
    ]
)
