import Foundation
import JobMatchScoring

/// The compiler and feature codec of a taxonomy, shared by reference.
final class _CompileTools: Sendable {
    let compiler: MatchCompiler
    let codec: FeatureCodec
    init(_ compiler: MatchCompiler) {
        self.compiler = compiler
        self.codec = FeatureCodec(compiler: compiler)
    }
}

/// A value shared by reference.
final class _Box<T: Sendable>: Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// A value made once, on first use, shared by threads.
final class _Lazy<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T?

    /// Empty: made on first `get`.
    init() {}

    /// Holding `value` already.
    init(_ value: T) { self.value = value }

    /// The value when it has been made, else nil (makes nothing).
    func peek() -> T? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    /// Holds `value` instead of what it held.
    func replace(_ value: T) {
        lock.lock()
        defer { lock.unlock() }
        self.value = value
    }

    func get(_ make: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let v = try make()
        value = v
        return v
    }
}
