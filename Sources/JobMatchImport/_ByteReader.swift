import Foundation

/// Reads a file in fixed-size chunks with `read(2)`: constant memory whatever the file's size.
final class _ByteReader {
    let path: String
    private let fd: Int32
    private(set) var buffer: UnsafeMutableBufferPointer<UInt8>
    /// Valid bytes in `buffer`.
    private(set) var count = 0
    /// Bytes of the file read so far (for progress).
    private(set) var bytesRead: Int64 = 0
    /// The file's size when opened (0 for pipes).
    let size: Int64

    init(path: String, chunkSize: Int = 1 << 20) throws(ImportFileError) {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ImportFileError(file: path, line: 0, .importFileCannotOpen, ["reason": .text(String(cString: strerror(errno)))])
        }
        var st = stat()
        size = fstat(fd, &st) == 0 ? Int64(st.st_size) : 0
        buffer = .allocate(capacity: chunkSize)
    }

    deinit {
        close(fd)
        buffer.deallocate()
    }

    /// Reads the next chunk into `buffer`; returns false at the end of the file.
    func fill() throws(ImportFileError) -> Bool {
        while true {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw ImportFileError(file: path, line: 0, .importFileCannotRead, ["reason": .text(String(cString: strerror(errno)))])
            }
            count = n
            bytesRead += Int64(n)
            return n > 0
        }
    }
}
