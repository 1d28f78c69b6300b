import Foundation

// jobmatch-bench: the benchmark suite's dispatcher. One subcommand per subject; each subject's
// file documents its options. Timings are wall clock; nothing here asserts a time.

let usage = """
    jobmatch-bench <command> [options]

    Commands:
      allpairs  --profiles N --offers M [--seed S] [--no-constraints] [--threads T] [--reps R]
                [--top K] [--candidates] [--json] [--export DIR]
                All-pairs exact top-k (rankAll; --candidates: candidatesAll). --export DIR writes the
                problem (constraints off) as dense float32 matrices for Benchmarks/peers/faiss_peer.py.
      single    --offers M [--profiles N] [--queries Q] [--seed S] [--no-constraints] [--json]
                Latency of one rank(profile:) query (p50/p99) and of candidates(offer:).
      reference [--sizes NxM,...] [--seed S] [--reps R] [--json]
                The plain reference scorer on the Corpus and synthetic sizes, beside the kernel.
      suite     [--json] [--quick]
                The matching scenarios of the issue, each in its own process, as a table.
      assign    --profiles N --offers M [--seed S] [--reps R] [--top K] [--min-score S]
                [--objective best-total|most-placed] [--json] [--export DIR] [--no-corpus]
                The optimal cohort plan (candidates + exact solve + proof) beside greedy, synthetic
                and Corpus. --export DIR writes pairs.tsv, places.tsv, plan.tsv for
                Benchmarks/peers/ortools_assign_peer.py.
      stem      Stemmer throughput (see StemmingBenchmark.swift).
      tokenize  Text pipeline throughput (see PipelineBenchmark.swift).
      import    Import throughput (see ImportBenchmark.swift).
      store     The store's writes alone, bulk load and re-import (see StoreBenchmark.swift).
      features  MatchCompiler.offer/profile alone on the import's offers (see FeaturesBenchmark.swift).
      quality   [--sets DIR] [--taxonomy DIR] [--esco DIR] [--runs a,b] [--no-peer] [--regenerate] [--json]
                Matching quality on the public analogue sets of Benchmarks/quality/ (nDCG@10, share of
                people whose first suggestion breaks a stated requirement), beside BM25.
      accesslog The access log's cost on match/candidates against the store and on a profile import,
                with and without the log in the same run (see AccessLogBenchmark.swift).
      ads       Reading job ads, MB/s on one core, beside the concept matcher (see AdsBenchmark.swift).
      scoring   The score's form on the Corpus rankings, beside the earlier form (see ScoringBenchmark.swift).
      cli       [--offers N] [--profiles N] [--reps R] [--store PATH] [--no-ad-text] [--json]
                The real jobmatch commands end to end as whole processes against a large store:
                median wall time and peak RSS (see CLIBenchmark.swift).
      worst-text [--mb N] [--shape NAME]
                The text pipeline on the worst shapes of text, s/MB and growth (see WorstTextBenchmark.swift).
      hostile-files [--mb N] [--reps R] [--shape NAME]
                Whole jobmatch processes (import --dry-run, tokenize) on files at and past the limits,
                s/MB at N and 2N MB (see HostileFilesBenchmark.swift).
      report    [--persons N] [--placements N] [--reps R] [--json]
                The results report on a synthetic caseload: whole jobmatch processes (JSON, HTML) and
                the stages inside one (see ReportBenchmark.swift).
      placements [--persons N] [--placements N] [--reps R] [--json]
                The placement import against sqlite3 .import of the same CSV.

    Every command accepts --json for machine-readable output.
    """

var args = Array(CommandLine.arguments.dropFirst())
let command = args.isEmpty ? "--help" : args.removeFirst()
do {
    switch command {
    case "allpairs": try MatchingBenchmark.allPairs(arguments: args)
    case "single": try MatchingBenchmark.single(arguments: args)
    case "suite": try MatchingBenchmark.suite(arguments: args)
    case "reference": try ReferenceBenchmark.run(arguments: args)
    case "assign": try AssignBenchmark.run(arguments: args)
    case "stem": print(try StemmingBenchmark.run(arguments: args))
    case "tokenize": try PipelineBenchmark.run(arguments: args)
    case "import": try ImportBenchmark.run(arguments: args)
    case "store": try StoreBenchmark.run(arguments: args)
    case "features": try FeaturesBenchmark.run(arguments: args)
    case "quality": try QualityBenchmark.run(arguments: args)
    case "accesslog": try AccessLogBenchmark.run(arguments: args)
    case "ads": try AdsBenchmark.run(arguments: args)
    case "scoring": try ScoringBenchmark.run(arguments: args)
    case "cli": try CLIBenchmark.run(arguments: args)
    case "worst-text": try WorstTextBenchmark.run(arguments: args)
    case "hostile-files": try HostileFilesBenchmark.run(arguments: args)
    case "report": try ReportBenchmark.run(arguments: args)
    case "placements": try ReportBenchmark.importPlacements(arguments: args)
    case "--help", "-h", "help": print(usage)
    default:
        FileHandle.standardError.write(Data("jobmatch-bench: unknown command '\(command)'\n\n\(usage)\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("jobmatch-bench \(command): \(error)\n".utf8))
    exit(1)
}
