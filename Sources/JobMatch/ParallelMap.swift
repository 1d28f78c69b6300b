import Dispatch

extension Array where Element: Sendable {
    /// `map` over both cores for independent, CPU-bound element work (compiling profiles and
    /// offers). Results keep the input order.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let n = count
        if n < 64 { return map(transform) }
        let chunks = Swift.min(n, 8 * 2)
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: n)
        nonisolated(unsafe) let out = buffer
        self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let inp = input
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let lo = c * n / chunks, hi = (c + 1) * n / chunks
                for i in lo..<hi { (out.baseAddress! + i).initialize(to: transform(inp[i])) }
            }
        }
        let result = Array<T>(buffer)
        buffer.deinitialize()
        buffer.deallocate()
        return result
    }
}
