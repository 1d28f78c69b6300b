import Foundation
import XCTest
@testable import JobMatchStore
import JobMatchTestSupport

/// The access log's hash against the published examples (FIPS 180-2 appendix B, RFC 4231) and
/// against Python's `hashlib`/`hmac` on random inputs.
final class SHA256Tests: XCTestCase {
    func hex(_ b: [UInt8]) -> String { Store.hex(b) }

    func testPublishedSHA256Examples() {
        XCTAssertEqual(hex(_SHA256.hash(Array("abc".utf8))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(hex(_SHA256.hash([])), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(hex(_SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(hex(_SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000))),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testRFC4231Examples() {
        // Test case 1: key 0x0b × 20, "Hi There".
        XCTAssertEqual(hex(_HMACSHA256(key: [UInt8](repeating: 0x0b, count: 20)).mac(Array("Hi There".utf8))),
                       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        // Test case 2: key "Jefe".
        XCTAssertEqual(hex(_HMACSHA256(key: Array("Jefe".utf8)).mac(Array("what do ya want for nothing?".utf8))),
                       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // Test case 6: a 131-byte key (hashed first).
        XCTAssertEqual(hex(_HMACSHA256(key: [UInt8](repeating: 0xaa, count: 131))
                        .mac(Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))),
                       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    /// Random keys and messages of every length around the block boundaries, against Python.
    func testAgreesWithPythonOnRandomInputs() throws {
        var rng = SplitMix64(state: 12)
        var lines: [String] = []
        var ours: [String] = []
        for n in [0, 1, 31, 55, 56, 57, 63, 64, 65, 119, 120, 128, 200, 1000] {
            let key = (0..<Int(rng.next() % 80)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let msg = (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            lines.append(hex(key) + " " + hex(msg))
            ours.append(hex(_SHA256.hash(msg)) + " " + hex(_HMACSHA256(key: key).mac(msg)))
        }
        let script = """
            import sys, hashlib, hmac
            for line in sys.stdin.read().splitlines():
                k, _, m = line.partition(" ")
                k, m = bytes.fromhex(k), bytes.fromhex(m)
                print(hashlib.sha256(m).hexdigest(), hmac.new(k, m, hashlib.sha256).hexdigest())
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script]
        let inp = Pipe(), out = Pipe()
        p.standardInput = inp
        p.standardOutput = out
        do { try p.run() } catch { throw XCTSkip("python3 not available") }
        inp.fileHandleForWriting.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        try inp.fileHandleForWriting.close()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(text.split(separator: "\n").map(String.init), ours)
    }

    /// The sixteen-lane HMAC equals the one-message path, lane by lane, on random keys and on
    /// messages of every length from 0 to 55 bytes (ASCII and multi-byte UTF-8), in full and
    /// partial batches.
    func testSixteenLanesEqualOneAtATime() {
        var rng = SplitMix64(state: 77)
        let alphabet = Array("ABCKBH-0123456789æøåÆØÅ_ ")
        for round in 0..<40 {
            let key = (0..<Int(rng.next() % 100)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let mac = _HMACSHA256(key: key)
            let n = 1 + Int(rng.next() % 16)
            var ids: [String] = []
            while ids.count < n {
                let len = round == 0 ? ids.count * 3 : Int(rng.next() % 40)
                let s = String((0..<len).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
                if s.utf8.count <= 55 { ids.append(s) }
            }
            var lanes = [UInt8](repeating: 0, count: 16 * n)
            lanes.withUnsafeMutableBytes { mac.shortMACs(ids[...], into: $0.baseAddress!) }
            for (i, id) in ids.enumerated() {
                XCTAssertEqual(Array(lanes[16 * i..<16 * i + 16]), Array(mac.mac(Array(id.utf8)).prefix(16)), "round \(round), lane \(i): \(id)")
            }
        }
    }
}
