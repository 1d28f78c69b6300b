/// A fixed-length column of plain values in 64-byte aligned memory, padded to a whole number of
/// SIMD blocks, so the kernel can load `SIMD16` lanes straight from it.
///
/// The only type besides `BlockKernel` that holds an unsafe pointer: the memory is allocated once
/// in `init`, never resized, and freed in `deinit`. Reading and writing go through a checked
/// subscript everywhere except in `BlockKernel`.
final class _AlignedColumn<Element: BitwiseCopyable>: @unchecked Sendable {
    /// Number of elements, padding included.
    let count: Int
    /// The aligned storage (read by the kernel only).
    let base: UnsafeMutablePointer<Element>

    /// A column holding `values`, then `pad` up to `paddedCount` elements.
    init(_ values: [Element], paddedCount: Int, pad: Element) {
        precondition(paddedCount >= values.count)
        count = paddedCount
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(1, paddedCount) * MemoryLayout<Element>.stride, alignment: 64)
        base = raw.bindMemory(to: Element.self, capacity: max(1, paddedCount))
        values.withUnsafeBufferPointer { src in
            if let s = src.baseAddress { base.initialize(from: s, count: values.count) }
        }
        (base + values.count).initialize(repeating: pad, count: paddedCount - values.count)
    }

    /// A column of `count` copies of `value`.
    convenience init(repeating value: Element, count: Int) {
        self.init([], paddedCount: count, pad: value)
    }

    deinit { UnsafeMutableRawPointer(base).deallocate() }

    /// The element at `i` (bounds-checked).
    subscript(i: Int) -> Element {
        get { precondition(i >= 0 && i < count); return base[i] }
        set { precondition(i >= 0 && i < count); base[i] = newValue }
    }
}
