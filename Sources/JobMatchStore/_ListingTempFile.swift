import Foundation
import JobMatchModel

/// The unnamed temporary file a listing sorts through (`_ListingRuns`, `_ListingBuckets`):
/// created for its owner only and unlinked at once, so it disappears with its descriptor whatever
/// happens to the process.
enum _ListingTempFile {
    /// A new temporary file's descriptor, mode 0600, already unlinked.
    /// - Throws: `StoreError` (`.sqlite`, `store.listingCreate`) naming the store at `path`.
    static func create(path: String) throws(StoreError) -> Int32 {
        var template = Array((NSTemporaryDirectory() + "/jobmatch-listing-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw StoreError(kind: .sqlite, path: path, .storeListingCreate, ["why": .text(String(cString: strerror(errno)))])
        }
        // mkstemp creates the file for its owner only (0600); fchmod makes sure whatever the umask.
        fchmod(fd, 0o600)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return fd
    }

    /// Writes all of `bytes` at `offset` of `fd`, retrying after an interruption.
    /// - Throws: `StoreError` (`.sqlite`, `store.listingWrite`) naming the store at `path`.
    static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int, path: String) throws(StoreError) {
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError(kind: .sqlite, path: path, .storeListingWrite, ["why": .text(String(cString: strerror(errno)))])
            }
            done += n
        }
    }

    /// Closes `fd` (so removes the file); a negative `fd` is ignored.
    static func close(_ fd: Int32) {
        guard fd >= 0 else { return }
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }
}
